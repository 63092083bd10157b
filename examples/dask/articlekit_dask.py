#!/usr/bin/env python3
"""ArticleKit in a Dask job (a LocalCluster of two worker processes, or any cluster), through
the streaming record mode.

  (a) articles: a folder of scraped articles (.txt) or JSON Lines files (.jsonl) → JSON Lines,
      in batches of records, each batch through one `articlekit convert - --from jsonl --to
      jsonl --output -` process; error lines are collected beside the articles.
  (b) warc: a folder of .warc.gz files → JSON Lines, one task per file.

    python3 articlekit_dask.py --bin /abs/path/articlekit articles IN_DIR OUT_DIR
    python3 articlekit_dask.py --bin /abs/path/articlekit warc IN_DIR OUT_DIR

Writes OUT_DIR/articles.jsonl and OUT_DIR/errors.jsonl, prints a JSON summary line. As with
Spark: the binary by its absolute path, and exit status 3 (some records failed, the rest were
written) is not a failed task.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys


def records_of(path):
    p = pathlib.Path(path)
    if p.suffix == ".jsonl":
        return [line for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False)]


def run(command, stdin=None):
    proc = subprocess.run(command, input=stdin, capture_output=True)
    if proc.returncode not in (0, 3):
        raise RuntimeError("articlekit exited %d: %s" % (proc.returncode, proc.stderr.decode(errors="replace")[:500]))
    return ([l for l in proc.stdout.decode("utf-8").splitlines() if l],
            [l for l in proc.stderr.decode("utf-8").splitlines() if l])


def convert_batch(binary, lines):
    return run([binary, "convert", "-", "--from", "jsonl", "--to", "jsonl", "--output", "-", "--key", "id"],
               "".join(line + "\n" for line in lines).encode("utf-8"))


def convert_warc(binary, path):
    return run([binary, "convert", path, "--to", "jsonl", "--output", "-"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True, help="absolute path of the articlekit binary")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batches", type=int, default=4)
    ap.add_argument("mode", choices=["articles", "warc"])
    ap.add_argument("input")
    ap.add_argument("output")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)

    from dask.distributed import Client, LocalCluster
    files = sorted(str(p) for p in pathlib.Path(args.input).iterdir() if p.is_file())
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        if args.mode == "articles":
            records = [r for f in files for r in records_of(f)]
            size = max(1, -(-len(records) // args.batches))
            batches = [records[i:i + size] for i in range(0, len(records), size)]
            futures = client.map(convert_batch, [binary] * len(batches), batches)
        else:
            warcs = [f for f in files if f.endswith((".warc.gz", ".warc"))]
            futures = client.map(convert_warc, [binary] * len(warcs), warcs)
        results = client.gather(futures)

    out = pathlib.Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    ok = [l for lines, _ in results for l in lines]
    errors = [l for _, errs in results for l in errs]
    (out / "articles.jsonl").write_text("".join(l + "\n" for l in ok), encoding="utf-8")
    (out / "errors.jsonl").write_text("".join(l + "\n" for l in errors), encoding="utf-8")
    print(json.dumps({"engine": "dask", "mode": args.mode, "articles": len(ok), "errors": len(errors)}))


if __name__ == "__main__":
    sys.exit(main())
