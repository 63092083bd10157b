import ArticleCore

enum Fixtures {
    static func article(title: String? = "Rice harvest breaks records", url: String? = "https://example.org/rice",
                        extraBlocks: [Block] = [], resources: [Resource] = []) -> Article {
        Article(
            metadata: Metadata(
                title: title, subtitle: "A season of records", authors: ["Thanh Le", "Nguyen Xuan Son"],
                published: ArticleDate(year: 2011, month: 9, day: 5, hour: 8, minute: 30, utcOffsetMinutes: 420),
                dateline: "Monday, 05/09/2011 - 08:30", source: "Baonghean", url: url, language: "vi",
                tags: ["agriculture"], summary: "Farmers agreed on prices."),
            blocks: [
                .paragraph([.text("The harvest was the largest on record.")]),
                .heading(level: 2, content: [.text("Prices")]),
                .figure(Figure(image: ImageReference(source: "photo.png", alt: "A field"),
                               caption: [.text("Farmers in the field.")], credit: "Thanh Le")),
                .list(ListBlock(ordered: false, items: [ListItem(blocks: [.paragraph([.text("one")])]),
                                                        ListItem(blocks: [.paragraph([.text("two")])])])),
                .heading(level: 3, content: [.text("Details")]),
                .quote([.paragraph([.text("Never seen before.")])]),
            ] + extraBlocks,
            resources: [Resource(path: "photo.png", mediaType: "image/png", data: tinyPNG)] + resources)
    }
}
