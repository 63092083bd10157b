#!/usr/bin/env bash
# From the web to EPUB, on a loopback web (scripts/loopback_web.py: an HTTPS-intercepting proxy
# on 127.0.0.1 that serves every site itself; nothing leaves the machine), in the same run:
#
# (a) one page with ten 3000×2000 photos (five WebP, five JPEG, 1.1-1.5 MB each) at
#     https://photos.bench.test/story.html: `articlekit convert URL --to epub` against
#     `pandoc -f html URL -o book.epub` (pandoc downloads the images as well and embeds them as
#     they are), timed with hyperfine. Targets: articlekit at most 1/5 of pandoc's time, a
#     smaller book. Both books' images are counted: a book without its photos does not count.
# (b) 200 article pages, each answered after 50 ms of added latency, spread over HOSTS host
#     names (default 25, so 8 pages each, listed host by host in turn: the 2-connections-per-host
#     limit lets up to 8 be fetched at once, as many as the 8-connection total): articlekit
#     converting all 200 in one batch run (MODE=list: --from-list FILE --output DIR/; MODE=args:
#     the URLs as arguments) against the baseline of fetching them one after another, one
#     articlekit process per URL in a loop (SEQ_SAMPLE of them, default 40, rate extrapolated).
#     Also, for scale: pandoc one process per URL, and curl fetching the pages one after another
#     (one process per URL). Targets: ≥ 10× the baseline's rate, peak memory < 200 MiB (the
#     summed RSS of the batch and its workers, and /usr/bin/time's %M: the largest one process).
#
#   Benchmarks/web.sh [ARTICLEKIT_BINARY]    (default: swift build -c release)
#   TRANSPORT=proxy|direct   proxy (default): https through the proxy's CONNECT for both tools
#                            (pandoc honours HTTPS_PROXY; it trusts the test CA through
#                            SYSTEM_CERTIFICATE_PATH, not SSL_CERT_FILE); direct: plain
#                            http://127.0.0.1:PORT/ for part (a) (articlekit then needs
#                            --allow-private-network for the images)
#   RUNS=5, HOSTS=25, LATENCY_MS=50, ARTICLES=200, SEQ_SAMPLE=40, KEEP=1
# While articlekit takes no URLs yet (its convert --help shows none), its side is skipped and
# pandoc's and curl's figures are still measured.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-}
if [[ -z "$BIN" ]]; then swift build -c release --static-swift-stdlib >/dev/null; BIN=.build/release/articlekit; fi
BIN=$(realpath "$BIN")
RUNS=${RUNS:-5}; HOSTS=${HOSTS:-25}; LATENCY_MS=${LATENCY_MS:-50}; ARTICLES=${ARTICLES:-200}; SEQ_SAMPLE=${SEQ_SAMPLE:-40}
TRANSPORT=${TRANSPORT:-proxy}; MODE=${MODE:-list}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/web-bench.XXXXXX")
source scripts/loopback-web.sh
trap 'loopback_web_stop; [[ "${KEEP:-}" == 1 ]] && echo "kept $WORK" || rm -rf "$WORK"' EXIT

loopback_web_start "$WORK" --photos 10 --articles "$ARTICLES" --hosts "$HOSTS" --latency-ms "$LATENCY_MS" \
  --url-list "$WORK/all-urls.txt" --idle-timeout 120
mkdir -p "$WORK/capath" && cp "$LW_CA" "$WORK/capath/"
export SSL_CERT_FILE=$LW_CA SYSTEM_CERTIFICATE_PATH=$WORK/capath
loopback_web_env
grep '/news/' "$WORK/all-urls.txt" > "$WORK/urls.txt"
ak_urls=0
akhelp=$("$BIN" convert --help || true)  # whole, not piped: grep -q ending early fails a pipe under pipefail
if grep -qE -- '--ca-cert|--no-fetch|https?://' <<<"$akhelp"; then ak_urls=1; fi
ca=(); grep -q -- '--ca-cert' <<<"$akhelp" && ca=(--ca-cert "$LW_CA")
echo "$(nproc) cores; $("$BIN" --version); $(pandoc --version | head -1); $(curl --version | head -1 | cut -d' ' -f1-2); transport $TRANSPORT"
[[ $ak_urls == 1 ]] || echo "articlekit: skipped: articlekit takes no URLs yet (only pandoc's and curl's side is measured)"

count_images() { python3 -c 'import sys; sys.path.insert(0, "scripts"); from fundus_urls_report import book_images; print(book_images(sys.argv[1])[0])' "$1" 2>/dev/null || echo 0; }
size() { stat -c %s "$1" 2>/dev/null || echo 0; }

echo "== (a) one page, ten 3000×2000 photos (WebP and JPEG), URL → EPUB"
if [[ $TRANSPORT == direct ]]; then
  page=http://127.0.0.1:$LW_PORT/story.html; ak_extra=(--allow-private-network)
else
  page=https://photos.bench.test/story.html; ak_extra=()
fi
cmds=("pandoc -f html '$page' -o '$WORK/pandoc.epub'")
names=(-n pandoc)
if [[ $ak_urls == 1 ]]; then
  cmds+=("'$BIN' convert '$page' --to epub ${ca[*]:+${ca[*]}} ${ak_extra[*]:+${ak_extra[*]}} --output '$WORK/articlekit.epub' --quiet")
  names+=(-n articlekit)
fi
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/a.json" "${names[@]}" "${cmds[@]}" >"$WORK/a.txt" 2>&1 \
  || { cat "$WORK/a.txt"; exit 1; }
fail=0
if python3 - "$WORK/a.json" "$(size "$WORK/pandoc.epub")" "$(count_images "$WORK/pandoc.epub")" \
  "$(size "$WORK/articlekit.epub")" "$(count_images "$WORK/articlekit.epub")" <<'PY'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ps, pi, ks, ki = map(int, sys.argv[2:6])
p = res["pandoc"]
print(f"pandoc:     {p['mean']:.2f} s ± {p['stddev']:.2f} (median {p['median']:.2f}), book {ps / 1e6:.2f} MB, {pi} images")
if "articlekit" in res:
    k = res["articlekit"]
    print(f"articlekit: {k['mean']:.2f} s ± {k['stddev']:.2f} (median {k['median']:.2f}), book {ks / 1e6:.2f} MB, {ki} images")
    ok = k["median"] * 5 <= p["median"] and 0 < ks < ps and ki >= 10
    print(f"{'PASS' if ok else 'FAIL'}: articlekit takes {k['median'] / p['median']:.2f} of pandoc's time (target ≤ 0.20), "
          f"its book is {ks / ps if ps else 0:.2f} of pandoc's size (target < 1), with {ki} of 10 photos")
    sys.exit(0 if ok else 1)
PY
then :; else fail=1; fi

echo "== (b) $ARTICLES pages, ${LATENCY_MS} ms added latency each, over $HOSTS host names"
seq_rate() {  # LABEL CMD-PREFIX…: one process per URL, one after another, over the sample
  local label=$1; shift
  local n=0 start; start=$(date +%s.%N)
  while read -r url; do
    n=$((n + 1)); "$@" "$url" "$WORK/seq-$label-$n" >/dev/null 2>&1 || echo "  $label failed on $url" >&2
  done < <(head -n "$SEQ_SAMPLE" "$WORK/urls.txt")
  python3 -c "import sys; s = float(sys.argv[2]) - float(sys.argv[1]); print(f'{int(sys.argv[3]) / s:.2f}')" "$start" "$(date +%s.%N)" "$n"
}
curl_one() { curl -fsS --cacert "$LW_CA" -o "$2.html" "$1"; }
pandoc_one() { pandoc -f html "$1" -o "$2.epub"; }
ak_one() { "$BIN" convert "$1" --to epub "${ca[@]}" --output "$2.epub" --quiet; }
r=$(seq_rate curl curl_one); echo "curl, one process per URL, one after another ($SEQ_SAMPLE URLs): $r pages/s"
r=$(seq_rate pandoc pandoc_one); echo "pandoc → epub, one process per URL, one after another ($SEQ_SAMPLE URLs): $r pages/s"
if [[ $ak_urls == 1 ]]; then
  base=$(seq_rate ak ak_one)
  echo "baseline: articlekit → epub, one process per URL, one after another ($SEQ_SAMPLE URLs): $base pages/s"
  inputs=(--from-list "$WORK/urls.txt"); [[ $MODE == args ]] && mapfile -t inputs < "$WORK/urls.txt"
  /usr/bin/time -f "%M" -o "$WORK/time-M" python3 Benchmarks/peak_rss.py "$WORK/b.txt" \
    "$BIN" convert "${inputs[@]}" --to epub "${ca[@]}" --output "$WORK/batch/" --quiet 2>"$WORK/batch.err" || echo "batch run failed: $(tail -1 "$WORK/batch.err")"
  read -r secs tree one < "$WORK/b.txt"
  made=$(find "$WORK/batch" -name '*.epub' 2>/dev/null | wc -l)
  if ! python3 - "$secs" "$tree" "$(cat "$WORK/time-M" | tail -1)" "$made" "$ARTICLES" "$base" <<'PY'
import sys
secs, tree, one, made, n, base = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
rate = made / secs
print(f"articlekit batch: {made} of {n} books in {secs:.2f} s, {rate:.1f} pages/s, peak {tree / 1024:.0f} MiB summed over its processes, {one / 1024:.0f} MiB the largest one (%M)")
ok = made == n and rate >= 10 * base and tree < 200 * 1024
print(f"{'PASS' if ok else 'FAIL'}: {rate / base:.1f}× the one-after-another rate (target ≥ 10×), peak {tree / 1024:.0f} MiB (target < 200)")
sys.exit(0 if ok else 1)
PY
  then fail=1; fi
fi
exit $fail
