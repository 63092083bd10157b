#!/usr/bin/env python3
"""The figures of scripts/check-fundus-urls.sh: books made, books EPUBCheck passes with 0 errors
and 0 warnings, images in the books against the figures the reader found with an image source
(from `--to json` of the same pages) and against the images fundus lists, and time taken.
Exits 1 below --min-clean clean books or under --min-ratio images per sourced figure.

  fundus_urls_report.py --work DIR --metadata metadata.json [--batch-report report.json]

DIR holds aliases.json ({corpus name: URL served}), books/NAME.epub, json/NAME.json,
epubcheck.log (scripts/EPUBCheckMany.java's lines) and seconds-*.txt. With --batch-report (a
batch run's --report), each record's outputs are first linked to books/ and json/ by the URL
the record names.

Counting:
- sourced: per page, the figures whose `image.src` is set plus inline images with a `src`, in
  the page's JSON;
- in the book: per book, the `<img>` elements of its content documents (not the cover page, not
  the navigation) whose `src` is a file inside the EPUB;
- images per sourced figure: sum over pages of min(in the book, sourced) / sum of sourced, so
  one book's extra images cannot hide another's missing ones;
- fundus lists: the `images` of each page in metadata.json (694 over the 257 pages).
"""
import argparse
import json
import os
import posixpath
import re
import sys
import urllib.parse
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loopback_sites import norm  # noqa: E402


def sourced_figures(path):
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError):
        return None
    count = 0

    def walk(node):
        nonlocal count
        if isinstance(node, dict):
            if node.get("type") == "figure" and isinstance(node.get("image"), dict) and node["image"].get("src"):
                count += 1
            elif node.get("type") == "image" and node.get("src"):
                count += 1
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc.get("articles", doc) if isinstance(doc, dict) else doc)
    return count


def book_images(path):
    """(`<img>` in content documents with a src inside the book, image files in the book)."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        container = z.read("META-INF/container.xml").decode("utf-8", "replace")
        opf = re.search(r'full-path="([^"]+)"', container).group(1)
        opf_text = z.read(opf).decode("utf-8", "replace")
        base = posixpath.dirname(opf)
        items = {}
        for item in re.finditer(r"<item\b[^>]*>", opf_text):
            tag = item.group(0)
            attr = dict(re.findall(r'([\w:-]+)="([^"]*)"', tag))
            items[attr.get("id")] = attr
        files = sum(1 for a in items.values() if a.get("media-type", "").startswith("image/"))
        count = 0
        for idref in re.findall(r'<itemref\b[^>]*idref="([^"]+)"', opf_text):
            attr = items.get(idref, {})
            if "nav" in attr.get("properties", "").split() or idref == "cover" or "cover" in posixpath.basename(attr.get("href", "")):
                continue
            doc_path = posixpath.join(base, urllib.parse.unquote(attr.get("href", "")))
            text = z.read(doc_path).decode("utf-8", "replace") if doc_path in names else ""
            for src in re.findall(r'<img\b[^>]*?\ssrc="([^"]*)"', text):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(doc_path), urllib.parse.unquote(src)))
                if not re.match(r"[a-z]+:", src) and target in names:
                    count += 1
        return count, files


def link_batch_outputs(report, aliases, work):
    by_url = {norm(u): name for name, u in aliases.items()}
    records = json.load(open(report, encoding="utf-8"))
    if isinstance(records, dict):
        records = records.get("records") or records.get("inputs") or list(records.values())
    linked = 0
    for record in records if isinstance(records, list) else []:
        if not isinstance(record, dict):
            continue
        strings = [v for v in record.values() if isinstance(v, str)]
        outputs = [v for v in record.get("outputs") or [] if isinstance(v, str)]
        name = next((by_url[norm(s)] for s in strings if norm(s) in by_url), None)
        if name is None:
            continue
        for out in outputs:
            ext = os.path.splitext(out)[1]
            folder = {".epub": "books", ".json": "json"}.get(ext)
            if folder and os.path.exists(out):
                dest = os.path.join(work, folder, name + ext)
                if not os.path.exists(dest):
                    os.link(out, dest) if os.stat(out).st_dev == os.stat(os.path.dirname(dest)).st_dev else os.symlink(out, dest)
                linked += 1
    return linked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--metadata", required=True)
    ap.add_argument("--batch-report")
    ap.add_argument("--min-clean", type=int, default=257)
    ap.add_argument("--min-ratio", type=float, default=0.95)
    ap.add_argument("--label", default="articlekit")
    ap.add_argument("--link-only", action="store_true", help="only link a batch's outputs into books/ and json/")
    args = ap.parse_args()
    w = args.work
    meta = json.load(open(args.metadata, encoding="utf-8"))
    aliases = json.load(open(os.path.join(w, "aliases.json"), encoding="utf-8"))
    for folder in ("books", "json"):
        os.makedirs(os.path.join(w, folder), exist_ok=True)
    if args.batch_report:
        if not os.path.exists(args.batch_report):
            print("no batch report at " + args.batch_report + ": no outputs can be matched to their pages")
        else:
            print("batch report: %d outputs matched to their pages" % link_batch_outputs(args.batch_report, aliases, w))
    if args.link_only:
        return
    clean = {}
    log = os.path.join(w, "epubcheck.log")
    for line in open(log, encoding="utf-8", errors="replace") if os.path.exists(log) else []:
        m = re.match(r"(ok|FAIL)\s+(\S+?)\.epub: ", line)
        if m:
            clean[os.path.basename(m.group(2))] = m.group(1) == "ok"
    made = sourced = in_books = matched = files = listed = 0
    gaps = []
    for name in sorted(meta):
        listed += len(meta[name].get("images") or [])
        epub = os.path.join(w, "books", name + ".epub")
        s = sourced_figures(os.path.join(w, "json", name + ".json")) or 0
        sourced += s
        if not os.path.exists(epub):
            gaps.append((s, name, "no book"))
            continue
        made += 1
        try:
            n, f = book_images(epub)
        except (OSError, KeyError, AttributeError, zipfile.BadZipFile) as error:
            gaps.append((s, name, "unreadable book: %s" % error))
            continue
        in_books += n
        files += f
        matched += min(n, s)
        if n < s:
            gaps.append((s - n, name, "%d of %d sourced figures have an image" % (n, s)))
    n_clean = sum(1 for name in meta if clean.get(name))
    ratio = matched / sourced if sourced else 1.0
    secs = {}
    for f in sorted(os.listdir(w)):
        m = re.match(r"seconds-(.+)\.txt$", f)
        if m:
            secs[m.group(1)] = float(open(os.path.join(w, f)).read().strip() or 0)
    print("%s, %d fundus pages by URL through the loopback proxy:" % (args.label, len(meta)))
    print("  books made: %d of %d; EPUBCheck 0 errors and 0 warnings: %d" % (made, len(meta), n_clean))
    print("  images in the books: %d (in %d image files) for %d figures the reader found with an image source: %.1f%% per sourced figure"
          % (in_books, files, sourced, 100 * ratio))
    print("  fundus lists %d images for these pages; the books hold %d (%.1f%%)" % (listed, in_books, 100 * in_books / listed if listed else 0))
    print("  time: " + ", ".join("%s %.1f s" % kv for kv in secs.items()))
    for gap in sorted(gaps, reverse=True)[:12]:
        print("  short: %s: %s" % (gap[1], gap[2]))
    for name in sorted(meta):
        if name in clean and not clean[name]:
            print("  EPUBCheck: %s failed" % name)
    ok = n_clean >= args.min_clean and ratio >= args.min_ratio
    print("%s: %d clean books (need %d), %.1f%% images per sourced figure (need %.0f%%)"
          % ("PASS" if ok else "FAIL", n_clean, args.min_clean, 100 * ratio, 100 * args.min_ratio))
    with open(os.path.join(w, "summary.json"), "w") as f:
        json.dump({"pages": len(meta), "books": made, "clean": n_clean, "sourced_figures": sourced, "images_in_books": in_books,
                   "image_files": files, "fundus_images": listed, "ratio": ratio, "seconds": secs}, f, indent=1)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
