#!/usr/bin/env python3
"""Writes N articles (ArticleKit JSON) made from the seed article's paragraphs into a folder,
for the one-book benchmark: `python3 Benchmarks/make-articles.py SEED OUTDIR N`.
One article in 20 has a figure with its own PNG image."""
import json, os, struct, sys, zlib


def png(width, height, shade):
    rows = b"".join(b"\x00" + bytes(((x * 3 + y * 5 + shade) % 256) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


def main(seed, out, n):
    paragraphs = [p.strip() for p in open(seed, encoding="utf-8").read().split("\n\n") if len(p.strip()) > 80]
    os.makedirs(os.path.join(out, "images"), exist_ok=True)
    for i in range(n):
        blocks = []
        if i % 20 == 0:
            name = f"images/photo-{i:04d}.png"
            with open(os.path.join(out, name), "wb") as f:
                f.write(png(320, 200, i))
            blocks.append({"type": "figure", "image": {"src": name, "alt": f"Photo {i}"},
                           "caption": [{"type": "text", "text": f"Caption of photo {i}."}], "credit": "Thanh Le"})
        for k, p in enumerate(paragraphs):
            if k == 3:
                blocks.append({"type": "heading", "level": 2, "content": [{"type": "text", "text": f"Section {i}.{k}"}]})
            blocks.append({"type": "paragraph", "content": [{"type": "text", "text": p}]})
        article = {
            "title": f"Article {i + 1}: mass mobilization work in Nghe An",
            "authors": ["Nguyen Xuan Son"],
            "published": f"2011-10-{1 + i % 28:02d}T20:10:00+07:00",
            "source": "Baonghean",
            "url": f"https://example.org/news/{i + 1}",
            "language": "en",
            "blocks": blocks,
        }
        with open(os.path.join(out, f"article-{i + 1:04d}.json"), "w", encoding="utf-8") as f:
            json.dump(article, f, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
