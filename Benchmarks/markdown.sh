#!/usr/bin/env bash
# Markdown reading + writing: articlekit against pandoc on the same 1 MB file, in the same run
# (issue 5: at least 10x faster), and peak memory on 50 MB files (under 10x the input).
#
#   Benchmarks/markdown.sh            # speed (hyperfine) and memory
#   Benchmarks/markdown.sh --quick    # speed only
#
# Needs: the Swift toolchain, hyperfine, pandoc, python3, GNU time (/usr/bin/time).
# Results go to Benchmarks/results/ (not committed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/Benchmarks/results"
mkdir -p "$out"
cd "$root"

swift build -c release --static-swift-stdlib >/dev/null
bin="$root/.build/release/articlekit"

python3 Benchmarks/make_markdown.py 1000000 > "$out/big.md"
echo "input: $(wc -c < "$out/big.md") bytes of Markdown (Benchmarks/make_markdown.py 1000000)"

hyperfine --warmup 2 --runs 10 -N --export-markdown "$out/markdown-speed.md" \
  -n "articlekit md -> md" "$bin convert $out/big.md --to md --output $out/big.out.md" \
  -n "articlekit md -> json" "$bin convert $out/big.md --to json --output $out/big.out.json" \
  -n "pandoc commonmark -> commonmark" "pandoc -f commonmark -t commonmark $out/big.md -o $out/big.pandoc.md"
cat "$out/markdown-speed.md"

[[ "${1:-}" == "--quick" ]] && exit 0

echo
echo "peak memory, 50 MB inputs (GNU time, maximum resident set size):"
for kind in prose dense; do
  if [[ $kind == prose ]]; then python3 Benchmarks/make_markdown.py --prose 50000000 > "$out/m50.md"
  else python3 Benchmarks/make_markdown.py 50000000 > "$out/m50.md"; fi
  size=$(wc -c < "$out/m50.md")
  /usr/bin/time -v "$bin" convert "$out/m50.md" --to md --output "$out/m50.out.md" 2> "$out/time.txt"
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$out/time.txt")
  wall=$(awk -F': ' '/Elapsed/ {print $2}' "$out/time.txt")
  python3 -c "import sys; s,r=int(sys.argv[1]),int(sys.argv[2])*1024; print(f'  {sys.argv[3]:6} {s/1e6:.0f} MB -> md: peak {r/2**20:.0f} MiB = {r/s:.1f}x input, {sys.argv[4]} wall')" "$size" "$rss" "$kind" "$wall"
done
rm -f "$out/m50.md" "$out/m50.out.md"
