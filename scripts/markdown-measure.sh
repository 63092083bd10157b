#!/usr/bin/env bash
# Issue 5's round-trip measure, both legs, failing under 97% kept: every CommonMark spec example
# through articlekit Markdown -> Markdown, and Markdown -> JSON -> Markdown, rendered by the
# cmark-gfm command before and after. For .ci/run, after a build:
#
#   scripts/markdown-measure.sh                 # uses .build/release, else .build/debug
#   ARTICLEKIT=path/to/articlekit scripts/markdown-measure.sh
#
# Needs the cmark-gfm command (Debian: cmark-gfm) and ../shared/tools/roundtrip_commonmark.py.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${ARTICLEKIT:-}"
if [[ -z "$bin" ]]; then
  if [[ -x "$here/.build/release/articlekit" ]]; then bin="$here/.build/release/articlekit"
  else bin="$here/.build/debug/articlekit"; fi
fi
tool="${ROUNDTRIP_TOOL:-$here/../shared/tools/roundtrip_commonmark.py}"
echo "Markdown -> Markdown:"
python3 "$tool" --cmd "$bin convert - --from markdown --to markdown --output -" --min 97
echo "Markdown -> JSON -> Markdown:"
ARTICLEKIT="$bin" python3 "$tool" --cmd "$here/scripts/md-json-md.sh" --min 97
