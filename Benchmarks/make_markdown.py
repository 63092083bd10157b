#!/usr/bin/env python3
"""Writes a Markdown article of about SIZE bytes to stdout, for benchmarks and memory checks.

    make_markdown.py 1000000 > big.md          # every construct, densely
    make_markdown.py --prose 50000000 > big.md  # article prose: paragraphs, headings, a few links

The text is the project's seed article (../shared/seeds) cut into paragraphs and dressed in
every construct the Markdown writer handles: front matter, headings, emphasis, links, code
spans, lists (tight, loose, nested, ordered, task), block quotes, fenced code, tables, figures,
raw HTML, hard breaks and escapes. Deterministic: the same size gives the same bytes.
"""
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SEEDS = sorted((HERE.parent.parent / "shared" / "seeds").glob("*.txt"))


def paragraphs():
    if SEEDS:
        text = SEEDS[0].read_text(encoding="utf-8")
        paras = [p.strip().replace("\n", " ") for p in text.split("\n\n") if len(p.strip()) > 80]
        if paras:
            return paras
    return ["The quick brown fox jumps over the lazy dog, again and again, in every section of the page."] * 4


def section(i, paras):
    p = paras[i % len(paras)]
    words = p.split(" ")
    mid = len(words) // 2
    styled = " ".join(words[:3]) + " *" + " ".join(words[3:6]) + "* " + " ".join(words[6:mid]) + \
        " **" + " ".join(words[mid:mid + 3]) + "** [a link](https://example.com/a/" + str(i) + " \"Title\") " + \
        " ".join(words[mid + 3:]) + " `code_span()` and 5 \\* 3 < 20 & more."
    return f"""## Section {i}: {" ".join(words[:4])}

{styled}
Second line of the paragraph with a hard break\\
and ~~struck~~ text.

- first item with *emphasis*
- second item
  1. nested ordered
  2. another
- [x] done task

> A quotation from the article, with **strong** words.
>
> And a second paragraph in it.

```swift
let section = {i}  // `backticks` inside
print("section \\(section)")
```

| Column | Value | Note |
| :-- | --: | :-: |
| row {i} | {i * 7} | *fine* |

![Photo {i}](images/photo{i}.jpg "Photo {i}")
*{" ".join(words[:8])}* (Photo: Staff)

<div class="aside">raw html block {i}</div>

1. loose item

2. another loose item

___

"""


def prose(i, paras):
    p = paras[i % len(paras)]
    words = p.split(" ")
    if i % 3 == 0:
        words[2] = "*" + words[2] + "*"
    if i % 5 == 0:
        words[4] = "[" + words[4] + "](https://example.com/" + str(i) + ")"
    head = f"## Part {i // 8}\n\n" if i % 8 == 0 else ""
    return head + " ".join(words) + "\n\n"


def main():
    args = sys.argv[1:]
    kind = section
    if args and args[0] == "--prose":
        kind = prose
        args = args[1:]
    size = int(args[0]) if args else 1_000_000
    paras = paragraphs()
    out = ["---\ntitle: A benchmark article\nauthor: ArticleKit\ndate: 2011-09-05T08:30:00+07:00\ntags:\n  - benchmark\n---\n\n"]
    n = len(out[0])
    i = 0
    while n < size:
        s = kind(i, paras)
        out.append(s)
        n += len(s.encode())
        i += 1
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
