#!/usr/bin/env python3
"""How many web-page titles the HTML reader gets right, with and without its per-site profiles.

    Benchmarks/title_profiles.py [--bin .build/release/articlekit] [--suggest]

Runs the built binary over the fundus pages (../shared/corpus/html/fundus) and prints three
figures, titles compared as eval_extract.py compares them:

  with profiles   the shipped profiles (Resources/html-sites.json, embedded in the binary);
  generic         `--html-site-profiles none`: the generic choice on every page;
  leave-one-out   over the publishers with two or more pages: for each page, a profile is
                  learned from the publisher's *other* pages only and scored on the held-out
                  page. This is the figure to expect on unseen pages of known publishers; the
                  full-set figure is inflated by entries that were derived from the same pages.

The leave-one-out figure uses the real binary too. Each source (jsonld, og, twitter, h1, title)
is run once as the only preference of a profile that matches every host (its `hosts` are the
top-level domains of the corpus, and subdomains match), so for every page we know the title the
binary gives under each one-source profile, a missing source falling back to the generic choice
as it does in a real profile. Learning from the other pages follows the rule the shipped entries
follow: no profile when the generic choice is right on all of them; else the first source, in
the order below, whose title is right on all of them; else no profile.

Publishers are the corpus's own labels (metadata.json `publisher`), used only to group pages
here; the binary matches profiles by the page's host. --suggest prints, for each publisher the
generic choice gets wrong, the hosts its pages give and the sources right on all its pages.
"""
import argparse
import collections
import concurrent.futures
import gzip
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import unicodedata
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "html" / "fundus"
SOURCES = ["jsonld", "og", "h1", "title", "twitter"]  # learning order for leave-one-out


def norm(s):
    # As ../shared/tools/eval_extract.py compares titles.
    return " ".join(unicodedata.normalize("NFC", str(s or "")).split()).strip().lower()


def run(binary, page, extra):
    data = gzip.decompress(page.read_bytes())
    out = subprocess.run([binary, "convert", "-", "--from", "html", "--to", "json", "--output", "-", *extra],
                         input=data, capture_output=True)
    try:
        art = json.loads(out.stdout)
    except ValueError:
        return {}
    return art[0] if isinstance(art, list) and art else art if isinstance(art, dict) else {}


def run_all(binary, pages, extra, jobs):
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(lambda p: run(binary, p, extra), pages))


def host(url):
    h = (urllib.parse.urlsplit(url or "").hostname or "").lower()
    return h[4:] if h.startswith("www.") else h


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=str(ROOT / ".build" / "release" / "articlekit"))
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--suggest", action="store_true")
    args = ap.parse_args()
    corpus = pathlib.Path(args.corpus)
    meta = json.loads((corpus / "metadata.json").read_text(encoding="utf-8"))
    pages, names = [], []
    for f in sorted((corpus / "html").glob("*.html.gz")):
        name = f.name[: -len(".html.gz")]
        if meta.get(name, {}).get("title"):
            pages.append(f)
            names.append(name)
    expected = [meta[n]["title"] for n in names]
    right = lambda got, i: norm(got) == norm(expected[i])

    shipped = run_all(args.bin, pages, [], args.jobs)
    generic = run_all(args.bin, pages, ["--html-site-profiles", "none"], args.jobs)

    # One-source profiles matching every host: the corpus's top-level domains, from every
    # absolute URL in the pages (more than needed does no harm).
    tlds = set()
    for p in pages:
        text = gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
        tlds.update(m.lower() for m in re.findall(r"https?://[A-Za-z0-9.-]+\.([A-Za-z]{2,24})\b", text))
    by_source = {}
    with tempfile.TemporaryDirectory() as tmp:
        for s in SOURCES:
            path = os.path.join(tmp, s + ".json")
            with open(path, "w", encoding="utf-8") as fh:
                json.dump({"sites": [{"hosts": sorted(tlds), "title": [s]}]}, fh)
            by_source[s] = run_all(args.bin, pages, ["--html-site-profiles", path], args.jobs)

    n = len(pages)
    with_profiles = sum(right(a.get("title"), i) for i, a in enumerate(shipped))
    without = sum(right(a.get("title"), i) for i, a in enumerate(generic))

    groups = collections.defaultdict(list)
    for i, name in enumerate(names):
        groups[meta[name].get("publisher") or name].append(i)
    loo_pages = loo_generic = loo_learned = 0
    for pub, idx in groups.items():
        if len(idx) < 2:
            continue
        for i in idx:
            others = [j for j in idx if j != i]
            pick = None
            if not all(right(generic[j].get("title"), j) for j in others):
                pick = next((s for s in SOURCES if all(right(by_source[s][j].get("title"), j) for j in others)), None)
            got = by_source[pick][i].get("title") if pick else generic[i].get("title")
            loo_pages += 1
            loo_generic += right(generic[i].get("title"), i)
            loo_learned += right(got, i)

    print(f"titles right with profiles: {with_profiles}/{n} = {with_profiles / n:.3f}")
    print(f"titles right generic (--html-site-profiles none): {without}/{n} = {without / n:.3f}")
    broken = [names[i] for i in range(n) if right(generic[i].get("title"), i) and not right(shipped[i].get("title"), i)]
    print(f"pages the profiles get wrong that the generic choice gets right: {len(broken)} {broken if broken else ''}".rstrip())
    print(f"leave-one-out, {loo_pages} pages of {sum(len(v) >= 2 for v in groups.values())} publishers with >= 2 pages: "
          f"learned from the other pages {loo_learned}/{loo_pages} = {loo_learned / loo_pages:.3f}, "
          f"generic {loo_generic}/{loo_pages} = {loo_generic / loo_pages:.3f}")

    if args.suggest:
        for pub, idx in sorted(groups.items()):
            if all(right(generic[j].get("title"), j) for j in idx):
                continue
            ok = [s for s in SOURCES if all(right(by_source[s][j].get("title"), j) for j in idx)]
            hosts = sorted({host(generic[j].get("url")) for j in idx})
            now = sum(right(shipped[j].get("title"), j) for j in idx)
            print(f"{pub}: {len(idx)} pages, hosts {hosts}, right on all: {ok or 'none'}, shipped right {now}/{len(idx)}")


if __name__ == "__main__":
    main()
