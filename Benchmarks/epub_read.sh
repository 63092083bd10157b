#!/usr/bin/env bash
# Reading a big book (issue 17): a 2,000-document, ~11 MB EPUB 2 (make_big_epub.py) → one JSON
# document of the whole book, to Markdown files (one a chapter, images beside them), and to a
# clean EPUB 3. Wall time (hyperfine medians) and peak RSS (/usr/bin/time's %M, via peak_rss.py).
# Target: under 1 s and under 100 MiB. Measured (issue 17, 2 shared cores, /usr/bin/time): JSON
# 0.67 s, 97.5 MiB (was 116.8); EPUB 1.6 s, 108.7 MiB (was 154.4); Markdown 1.0 s, 76.1 MiB (was 76.4);
# a process that only prints --version is 36.6 MiB.
#   Benchmarks/epub_read.sh            # builds a static release binary first
#   ARTICLEKIT=path N=2000 Benchmarks/epub_read.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${ARTICLEKIT:-}" ]]; then
  swift build -c release --static-swift-stdlib --product articlekit >/dev/null 2>&1
  ARTICLEKIT="$(swift build -c release --show-bin-path)/articlekit"
fi
mkdir -p Benchmarks/results
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/make_big_epub.py "$work/big.epub" "${N:-2000}"
ls -l "$work/big.epub" | awk '{print "book: " $5 " bytes"}'

hyperfine --warmup 1 --runs ${RUNS:-5} -N --export-json Benchmarks/results/epub-read.json \
  -n "json (whole book)" "$ARTICLEKIT convert $work/big.epub --to json --output $work/big.json --quiet" \
  -n "md (a file a chapter)" "$ARTICLEKIT convert $work/big.epub --to md --output $work/md/ --force --quiet" \
  -n "epub 3" "$ARTICLEKIT convert $work/big.epub --to epub --output $work/new.epub --raster-cover no --quiet"
for to in json md epub; do
  out="$work/out.$to"
  extra=()
  [[ $to == md ]] && out="$work/rss-md/"
  [[ $to == epub ]] && extra=(--raster-cover no)
  python3 Benchmarks/peak_rss.py "$work/rss" "$ARTICLEKIT" convert "$work/big.epub" --to $to --output "$out" --quiet "${extra[@]}"
  read -r secs tree one < "$work/rss"
  echo "$to: ${secs} s, peak RSS $((one / 1024)) MiB"
done
