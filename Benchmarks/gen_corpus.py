#!/usr/bin/env python3
"""Generate N scraped-text articles by varying the shared corpus and the test fixtures.

    Benchmarks/gen_corpus.py N OUTDIR [--seed S]

Each article takes a title, dateline, lead, paragraphs, figures (caption + `Photo:`/`Ảnh:` credit),
lists and a signature from the sample articles, in a random mix and length (1 to 12 body blocks),
English or Vietnamese, followed by the site's boilerplate trailer. Files go into subfolders of
1,000 so the tree looks like a real archive. Deterministic for a given seed.
"""
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent.parent
SOURCES = sorted((HERE.parent / "shared" / "corpus" / "scraped").glob("*.txt")) + sorted(
    (HERE / "Tests" / "ArticleTextTests" / "Fixtures").glob("*.txt"))


def groups(text):
    return [g.strip("\n") for g in text.replace("\r\n", "\n").split("\n\n") if g.strip()]


def main():
    n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    rng = random.Random(seed)
    en_paras, vi_paras, figures, lists, titles = [], [], [], [], []
    for path in SOURCES:
        gs = groups(path.read_text(encoding="utf-8"))
        titles.append(gs[0])
        for g in gs[3:]:
            lines = g.split("\n")
            if lines[-1].startswith(("Photo:", "Ảnh:")):
                figures.append(g)
            elif lines[0][:2] in ("- ", "+ ", "• ", "1.", "1)"):
                lists.append(g)
            elif len(g) > 120 and "POWERED" not in g:
                (vi_paras if "ệ" in g or "ư" in g or "đ" in g else en_paras).append(g)
    authors = ["Nguyen Xuan Son", "My Ha - Thanh Chung", "Xuan Hoa", "Hồ Phương", "Thanh Le, Huu Vi"]
    for i in range(n):
        vi = rng.random() < 0.25 and vi_paras
        paras = vi_paras if vi else en_paras
        title = rng.choice(titles) + f" ({i})"
        date = rng.choice(["DNUM_BEZBAZCABB 20:10", f"Monday, {rng.randint(1,28):02d}/{rng.randint(1,12):02d}/20{rng.randint(10,24)} - {rng.randint(0,23):02d}:{rng.randint(0,59):02d}"])
        body = [f"(Baonghean) - {rng.choice(paras)}"]
        for _ in range(rng.randint(1, 12)):
            r = rng.random()
            body.append(rng.choice(figures) if r < 0.15 else rng.choice(lists) if r < 0.25 else rng.choice(paras))
        text = "\n\n".join([title, date] + body + [rng.choice(authors), "Featured Nghe An Newspaper", "Latest", title + "\nPOWERED BYONECMS- A PRODUCT OFNEKO"])
        d = out / f"{i // 1000:03d}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"article_{i:06d}.txt").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
