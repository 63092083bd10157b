#!/usr/bin/env bash
# Build the libFuzzer targets and run each for a bounded time, seeded from the test corpora.
#
#   Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]      (default 30 s each, every target)
#
# Findings (crash-*, leak-*, timeout-*) are written to Fuzz/findings/TARGET/ and make the script
# exit 1; copy each into Tests/…/Hostile/ or a regression test once fixed. Total executions per
# target are printed at the end (libFuzzer's "stat::number_of_executed_units").
set -euo pipefail
cd "$(dirname "$0")"
SECS=${1:-30}; shift || true
ALL=$(sed -n 's/^let readers = \[\(.*\)\]/\1/p' Package.swift | tr -d '" ' | tr ',' ' ')
TARGETS=${*:-$ALL}
# FUZZ_DEBUG_INFO=0 builds without -g (CI: findings still name functions; rebuild with it to
# see lines), which shortens the build.
debug_info=(-Xswiftc -g)
[[ ${FUZZ_DEBUG_INFO:-1} == 0 ]] && debug_info=()
swift build -c release --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library "${debug_info[@]}" >/dev/null
BIN=$(swift build -c release --scratch-path .build-fuzz --show-bin-path)
status=0
# Leaks in dependencies that ArticleKit cannot fix are listed, with the reason, in lsan.supp.
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
for t in $TARGETS; do
  corpus=corpus/$t; mkdir -p "$corpus" "findings/$t"
  ./seed.sh "$t" "$corpus"
  log=findings/$t/last-run.log
  if ! "$BIN/Fuzz$t" "$corpus" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
       -artifact_prefix="findings/$t/" -print_final_stats=1 >"$log" 2>&1; then
    echo "Fuzz$t: FINDING, see $log"; status=1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "Fuzz$t: ${execs:-?} executions in ${SECS}s"
done
exit $status
