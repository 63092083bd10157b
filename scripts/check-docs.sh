#!/usr/bin/env bash
# Builds the DocC documentation of the library (every library target, one combined archive, so
# pages link across modules) and fails on any DocC or compiler warning about it, and on any public
# symbol without a doc comment.
#
#   scripts/check-docs.sh
#
# The archive is .build/plugins/Swift-DocC/outputs/ArticleKit.doccarchive. Links from one module
# to another are written ``/ArticleCore/Article``, which resolves only in this combined build.
#
# Environment: CHECK_DOCS_PENDING, targets whose problems are listed but not failed on (default:
# the targets still being worked on; set it to "" to fail on every target).
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(ArticleCore ArticleSupport ArticleText ArticleJSON ArticleMarkdown ArticleHTML ArticleEPUB ArticleImages ArticleLanguage ArticleFetch ArticleFeed ArticleWARC ArticleKit)
pending=${CHECK_DOCS_PENDING-""}
args=()
for t in "${targets[@]}"; do args+=(--target "$t"); done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! swift package generate-documentation "${args[@]}" --enable-experimental-combined-documentation \
    --experimental-skip-synthesized-symbols --experimental-documentation-coverage --coverage-summary-level brief \
    >"$work/out" 2>"$work/err"; then
  cat "$work/out" "$work/err" >&2
  echo "check-docs: FAIL: generate-documentation failed" >&2
  exit 1
fi

python3 - "$work/out" "$work/err" .build/plugins/Swift-DocC/outputs/intermediates "$pending" "${targets[@]}" <<'PY'
import json, os, re, sys
out, err, intermediates, pending = sys.argv[1:5]
targets = sys.argv[5:]
pending = set(pending.split())

# Warnings: a DocC diagnostic is "warning: ..." followed by a "--> Sources/TARGET/FILE:LINE" line;
# a compiler warning names the file on the same line.
problems = []   # (target or None, text)
for path in (out, err):
    lines = open(path, errors="replace").read().split("\n")
    for i, line in enumerate(lines):
        if "warning:" not in line:
            continue
        # A dependency's own package warning (ZIPFoundation's unhandled privacy manifest).
        if re.search(r"warning: '[^']+': found \d+ file\(s\) which are unhandled", line) and "articlekit" not in line.lower():
            continue
        # SwiftPM dropping -pthread from libvips's pkg-config flags (Swift links pthreads anyway).
        if re.search(r"warning: prohibited flag\(s\): (-pthread(, )?)+$", line.strip()):
            continue
        place = re.search(r"(?:^|/)Sources/([^/]+)/\S+", line)
        if not place:
            for nxt in lines[i + 1:i + 4]:
                m = re.search(r"--> (?:\S*/)?Sources/([^/]+)/(\S+)", nxt)
                if m:
                    place, line = m, line.strip() + "  (" + "Sources/" + m.group(1) + "/" + m.group(2) + ")"
                    break
        if place and "/.build/" in line:
            continue
        problems.append((place.group(1) if place else None, line.strip()))

# Public symbols without a doc comment. Extension groupings ("Extended Structure") have no comment
# of their own; Codable and RawRepresentable members the compiler writes cannot have one.
synthesised = {"init(from:)", "encode(to:)", "init(rawValue:)", "hash(into:)", "==(_:_:)"}
for t in targets:
    f = os.path.join(intermediates, t + ".doccarchive", "documentation-coverage.json")
    if not os.path.exists(f):
        problems.append((t, f"no coverage data at {f}"))
        continue
    for s in json.load(open(f)):
        kind = s["kind"]
        if not kind.get("isSymbol") or s["hasAbstract"] or kind["name"].startswith("Extended"):
            continue
        if s["title"] in synthesised:
            continue
        path = s["referencePath"].split("/documentation/", 1)[-1]
        problems.append((t, f"undocumented public symbol: {path} ({kind['name']})"))

failing = [p for p in problems if p[0] not in pending]
waiting = [p for p in problems if p[0] in pending]
for t, text in waiting:
    print(f"check-docs: not yet clean ({t}): {text}")
for t, text in failing:
    print(f"check-docs: FAIL: {text}", file=sys.stderr)
checked = [t for t in targets if t not in pending]
if failing:
    print(f"check-docs: {len(failing)} problems in {', '.join(checked)}", file=sys.stderr)
    sys.exit(1)
print(f"check-docs: ok: no warnings and no undocumented public symbols in {', '.join(checked)}"
      + (f"; {len(waiting)} left in {', '.join(sorted(pending))}" if pending else ""))
PY
