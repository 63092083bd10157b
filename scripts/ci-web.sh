#!/usr/bin/env bash
# CI hook for issue 13's web checks (called from .ci/run with the built binary):
#
#   scripts/ci-web.sh ARTICLEKIT_BINARY
#
# While `articlekit convert --help` shows no URL input it prints "skipped: articlekit takes no
# URLs yet" and exits 0, so that it can be merged before URL support. Then it installs what the
# loopback web needs and a fresh machine may lack (the `vips` command line of libvips-tools,
# openssl, curl, iproute2 for the network namespace) and runs scripts/check-fundus-urls.sh: the
# 257 fundus pages by URL through the loopback proxy, 257 books with 0 EPUBCheck errors and
# warnings, an image for at least 95% of the figures with an image source. CI_WEB_MODE picks
# its MODE (each, list, args; default each). CI_WEB_BENCH=1 also runs Benchmarks/web.sh (RUNS=3).
#
# Cost on this 2-core machine, measured with the harness's own client (CLIENT=curl: curl
# fetches, the file-input articlekit converts) while articlekit took no URLs, under a load
# average near 18: 4 min wall, 76 s of CPU in all (proxy start 3-12 s with warm caches, 30-50 s
# the first time; 257 books and their JSON 88 s wall; EPUBCheck 135 s wall for 257 books in two
# JVMs). With URL support add the image downloads and libvips (about 900 images): estimate 2-4
# minutes on an idle 2-core CI machine.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:?usage: scripts/ci-web.sh ARTICLEKIT_BINARY}
# The help text is read whole first: `grep -q` stopping early would fail the pipe under pipefail.
help=$("$BIN" convert --help 2>/dev/null || true)
if ! grep -qE -- '--ca-cert|--no-fetch|https?://' <<<"$help"; then
  echo "skipped: articlekit takes no URLs yet ($BIN convert --help shows no URL input)"; exit 0
fi
missing=()
command -v vips >/dev/null || missing+=(libvips-tools)
command -v openssl >/dev/null || missing+=(openssl)
command -v curl >/dev/null || missing+=(curl)
command -v ip >/dev/null || missing+=(iproute2)
command -v java >/dev/null || missing+=(default-jre-headless)
if (( ${#missing[@]} )); then
  echo "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Certificates are signed in-process with `cryptography` (a millisecond a host) when it can be
# had, else with the openssl command (some 30 s more at start).
python3 -c 'import cryptography' 2>/dev/null || python3 -m pip install -q --disable-pip-version-check cryptography 2>&1 \
  | grep -v "as the 'root' user" || true
ARTICLEKIT=$BIN MODE=${CI_WEB_MODE:-each} scripts/check-fundus-urls.sh
if [[ "${CI_WEB_BENCH:-}" == 1 ]]; then RUNS=3 Benchmarks/web.sh "$BIN"; fi
