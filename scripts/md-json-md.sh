#!/usr/bin/env bash
# Markdown on stdin -> ArticleKit JSON -> Markdown on stdout: the JSON leg of the round-trip
# measure (issue 5). Uses the articlekit binary named by $ARTICLEKIT, else the release build,
# else the debug build.
#
#   python3 ../shared/tools/roundtrip_commonmark.py --cmd 'scripts/md-json-md.sh'
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${ARTICLEKIT:-}"
if [[ -z "$bin" ]]; then
  if [[ -x "$here/.build/release/articlekit" ]]; then bin="$here/.build/release/articlekit"
  else bin="$here/.build/debug/articlekit"; fi
fi
"$bin" convert - --from markdown --to json --output - | "$bin" convert - --from json --to markdown --output -
