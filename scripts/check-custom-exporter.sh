#!/usr/bin/env bash
# Checks the third-party exporter example (examples/CustomExporter, its own package that depends
# on this checkout by path): runs it on examples/, and checks what it wrote with python3's
# xml.etree: the feed is well-formed Atom with exactly one entry per input article, with the
# expected titles in input order, unique ids and RFC 3339 dates; the batch run wrote one feed
# per input; and a second run gives the same bytes.
#
#   scripts/check-custom-exporter.sh            # the main package's build of it, else its own
#   EXPORTER_OWN_BUILD=1 scripts/check-custom-exporter.sh
#
# The main package compiles the example's two targets from the same files (Package.swift), so
# after `swift build` or `swift test` its binary is .build/debug/custom-exporter and CI need not
# build SwiftNIO and BoringSSL a second time for the example's own package (about 250 s). The
# example's own manifest is still loaded and checked to name those two targets and this
# checkout. EXPORTER_OWN_BUILD=1 builds the example as its own package, as a user would.
#
# Environment: KEEP=1 keeps the work folder. Exit status 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=examples/CustomExporter

# The example's own manifest: its targets, and ArticleKit from this checkout.
if ! manifest=$(swift package --package-path "$pkg" dump-package 2>&1); then
  echo "$manifest" >&2
  echo "check-custom-exporter: FAIL: the example's Package.swift does not load" >&2
  exit 1
fi
if ! python3 -c '
import json, os, sys
d = json.loads(sys.stdin.read())
targets = sorted(t["name"] for t in d["targets"])
paths = [os.path.realpath(f["path"]) for dep in d["dependencies"] for f in dep.get("fileSystem", [])]
ok = targets == ["AtomExporter", "custom-exporter"] and os.path.realpath(".") in paths
sys.exit(0 if ok else 1)' <<<"$manifest"; then
  echo "check-custom-exporter: FAIL: the example's Package.swift no longer names its two targets and this checkout" >&2
  exit 1
fi

bin=.build/debug/custom-exporter
if [[ "${EXPORTER_OWN_BUILD:-}" == 1 || ! -x "$bin" ]]; then
  # The example's own build folder (ignored by git), so it works from a clean clone and does not
  # disturb the main package's .build.
  if ! log=$(swift build --package-path "$pkg" --scratch-path "$pkg/.build" 2>&1); then
    echo "$log" >&2
    echo "check-custom-exporter: FAIL: the example package does not build" >&2
    exit 1
  fi
  bin="$(swift build --package-path "$pkg" --scratch-path "$pkg/.build" --show-bin-path)/custom-exporter"
fi
echo "check-custom-exporter: $bin"

work=$(mktemp -d)
if [[ "${KEEP:-}" == 1 ]]; then echo "check-custom-exporter: work folder $work"; else trap 'rm -rf "$work"' EXIT; fi

# Every example article (the exporter would skip, with a note, a file no reader claims).
inputs=(examples/*.txt examples/*.html examples/*.json)
for f in examples/*.md; do [[ $(basename "$f") == README.md ]] || inputs+=("$f"); done
unset SOURCE_DATE_EPOCH
status=0
"$bin" "${inputs[@]}" --output "$work/feed.atom" --batch "$work/batch" >"$work/stdout" 2>"$work/stderr" || status=$?
if [[ $status != 0 ]]; then
  cat "$work/stdout" "$work/stderr" >&2
  echo "check-custom-exporter: FAIL: custom-exporter exited with status $status" >&2
  exit 1
fi
cat "$work/stderr" >&2  # notes on skipped inputs
"$bin" "${inputs[@]}" --output "$work/feed-again.atom" >/dev/null 2>&1
if ! cmp -s "$work/feed.atom" "$work/feed-again.atom"; then
  echo "check-custom-exporter: FAIL: two runs wrote different feeds" >&2
  exit 1
fi

# An article with markup, an ampersand and a control character in its text, and no date, URL,
# author or source: the feed must still be well-formed Atom with the text intact.
cat >"$work/odd.json" <<'JSON'
{"title": "Fish & chips <b>\"hot\"</b> \u0001]]>", "blocks": [{"type": "paragraph", "content": [{"type": "text", "text": "A < B && C > D ]]> \u0007 done"}]}, {"type": "html", "html": "<script>alert(1)</script>"}]}
JSON
"$bin" "$work/odd.json" --output "$work/odd.atom" >/dev/null

python3 - "$work" <<'PY'
import os, re, sys
import xml.etree.ElementTree as ET

work = sys.argv[1]
A = "{http://www.w3.org/2005/Atom}"
# The title of the one article in each example input.
expected = {
    "000_seed.txt": "Strengthening mass mobilization work, successfully implementing resolutions of party congresses at all levels",
    "002_school_year.txt": "Nearly 700,000 students in Nghe An enter the new school year",
    "school-year.json": "Nearly 700,000 students in Nghe An enter the new school year",
    "bicycle-lanes.html": "City council approves new bicycle lanes for the old town",
    "night-market.md": "Vinh's night market reopens after two years of renovation",
    "rice-harvest.md": "Nghe An farmers bring in a record rice harvest",
}
must_read = set(expected)
rfc3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
failures = []

def fail(msg):
    failures.append(msg)

inputs = [l[len("input: "):].strip() for l in open(os.path.join(work, "stdout")) if l.startswith("input: ")]
names = [os.path.basename(p) for p in inputs]
for n in sorted(must_read - set(names)):
    fail(f"{n} was not read")
for n in names:
    if n not in expected:
        fail(f"{n} was read but this script does not know its title: add it to `expected`")

def check_feed(path, want_titles, label):
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        fail(f"{label}: not well-formed XML: {e}")
        return
    if root.tag != A + "feed":
        fail(f"{label}: the root is {root.tag}, not an Atom feed")
        return
    for tag in ("id", "title", "updated"):
        if root.find(A + tag) is None or not (root.find(A + tag).text or "").strip():
            fail(f"{label}: the feed has no <{tag}>")
    entries = root.findall(A + "entry")
    if len(entries) != len(want_titles):
        fail(f"{label}: {len(entries)} entries for {len(want_titles)} articles")
    titles = [(e.findtext(A + "title") or "") for e in entries]
    if titles != want_titles:
        fail(f"{label}: titles {titles!r}, expected {want_titles!r}")
    ids = [(e.findtext(A + "id") or "").strip() for e in entries]
    if len(set(ids)) != len(ids) or "" in ids:
        fail(f"{label}: entry ids missing or repeated: {ids}")
    feed_has_author = root.find(A + "author") is not None
    for i, e in enumerate(entries, 1):
        for d in [e.findtext(A + "updated")] + ([e.findtext(A + "published")] if e.find(A + "published") is not None else []):
            if not rfc3339.match((d or "").strip()):
                fail(f"{label}: entry {i}: date {d!r} is not RFC 3339 with an offset")
        if e.find(A + "author") is None and not feed_has_author:
            fail(f"{label}: entry {i} has no author and neither has the feed")
        content = e.find(A + "content")
        if content is None or content.get("type") != "html" or len((content.text or "").strip()) < 50:
            fail(f"{label}: entry {i} has no HTML content")
        elif "min read" not in content.text:
            fail(f"{label}: entry {i} lacks the reading-time line the custom transform adds")

want = [expected.get(n, "?") for n in names]
check_feed(os.path.join(work, "feed.atom"), want, "feed.atom")
for n, title in zip(names, want):
    stem = os.path.splitext(n)[0]
    check_feed(os.path.join(work, "batch", stem + ".atom"), [title], f"batch/{stem}.atom")

# The odd article: escaped, not dropped; a deterministic id and date; a feed-level author.
try:
    odd = ET.parse(os.path.join(work, "odd.atom")).getroot()
    entry = odd.find(A + "entry")
    if entry.findtext(A + "title") != 'Fish & chips <b>"hot"</b> ]]>':
        fail(f"odd.atom: title {entry.findtext(A + 'title')!r}")
    if "A &lt; B &amp;&amp; C &gt; D ]]&gt;" not in (entry.findtext(A + "content") or ""):
        fail("odd.atom: the body text is not in the content as escaped HTML")
    if not (entry.findtext(A + "id") or "").startswith("urn:uuid:"):
        fail("odd.atom: an article without a URL has no urn:uuid id")
    if entry.findtext(A + "updated") != "1970-01-01T00:00:00Z" or entry.find(A + "published") is not None:
        fail("odd.atom: an undated article is not dated 1970-01-01T00:00:00Z without <published>")
    if odd.find(A + "author") is None:
        fail("odd.atom: no feed author for an entry without one")
except (ET.ParseError, OSError, AttributeError) as e:
    fail(f"odd.atom: {e}")

if failures:
    for f in failures:
        print("check-custom-exporter: FAIL:", f, file=sys.stderr)
    sys.exit(1)
print(f"check-custom-exporter: ok: {len(names)} inputs ({', '.join(names)}) make one Atom feed of "
      f"{len(names)} entries, and {len(names)} feeds in batch")
PY
