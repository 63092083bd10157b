#!/usr/bin/env bash
# Scores article extraction on one HTML corpus set (../shared/corpus/html/SET) with the shared
# evaluator, and fails when a figure is under its minimum:
#   scripts/extract-measure.sh BIN SET [body=F1] [title=X] [authors=X] [date=X] [captions=X] [credits=X] [-- extra articlekit flags]
# The evaluator itself only checks body F1; the metadata shares are read from its output lines
# ("title right: 96/121 = 0.793").
set -euo pipefail
BIN=$1 SET=$2
shift 2
SHARED=$(cd "$(dirname "$0")/../../shared" && pwd)
DIR="$SHARED/corpus/html/$SET"
mins=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do mins+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
out=$(python3 "$SHARED/tools/eval_extract.py" --pages "$DIR/html" --truth "$DIR/ground-truth.json" --meta "$DIR/metadata.json" \
  --cmd "$BIN convert {input} --from html --to json --output - $*") || true
echo "$out"
EVAL_OUT="$out" python3 - "${mins[@]}" <<'PY'
import os, re, sys
out = os.environ["EVAL_OUT"]
got = {}
m = re.search(r"^body F1: ([0-9.]+)", out, re.M)
if m: got["body"] = float(m.group(1))
for key, label in (("title", "title right"), ("authors", "authors right"), ("date", "date right"),
                   ("captions", "captions found"), ("credits", "credits found")):
    m = re.search(rf"^{label}: \d+/\d+ = ([0-9.]+)", out, re.M)
    if m: got[key] = float(m.group(1))
bad = []
for arg in sys.argv[1:]:
    key, want = arg.split("=")
    have = got.get(key)
    if have is None or have < float(want):
        bad.append(f"{key} {have} under {want}")
if bad:
    print("below the minimum: " + "; ".join(bad))
    sys.exit(1)
print("every figure at or above its minimum: " + ", ".join(sys.argv[1:]))
PY
