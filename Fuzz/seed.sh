#!/usr/bin/env bash
# Seed a fuzz corpus folder for one target from the project's test inputs and examples.
set -euo pipefail
t=$1; dir=$2
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$root/../shared/corpus
case $t in
  Text) cp -n "$root"/Tests/ArticleTextTests/Fixtures/*.txt "$root"/examples/*.txt "$dir"/ 2>/dev/null || true ;;
  JSON) cp -n "$root"/Tests/CLITests/Golden/*.json "$dir"/ 2>/dev/null || true ;;
  JSONLines) for f in "$root"/Tests/CLITests/Golden/*.json; do python3 -c "import json,sys;print(json.dumps(json.load(open(sys.argv[1]))))" "$f" > "$dir/$(basename "$f" .json).jsonl"; done ;;
  Markdown) python3 -c "
import json,sys,pathlib
for e in json.load(open(sys.argv[1]))[:300]: pathlib.Path(sys.argv[2],'ex%d.md'%e['example']).write_text(e['markdown'])" "$shared/commonmark/spec.json" "$dir"
            cp -n "$root"/examples/*.md "$dir"/ 2>/dev/null || true ;;
  HTML) for f in $(ls "$shared"/html/fundus/html/*.gz | head -40); do gunzip -c "$f" > "$dir/$(basename "$f" .gz)"; done ;;
  EPUB) cp -n "$root"/Tests/ArticleEPUBTests/Books/*.epub "$dir"/ 2>/dev/null || true
        cp -n "$root"/Tests/CLITests/Hostile/*.epub "$dir"/ 2>/dev/null || true
        for f in "$root"/examples/*.txt; do [ -e "$dir/$(basename "$f").epub" ] || "$root"/.build/debug/articlekit convert "$f" --to epub --output "$dir/$(basename "$f").epub" 2>/dev/null || true; done ;;
esac
