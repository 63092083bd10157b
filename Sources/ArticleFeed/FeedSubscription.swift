/// One feed an OPML file lists: its address and its name.
public struct FeedSubscription: Hashable, Sendable {
    /// The feed's address (`xmlUrl`), absolute when it resolves.
    public var url: String
    /// The feed's name (`title`, else `text`), or `nil`.
    public var title: String?

    /// Creates a subscription.
    public init(url: String, title: String? = nil) {
        self.url = url
        self.title = title
    }
}
