#!/usr/bin/env bash
# The engine examples on small data (CI, issue 16): a 4,000-record stream with 10 broken records,
# and WARC files made from the fundus pages with warcio, each converted directly by one process,
# by the PySpark example (local[2]) and by the Dask example (LocalCluster, two workers). Checks
# that every good record comes out once, the broken ones are reported by key and the rest kept,
# and that both engines give exactly the direct run's lines. Prints each run's time.
#
#   scripts/check-engines.sh BIN [PAGES_DIR]      (needs pyspark, dask[distributed], warcio)
set -euo pipefail
BIN=$(realpath "$1")
cd "$(dirname "$0")/.."
PAGES=${2:-../shared/corpus/html/fundus/html}
export PYSPARK_PYTHON=${PYSPARK_PYTHON:-$(command -v python3)}
N=${RECORDS:-4000}
WARC_PAGES=${WARC_PAGES:-24}
work=$(mktemp -d /tmp/articlekit-engines-XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 scripts/make-stream-data.py articles "$work/articles" "$N" 10 > "$work/articles.json"
python3 scripts/make-stream-data.py warc "$work/warc" "$PAGES" 3 --pages "$WARC_PAGES" --broken > /dev/null

now() { date +%s.%N; }
t0=$(now)
mkdir -p "$work/direct-articles" "$work/direct-warc"
set +e
cat "$work"/articles/*.jsonl | "$BIN" convert - --from jsonl --to jsonl --output - --key id \
  > "$work/direct-articles/articles.jsonl" 2> "$work/direct-articles/errors.jsonl"
status=$?
set -e
[ "$status" = 3 ] || { echo "direct run: exit $status, expected 3 (some records failed)"; exit 1; }
t1=$(now)
: > "$work/direct-warc/articles.jsonl"; : > "$work/direct-warc/errors.jsonl"
for f in "$work"/warc/*.warc.gz; do
  "$BIN" convert "$f" --to jsonl --output - >> "$work/direct-warc/articles.jsonl" 2>> "$work/direct-warc/errors.jsonl" || [ $? = 3 ]
done
t2=$(now)
python3 examples/spark/articlekit_spark.py --bin "$BIN" articles "$work/articles" "$work/spark-articles" > /dev/null
t3=$(now)
python3 examples/spark/articlekit_spark.py --bin "$BIN" warc "$work/warc" "$work/spark-warc" > /dev/null
t4=$(now)
python3 examples/dask/articlekit_dask.py --bin "$BIN" articles "$work/articles" "$work/dask-articles" > /dev/null 2> "$work/dask.log"
t5=$(now)
python3 examples/dask/articlekit_dask.py --bin "$BIN" warc "$work/warc" "$work/dask-warc" > /dev/null 2>> "$work/dask.log"
t6=$(now)

python3 - "$work" "$N" "$WARC_PAGES" <<'PY'
import json, pathlib, sys
work, n, pages = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
expected_bad = set(json.load(open(work / "articles.json"))["named_broken_ids"])
def load(d):
    arts = [json.loads(l) for l in open(d / "articles.jsonl", encoding="utf-8") if l.strip()]
    errs = [json.loads(l) for l in open(d / "errors.jsonl", encoding="utf-8") if l.strip()]
    return arts, errs
failed = 0
def check(cond, what):
    global failed
    print(("ok   " if cond else "FAIL ") + what)
    failed += 0 if cond else 1
direct_a, direct_ae = load(work / "direct-articles")
direct_w, direct_we = load(work / "direct-warc")
ids = [a["id"] for a in direct_a]
check(len(direct_a) == n - 10 and len(set(ids)) == n - 10, f"direct: {len(direct_a)} articles from {n} records with 10 broken, each once")
check(len(direct_ae) == 10 and expected_bad <= {e["key"] for e in direct_ae}, "direct: 10 error lines, the named broken records by key")
check(len(direct_w) == pages and len(direct_we) == 1 and direct_we[0]["key"] == "https://broken.example/x",
      f"direct: {len(direct_w)} of {pages} WARC pages, the broken record reported by its target URI")
for engine in ["spark", "dask"]:
    a, ae = load(work / f"{engine}-articles")
    w, we = load(work / f"{engine}-warc")
    canon = lambda xs: sorted(json.dumps(x, sort_keys=True) for x in xs)
    check(canon(a) == canon(direct_a), f"{engine}: the same {len(a)} articles as the direct run, each once")
    check(sorted(e["key"] or "" for e in ae) == sorted(e["key"] or "" for e in direct_ae), f"{engine}: the same 10 broken records reported")
    check(canon(w) == canon(direct_w) and len(we) == 1, f"{engine}: the same {len(w)} WARC pages and the broken record reported")
print(f"{9 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" -v f="$t5" -v g="$t6" -v n="$N" -v p="$WARC_PAGES" 'BEGIN {
  printf "times: direct %.1f s (%d records) + %.1f s (%d WARC pages); spark %.1f s + %.1f s; dask %.1f s + %.1f s\n", b-a, n, c-b, p, d-c, e-d, f-e, g-f }'
