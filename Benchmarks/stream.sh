#!/usr/bin/env bash
# The streaming record mode and web archives in one run (issue 16):
#  (a) JSON Lines stream: 4,000 scraped articles as raw text records, and about 1 GB of article
#      records, through `convert - --from jsonl --to jsonl --output -`: articles per second and
#      peak memory (must stay under 100 MiB for the 1 GB stream);
#  (b) WARC: the fundus pages packed into one .warc.gz (warcio), extracted by one articlekit
#      process against warcio + trafilatura in one Python process doing the same work (every
#      response record's page to a JSON article with metadata): pages per second per core (both
#      run on one core) and the ratio (target: at least 8x);
#  (c) the Spark and Dask examples (scripts/check-engines.sh) against the direct run, so the
#      engines' overhead is known.
#
#   Benchmarks/stream.sh [ARTICLEKIT_BINARY]      GB=1 (size of the big stream), SKIP_ENGINES=1
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-}
if [ -z "$BIN" ]; then swift build -c release --static-swift-stdlib >/dev/null; BIN=.build/release/articlekit; fi
BIN=$(realpath "$BIN")
PAGES=${PAGES:-../shared/corpus/html/fundus/html}
GB=${GB:-1}
WORK=$(mktemp -d /tmp/articlekit-stream-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
echo "$(nproc) cores; $("$BIN" --version); load $(cut -d' ' -f1-3 /proc/loadavg)"

# (a) 4,000 scraped articles, raw text records, read and extracted one at a time.
python3 scripts/make-stream-data.py articles "$WORK/a" 4000 0 --files 1 > /dev/null
python3 Benchmarks/peak_rss.py "$WORK/a.t" sh -c "\"$BIN\" convert - --from jsonl --to jsonl --output - < \"$WORK/a/part-000.jsonl\" > \"$WORK/a.out\""
read -r secs tree one < "$WORK/a.t"
echo "(a) 4,000 scraped-text records → JSONL: $(python3 -c "print(f'{4000/$secs:.0f}')") articles/s, peak $((one / 1024)) MiB ($(wc -l < "$WORK/a.out") lines)"

# About GB gigabytes of article records (the 4,000 articles' JSON, repeated with new ids).
python3 - "$WORK/a.out" "$WORK/big.jsonl" "$GB" <<'PY'
import json, sys
src, dst, gb = sys.argv[1], sys.argv[2], float(sys.argv[3])
lines = [json.loads(l) for l in open(src, encoding="utf-8")]
target, size, n = int(gb * 1024**3), 0, 0
with open(dst, "w", encoding="utf-8") as f:
    while size < target:
        for a in lines:
            a["id"] = n
            s = json.dumps(a, ensure_ascii=False) + "\n"
            f.write(s); size += len(s.encode()); n += 1
            if size >= target: break
print(n, file=open(dst + ".n", "w"))
PY
n=$(cat "$WORK/big.jsonl.n")
python3 Benchmarks/peak_rss.py "$WORK/b.t" sh -c "\"$BIN\" convert - --from jsonl --to jsonl --output - < \"$WORK/big.jsonl\" | wc -l > \"$WORK/b.n\""
read -r secs tree one < "$WORK/b.t"
mib=$((one / 1024))
echo "(a) $(du -m "$WORK/big.jsonl" | cut -f1) MB, $n article records → JSONL: $(python3 -c "print(f'{$n/$secs:.0f}')") articles/s, $(python3 -c "print(f'{$(stat -c %s "$WORK/big.jsonl")/1048576/$secs:.0f}')") MB/s, peak $mib MiB ($(cat "$WORK/b.n") lines) $([ "$mib" -lt 100 ] && echo '< 100 MiB: ok' || echo '>= 100 MiB: FAIL')"
rm -f "$WORK/big.jsonl"

# (b) the fundus pages in one .warc.gz; both sides on one core.
python3 scripts/make-stream-data.py warc "$WORK/w" "$PAGES" 1 > /dev/null
warc="$WORK/w/crawl-000.warc.gz"
start=$(date +%s.%N)
taskset -c 0 "$BIN" convert "$warc" --to jsonl --output - > "$WORK/w.out" 2> "$WORK/w.err" || [ $? = 3 ]
ak=$(python3 -c "import time; print(time.time() - $start)")
pages=$(wc -l < "$WORK/w.out")
py=$(taskset -c 0 python3 - "$warc" <<'PY'
import json, sys, time
from warcio.archiveiterator import ArchiveIterator
import trafilatura
start = time.time()
n = 0
with open(sys.argv[1], "rb") as f:
    for rec in ArchiveIterator(f):
        if rec.rec_type != "response" or not rec.http_headers or "html" not in (rec.http_headers.get_header("Content-Type") or ""):
            continue
        html = rec.content_stream().read().decode("utf-8", "replace")
        out = trafilatura.extract(html, url=rec.rec_headers.get_header("WARC-Target-URI"), output_format="json", with_metadata=True)
        n += 1 if out else 0
print(f"{time.time() - start} {n}")
PY
)
read -r pysecs pypages <<< "$py"
python3 -c "
ak, pages, py, pyp = $ak, $pages, $pysecs, $pypages
r1, r2 = pages / ak, pyp / py
print(f'(b) WARC, {pages} pages on one core: articlekit {r1:.1f} pages/s, warcio + trafilatura {r2:.1f} pages/s ({pyp} pages): {r1 / r2:.1f}x', '(>= 8x: ok)' if r1 / r2 >= 8 else '(< 8x: FAIL)')"

# (c) the engine examples against the direct run.
if [ -z "${SKIP_ENGINES:-}" ]; then
  RECORDS=${RECORDS:-20000} WARC_PAGES=${WARC_PAGES:-120} scripts/check-engines.sh "$BIN" "$PAGES" | grep -E '^(times|[0-9]+ passed)'
fi
