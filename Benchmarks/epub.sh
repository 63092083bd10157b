#!/usr/bin/env bash
# EPUB benchmark, whole process, on this machine:
#  1. the seed article → EPUB: articlekit vs pandoc (`-f markdown … --metadata title=…`), in the
#     same hyperfine run (target: articlekit ≤ 1/4 of pandoc's time);
#  2. 1,000 JSON articles (made from the seed's paragraphs, one in 20 with a photo) → one book
#     (target: < 2 s on 2 cores).
# Results go to Benchmarks/results/ (not committed). Needs hyperfine and pandoc.
#   Benchmarks/epub.sh            # builds a static release binary first
#   ARTICLEKIT=path Benchmarks/epub.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${SEED:-../shared/corpus/scraped/000_seed.txt}
[[ -f $seed ]] || seed=/work/shared/corpus/scraped/000_seed.txt
if [[ -z "${ARTICLEKIT:-}" ]]; then
  swift build -c release --static-swift-stdlib --product articlekit >/dev/null 2>&1
  ARTICLEKIT="$(swift build -c release --show-bin-path)/articlekit"
fi
mkdir -p Benchmarks/results
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== seed → EPUB (whole process)"
hyperfine --warmup 3 --runs ${RUNS:-30} -N --export-json Benchmarks/results/epub-seed.json \
  -n articlekit "$ARTICLEKIT convert $seed --to epub --output $work/a.epub --quiet" \
  -n pandoc "pandoc -f markdown $seed --metadata title=Seed -o $work/p.epub"

echo "== 1,000 articles → one book"
python3 Benchmarks/make-articles.py "$seed" "$work/articles" 1000
hyperfine --warmup 1 --runs ${BOOK_RUNS:-5} --export-json Benchmarks/results/epub-book-1000.json \
  -n "articlekit 1000 → 1 book" \
  "$ARTICLEKIT convert $work/articles/*.json --to epub --title 'A thousand articles' --output $work/book.epub --quiet"
ls -l "$work/book.epub" | awk '{print "book size: " $5 " bytes"}'
