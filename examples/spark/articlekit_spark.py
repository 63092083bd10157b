#!/usr/bin/env python3
"""ArticleKit in a PySpark job (local mode or a cluster), through the streaming record mode.

  (a) articles: a folder of scraped articles (.txt) or JSON Lines files (.jsonl) → JSON Lines.
      Every file's records are rows; each partition goes through one `articlekit convert -
      --from jsonl --to jsonl --output -` process (mapPartitions), whose error lines are
      collected beside the articles.
  (b) warc: a folder of .warc.gz files → JSON Lines, one task per file
      (`articlekit convert FILE.warc.gz --to jsonl --output -`).

    python3 articlekit_spark.py --bin /abs/path/articlekit articles IN_DIR OUT_DIR
    python3 articlekit_spark.py --bin /abs/path/articlekit warc IN_DIR OUT_DIR

Writes OUT_DIR/articles.jsonl and OUT_DIR/errors.jsonl, prints a JSON summary line.

The two pitfalls this avoids (README, "Beyond one machine"):
  * Spark starts the command with an almost empty environment (RDD.pipe) or the executor's own
    PATH: give the binary's absolute path, as here, never a bare `articlekit`.
  * Exit status 3 means "some records failed, the rest were written": a partition with a bad
    record is not a failed task. Anything else non-zero is, and is raised, so Spark retries it;
    `RDD.pipe` with its default checkCode=False would drop the partition silently.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys


def records_of(path):
    """A file's rows: a .jsonl file's lines as they are, a scraped article as a raw text record."""
    p = pathlib.Path(path)
    if p.suffix == ".jsonl":
        return [line for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False)]


def convert_partition(binary, lines):
    """One articlekit process for a partition's records: ('ok', line) and ('error', line) rows."""
    proc = subprocess.run(
        [binary, "convert", "-", "--from", "jsonl", "--to", "jsonl", "--output", "-", "--key", "id"],
        input="".join(line + "\n" for line in lines).encode("utf-8"), capture_output=True)
    if proc.returncode not in (0, 3):
        raise RuntimeError("articlekit exited %d: %s" % (proc.returncode, proc.stderr.decode(errors="replace")[:500]))
    out = [("ok", l) for l in proc.stdout.decode("utf-8").splitlines() if l]
    return out + [("error", l) for l in proc.stderr.decode("utf-8").splitlines() if l]


def convert_warc(binary, path):
    proc = subprocess.run([binary, "convert", path, "--to", "jsonl", "--output", "-"], capture_output=True)
    if proc.returncode not in (0, 3):
        raise RuntimeError("articlekit exited %d on %s: %s" % (proc.returncode, path, proc.stderr.decode(errors="replace")[:500]))
    out = [("ok", l) for l in proc.stdout.decode("utf-8").splitlines() if l]
    return out + [("error", l) for l in proc.stderr.decode("utf-8").splitlines() if l]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True, help="absolute path of the articlekit binary")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("mode", choices=["articles", "warc"])
    ap.add_argument("input")
    ap.add_argument("output")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)

    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master(args.master).appName("articlekit-" + args.mode)
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    files = sorted(str(p) for p in pathlib.Path(args.input).iterdir() if p.is_file())
    if args.mode == "articles":
        rows = sc.parallelize(files, max(1, min(len(files), args.partitions))).flatMap(records_of)
        results = rows.repartition(args.partitions).mapPartitions(lambda it: convert_partition(binary, list(it)))
    else:
        warcs = [f for f in files if f.endswith((".warc.gz", ".warc"))]
        results = sc.parallelize(warcs, max(1, len(warcs))).flatMap(lambda p: convert_warc(binary, p))
    collected = results.collect()
    spark.stop()

    out = pathlib.Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    ok = [l for kind, l in collected if kind == "ok"]
    errors = [l for kind, l in collected if kind == "error"]
    (out / "articles.jsonl").write_text("".join(l + "\n" for l in ok), encoding="utf-8")
    (out / "errors.jsonl").write_text("".join(l + "\n" for l in errors), encoding="utf-8")
    print(json.dumps({"engine": "spark", "mode": args.mode, "articles": len(ok), "errors": len(errors)}))


if __name__ == "__main__":
    sys.exit(main())
