#!/usr/bin/env python3
"""Writes sample articles (ArticleKit JSON) that exercise everything the EPUB writer handles,
with the image files they refer to, into a folder:

    python3 scripts/make-epub-samples.py OUTDIR

Good and bad cases alike: figures with local, data: and remote images, a missing image, a file
that is not an image, a title full of markup characters and emoji, no title, no blocks, an
empty file, links between articles, every block kind.
"""
import base64, json, os, struct, sys, zlib


def png(width, height, shade):
    """A real greyscale PNG with a diagonal gradient."""
    rows = b"".join(b"\x00" + bytes(((x + y) * 255 // (width + height) + shade) % 256 for x in range(width))
                    for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def text(s):
    return {"type": "text", "text": s}


def para(*parts):
    return {"type": "paragraph", "content": [text(p) if isinstance(p, str) else p for p in parts]}


def main(out):
    os.makedirs(os.path.join(out, "images"), exist_ok=True)
    with open(os.path.join(out, "images", "harvest.png"), "wb") as f:
        f.write(png(480, 300, 40))
    with open(os.path.join(out, "images", "not-an-image.png"), "w") as f:
        f.write("this is text pretending to be a PNG\n")
    small = base64.b64encode(png(64, 40, 120)).decode()

    full = {
        "title": "Rice harvest: farmers & co-ops <finally> \"agree\" on prices 🌾",
        "subtitle": "A season of records in the north-central provinces",
        "authors": ["Thanh Le", "Nguyen Xuan Son"],
        "published": "2011-09-05T08:30:00+07:00",
        "dateline": "Monday, 05/09/2011 - 08:30",
        "source": "Baonghean",
        "url": "https://example.org/news/rice-harvest",
        "language": "en",
        "tags": ["agriculture", "Nghe An"],
        "summary": "Farmers and co-operatives agreed on prices after a record harvest.",
        "blocks": [
            {"type": "figure", "image": {"src": "images/harvest.png", "alt": "Farmers in a rice field"},
             "caption": [text("Farmers bring in the harvest in Quynh Luu district.")], "credit": "Thanh Le"},
            para("(Baonghean) - The harvest this year was the largest on record, with ",
                 {"type": "strong", "content": [text("7.2 tonnes")]}, " a hectare, and prices held ",
                 {"type": "emphasis", "content": [text("steady")]}, " through the season."),
            {"type": "heading", "level": 2, "content": [text("What the co-operatives did")]},
            para("They agreed on three things, listed ", {"type": "link", "url": "https://example.org/agreement",
                                                          "content": [text("in the agreement")]}, ":"),
            {"type": "list", "ordered": False, "items": [
                {"blocks": [para("a floor price for paddy;")]},
                {"blocks": [para("shared drying yards;")]},
                {"blocks": [para("one buyer per commune.")]}]},
            {"type": "heading", "level": 3, "content": [text("Numbers")]},
            {"type": "table", "align": ["left", "right"],
             "header": [{"content": [text("Crop")]}, {"content": [text("t/ha")]}],
             "rows": [[{"content": [text("Spring")]}, {"content": [text("6.9")]}],
                      [{"content": [text("Summer–autumn")]}, {"content": [text("7.2")]}]]},
            {"type": "quote", "blocks": [para("We have never seen a season like this.")]},
            {"type": "figure", "image": {"src": "data:image/png;base64," + small, "alt": ""},
             "caption": [text("A drying yard (embedded as a data: URI).")], "credit": "Co-op archive"},
            {"type": "figure", "image": {"src": "https://example.org/remote.jpg", "alt": "remote"},
             "caption": [text("A remote photo that is not fetched; its caption stays.")], "credit": "Agency"},
            {"type": "figure", "image": {"src": "images/missing.jpg", "alt": "missing"},
             "caption": [text("A photo whose file is missing; its caption stays.")], "credit": "Nobody"},
            {"type": "figure", "image": {"src": "images/not-an-image.png", "alt": "fake"},
             "caption": [text("A file that is not an image is left out.")], "credit": "Test"},
            {"type": "code", "language": "text", "text": "price = floor(max(cost * 1.1, market))\n"},
            {"type": "html", "html": "<div class=\"ad\"><p>Raw <b>HTML</b> &amp; stuff<br></div>"},
            {"type": "rule"},
            para("See also ", {"type": "link", "url": "https://example.org/news/school-year/",
                               "content": [text("the school year article")]}, " and a ",
                 {"type": "link", "url": "relative/page.html", "content": [text("relative link")]}, "."),
            {"type": "heading", "level": 2, "content": [text("Nghe An Newspaper")]},
            para("Nguyen Xuan Son"),
        ],
    }
    second = {
        "title": "New school year opens in Nghe An",
        "authors": ["Hoai Thu"],
        "published": "2011-09-06T07:00:00+07:00",
        "source": "Baonghean",
        "url": "https://example.org/news/school-year",
        "language": "en",
        "blocks": [para("Schools opened on Monday. The ", {"type": "link", "url": "http://www.example.org/news/rice-harvest#top",
                                                            "content": [text("harvest")]}, " paid for new roofs."),
                   {"type": "heading", "level": 1, "content": [text("A level-one heading in the body")]},
                   {"type": "heading", "level": 4, "content": [text("A deep heading")]},
                   para("Text.")],
    }
    vietnamese = {
        "title": "Nông dân thu hoạch lúa",
        "authors": [],
        "dateline": "DNUM_BEZBAZCABB 20:10",
        "language": "vi",
        "blocks": [para("Vụ lúa năm nay đạt năng suất cao nhất từ trước tới nay, nông dân phấn khởi.")],
    }
    nasty = {
        "title": "Control\u0001chars\u0007, a very long title that goes on and on to test how the cover wraps it: "
                 "\u05e9\u05dc\u05d5\u05dd RTL, combining \u0301 marks, NUL-free \ufffe and 🌾🌾🌾 " * 2,
        "subtitle": "", "authors": ["", "  ", "A <b>bold</b> author & co"], "source": "Src \"quoted\"",
        "url": "not a url at all", "language": "en_GB", "tags": ["", "a&b"], "summary": "   ",
        "published": "1970-01-01T00:00:00Z",
        "blocks": [
            {"type": "heading", "level": 6, "content": [{"type": "text", "text": "Deep first"}]},
            {"type": "heading", "level": 1, "content": []},
            {"type": "heading", "level": 3, "content": [{"type": "image", "src": "", "alt": ""}]},
            {"type": "list", "ordered": True, "start": 0, "tight": False, "items": [
                {"blocks": []}, {"blocks": [para("x"), {"type": "list", "ordered": False, "items": [
                    {"blocks": [para("nested")], "checked": True}, {"blocks": [para("open")], "checked": False}]}]}]},
            {"type": "table", "align": [], "header": [], "rows": [[{"content": [text("a")]}], [], [
                {"content": [text("b")]}, {"content": [text("c")]}, {"content": [text("d")]}]]},
            {"type": "table", "header": [], "rows": []},
            {"type": "quote", "blocks": []},
            {"type": "paragraph", "content": []},
            para({"type": "link", "url": "mailto:someone@example.org?subject=a b", "content": [text("mail")]}, " ",
                 {"type": "link", "url": "#frag", "content": [text("fragment")]}, " ",
                 {"type": "link", "url": "https://例子.测试/路径?q=ü#x y", "title": "t\"", "content": []}, " ",
                 {"type": "link", "url": "data:text/html,<script>1</script>", "content": [text("data link")]},
                 {"type": "strikethrough", "content": [{"type": "code", "text": "<&>"}]}, {"type": "softBreak"},
                 {"type": "html", "html": "<sup>2</sup>"}, {"type": "lineBreak"}),
            {"type": "figure", "image": None, "caption": [], "credit": None},
            {"type": "figure", "image": {"src": "", "alt": ""}, "caption": [], "credit": "Only a credit"},
            {"type": "figure", "image": {"src": "data:image/png;base64,!!!", "alt": "bad"}, "caption": [text("Bad data URI.")]},
            {"type": "code", "language": "", "text": "]]> <![CDATA[ \u0000 x"},
            {"type": "html", "html": "<table><tr><td>cell<td>cell2</table><script>x</script><img src=a.png>"},
        ],
    }
    samples = {
        "nasty.json": nasty,
        "full.json": full,
        "school.json": second,
        "vietnamese.json": vietnamese,
        "no-title.json": {"blocks": [para("An article with no title at all.")]},
        "no-blocks.json": {"title": "An article with no body"},
        "no-language.json": {"title": "Zzz", "language": None, "blocks": []},
    }
    for name, article in samples.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            json.dump(article, f, ensure_ascii=False, indent=1)
    open(os.path.join(out, "empty.json"), "w").close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "epub-samples")
