#!/usr/bin/env python3
"""Test data for the streaming mode and the engine examples (scripts/check-engines.sh,
Benchmarks/stream.sh).

  make-stream-data.py articles OUT_DIR N BROKEN [--files K] [--corpus DIR]
      N JSON Lines records in K files: raw scraped-text records {"id", "text"} made from the
      scraped corpus (and the repository's examples), varied so that no two are the same; BROKEN
      of them malformed, half cut-off JSON, half JSON that is not an article
      ({"id": "bad-…", "foo": 1}). Prints the broken records' ids as JSON.
  make-stream-data.py warc OUT_DIR PAGES_DIR K [--pages N] [--broken]
      The first N pages of PAGES_DIR (*.html or *.html.gz) as K .warc.gz files written with
      warcio: a warcinfo record, then a request and a response record for each page (one gzip
      member each), its URL from the fundus metadata when known; --broken appends a response
      record whose payload is not HTTP to the first file.
"""
import argparse
import gzip
import io
import json
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent.parent


def scraped_texts(corpus):
    texts = []
    for d in [pathlib.Path(corpus), HERE / "examples"]:
        for p in sorted(d.glob("*.txt")):
            texts.append(p.read_text(encoding="utf-8"))
    return texts


def articles(args):
    rng = random.Random(7)
    texts = scraped_texts(args.corpus)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    broken = set(rng.sample(range(args.n), args.broken))
    files = [[] for _ in range(args.files)]
    bad_ids = []
    for i in range(args.n):
        rid = "r%06d" % i
        if i in broken:
            if len(bad_ids) % 2 == 0:
                line = json.dumps({"id": "bad-%06d" % i, "foo": 1})
                bad_ids.append("bad-%06d" % i)
            else:
                line = '{"id": "cut-%06d", "text": "no end' % i
                bad_ids.append(None)
        else:
            base = texts[i % len(texts)]
            lines = base.split("\n")
            # Vary the headline so every record is its own article.
            lines[0] = lines[0].rstrip() + " (%d)" % i
            line = json.dumps({"id": rid, "text": "\n".join(lines)}, ensure_ascii=False)
        files[i % args.files].append(line)
    for k, lines in enumerate(files):
        (out / ("part-%03d.jsonl" % k)).write_text("".join(l + "\n" for l in lines), encoding="utf-8")
    print(json.dumps({"records": args.n, "broken": args.broken, "named_broken_ids": [b for b in bad_ids if b]}))


def warc(args):
    from warcio.warcwriter import WARCWriter
    from warcio.statusandheaders import StatusAndHeaders
    pages_dir = pathlib.Path(args.pages_dir)
    meta = {}
    meta_file = pages_dir.parent / "metadata.json"
    if meta_file.exists():
        try:
            for name, m in json.load(open(meta_file)).items():
                if isinstance(m, dict) and m.get("url"):
                    meta[name] = m["url"]
        except (ValueError, AttributeError):
            pass
    pages = sorted(p for p in pages_dir.iterdir() if p.name.endswith((".html", ".html.gz")))[: args.pages]
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    buckets = [pages[k::args.k] for k in range(args.k)]
    for k, bucket in enumerate(buckets):
        path = out / ("crawl-%03d.warc.gz" % k)
        with open(path, "wb") as f:
            w = WARCWriter(f, gzip=True)
            w.write_record(w.create_warcinfo_record(path.name, {"software": "make-stream-data.py"}))
            for p in bucket:
                body = gzip.decompress(p.read_bytes()) if p.name.endswith(".gz") else p.read_bytes()
                stem = p.name.split(".html")[0]
                url = meta.get(stem) or meta.get(p.name) or "https://pages.example/%s.html" % stem
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
                w.write_record(w.create_warc_record(url, "request", http_headers=req))
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                      ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
        if k == 0 and args.broken:
            block = b"this is not an HTTP response"
            rec = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://broken.example/x\r\n"
                   b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(block)) + block + b"\r\n\r\n"
            with open(path, "ab") as f:
                f.write(gzip.compress(rec))
    print(json.dumps({"files": args.k, "pages": len(pages), "broken": 1 if args.broken else 0}))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("articles")
    a.add_argument("out")
    a.add_argument("n", type=int)
    a.add_argument("broken", type=int)
    a.add_argument("--files", type=int, default=4)
    a.add_argument("--corpus", default=str(HERE.parent / "shared/corpus/scraped"))
    w = sub.add_parser("warc")
    w.add_argument("out")
    w.add_argument("pages_dir")
    w.add_argument("k", type=int)
    w.add_argument("--pages", type=int, default=10**9)
    w.add_argument("--broken", action="store_true")
    args = ap.parse_args()
    articles(args) if args.what == "articles" else warc(args)


if __name__ == "__main__":
    sys.exit(main())
