#!/usr/bin/env bash
# Whole-process time and peak memory of converting the seed article to JSON, Markdown and plain
# text: ArticleKit against pandoc doing the same conversion, in the same run, same machine.
#
#   Benchmarks/convert_seed.sh [ARTICLEKIT_BINARY]
#
# Needs hyperfine, pandoc and GNU time (apt-get install hyperfine pandoc time). Builds a static
# release binary when none is given. Prints hyperfine's medians, the ratios and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-}
if [ -z "$BIN" ]; then
  swift build -c release --static-swift-stdlib >/dev/null
  BIN=.build/release/articlekit
fi
SEED=examples/000_seed.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "articlekit: $BIN ($("$BIN" --version)); pandoc: $(pandoc --version | head -1)"
printf '%-6s %12s %12s %8s %14s %14s\n' format articlekit pandoc ratio "ak peak KiB" "pandoc KiB"
for pair in json:json md:markdown txt:plain; do
  ext=${pair%%:*}; pfmt=${pair##*:}
  hyperfine -N --warmup 5 --runs 40 --export-json "$TMP/$ext.json" \
    "$BIN convert $SEED --to $ext --output $TMP/ak.$ext" \
    "pandoc -f markdown $SEED -t $pfmt -o $TMP/pandoc.$ext" >/dev/null
  read -r ak pd < <(python3 -c "
import json,sys
r=json.load(open('$TMP/$ext.json'))['results']
print(r[0]['median'], r[1]['median'])")
  akmem=$( { /usr/bin/time -f %M "$BIN" convert $SEED --to $ext --output $TMP/m.$ext; } 2>&1 | tail -1)
  pdmem=$( { /usr/bin/time -f %M pandoc -f markdown $SEED -t $pfmt -o $TMP/p.$ext; } 2>&1 | tail -1)
  python3 -c "print(f'%-6s %10.1fms %10.1fms %7.3f %14s %14s' % ('$ext', $ak*1000, $pd*1000, $ak/$pd, '$akmem', '$pdmem'))"
done
