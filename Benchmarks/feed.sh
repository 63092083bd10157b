#!/usr/bin/env bash
# A daily paper from a feed, on the loopback web (scripts/loopback_web.py: an HTTPS-intercepting
# proxy on 127.0.0.1 that serves every site itself; nothing leaves the machine).
#
# One RSS 2.0 feed (a file) of ITEMS items (default 100), whose pages are spread over HOSTS host
# names (default 25: https://siteNN.bench.test/news/K.html), each page answered after
# LATENCY_MS (default 50) of added latency, each item with a photo (media:content, a generated
# JPEG). `articlekit convert feed.xml --to epub` makes one paper of them, the pages (and their
# photos) fetched at once within the limits (8 connections, 2 per host), against the same items
# fetched one after another (--connections 1). Target: the paper in at most 3 s, every item in
# it with its photo.
#
#   Benchmarks/feed.sh [ARTICLEKIT_BINARY]    (default: swift build -c release)
#   RUNS=3, ITEMS=100, HOSTS=25, LATENCY_MS=50, IMAGES=reader|none, KEEP=1 (keep the work folder)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-}
if [[ -z "$BIN" ]]; then swift build -c release --static-swift-stdlib >/dev/null; BIN=.build/release/articlekit; fi
BIN=$(realpath "$BIN")
RUNS=${RUNS:-3}; ITEMS=${ITEMS:-100}; HOSTS=${HOSTS:-25}; LATENCY_MS=${LATENCY_MS:-50}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/feed-bench.XXXXXX")
source scripts/loopback-web.sh
trap 'loopback_web_stop; [[ "${KEEP:-}" == 1 ]] && echo "kept $WORK" || rm -rf "$WORK"' EXIT

loopback_web_start "$WORK" --articles "$ITEMS" --hosts "$HOSTS" --latency-ms "$LATENCY_MS" \
  --url-list "$WORK/all-urls.txt" --idle-timeout 120
loopback_web_env
grep '/news/' "$WORK/all-urls.txt" > "$WORK/urls.txt"
python3 - "$WORK/urls.txt" "$WORK/feed.xml" <<'PY'
import sys
from xml.sax.saxutils import escape
urls = [u.strip() for u in open(sys.argv[1]) if u.strip()]
out = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Loopback Gazette</title>',
       '<link>https://site01.bench.test/</link>']
for i, u in enumerate(urls):
    photo = u.replace("/news/", "/photos/").replace(".html", ".jpg")
    out.append('<item><title>Item %d</title><link>%s</link><guid>%s</guid><pubDate>Mon, 01 Jan 2024 %02d:%02d:00 GMT</pubDate>'
               '<media:content url="%s" medium="image"/></item>' % (i + 1, escape(u), escape(u), i // 60 % 24, i % 60, escape(photo)))
out.append('</channel></rss>')
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
echo "$(nproc) cores; $("$BIN" --version); $ITEMS items over $HOSTS hosts, ${LATENCY_MS} ms latency each"

IMAGES=${IMAGES:-reader}  # IMAGES=none: the same papers without photos (the network part alone)
paper() { "$BIN" convert "$WORK/feed.xml" --to epub --images "$IMAGES" --ca-cert "$LW_CA" --output "$WORK/$1.epub" --quiet "${@:2}"; }
# Chapters, and chapters showing a photo (the loopback web's photos repeat, and a book keeps one
# copy of identical bytes, so image files are not counted).
count() { python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); c = [p for p in z.namelist() if p.startswith("EPUB/text/chapter-")]; print(len(c), sum(b"<img " in z.read(p) for p in c))' "$1"; }
best() {  # NAME ARGS…: the best of RUNS wall-clock times, in seconds
  local name=$1; shift; local t best=999
  for _ in $(seq "$RUNS"); do
    local s; s=$(date +%s.%N); paper "$name" "$@" || { echo "$name failed" >&2; return 1; }
    t=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$s" "$(date +%s.%N)")
    best=$(python3 -c "import sys; print(min(float(sys.argv[1]), float(sys.argv[2])))" "$best" "$t")
  done
  echo "$best"
}
con=$(best concurrent)
read -r chapters photos < <(count "$WORK/concurrent.epub")
seq_t=$(RUNS=1 best sequential --connections 1)
echo "paper, fetched at once:        ${con} s (best of $RUNS), $chapters chapters, $photos photos"
echo "one after another (--connections 1): ${seq_t} s"
python3 - "$con" "$seq_t" "$chapters" "$photos" "$ITEMS" "$IMAGES" <<'PY'
import sys
con, seq, chapters, photos, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
ok = con <= 3.0 and chapters == n and (photos >= n or sys.argv[6] == "none")
print(f"{'PASS' if ok else 'FAIL'}: {con:.2f} s for {n} items (target ≤ 3 s), {seq / con:.1f}× faster than one after another; "
      f"{chapters} of {n} articles, {photos} photos")
sys.exit(0 if ok else 1)
PY
