#!/usr/bin/env bash
# Folder conversion throughput and memory: ArticleKit converting a generated corpus of N scraped
# articles (Benchmarks/gen_corpus.py) against pandoc converting the same files one process per
# file, two at a time (xargs -P2), in the same run.
#
#   Benchmarks/batch.sh [N] [ARTICLEKIT_BINARY]        (N defaults to 10000)
#   BIG=100000 Benchmarks/batch.sh                       also checks peak memory at N=BIG
#   BEFORE=OTHER_BINARY                                  also times another build (an earlier commit)
#                                                        in the same run, runs alternating, for a
#                                                        before/after comparison on a busy machine
#   PANDOC_SAMPLE=1000                                   pandoc is timed on this many of the files:
#                                                        one process per file, its rate does not
#                                                        depend on N, and 10,000 would take minutes
# Also kills a run with SIGKILL halfway, reruns it, and checks that every output is identical to
# an uninterrupted run's.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
BIN=${2:-}
SAMPLE=${PANDOC_SAMPLE:-1000}
if [ -z "$BIN" ]; then swift build -c release --static-swift-stdlib >/dev/null; BIN=.build/release/articlekit; fi
BIN=$(realpath "$BIN")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 Benchmarks/gen_corpus.py "$N" "$WORK/in"
# ext4 without a journal (this machine's disk) skips inodes deleted in the last 30 s when it
# creates a file, reading their inode blocks one by one: right after a mass deletion (an earlier
# run's clean-up, a test suite, a fuzzer's temporary files) creating 10,000 files costs seconds of
# system time more. Each run below writes to a new folder and nothing is deleted until the end;
# the script starts by letting such a window pass.
sleep "${SETTLE:-35}"
echo "corpus: $N articles, $(du -sh "$WORK/in" | cut -f1); $(nproc) cores; $("$BIN" --version); $(pandoc --version | head -1)"

rate() { python3 -c "print(f'{$1/$2:.0f}')"; }
BEFORE=${BEFORE:+$(realpath "$BEFORE")}
declare -A AK
for fmt in ${FORMATS:-md json epub}; do
  "$BIN" formats --names | grep -qx "$fmt" || { echo "skip $fmt (no writer)"; continue; }
  # Three runs of each build, alternating, each into a new folder; the median is kept. CPU time
  # (user + system) is reported beside the wall clock: on a shared machine it is the steadier.
  runs=(); before=()
  for i in 1 2 3; do
    if [ -n "$BEFORE" ]; then
      /usr/bin/time -f "%e %M %U %S" -o "$WORK/t" "$BEFORE" convert "$WORK/in" --to "$fmt" --output "$WORK/before-$fmt-$i/" --quiet 2>/dev/null
      before+=("$(cat "$WORK/t")")
    fi
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/t" "$BIN" convert "$WORK/in" --to "$fmt" --output "$WORK/out-$fmt-$i/" --quiet 2>/dev/null
    runs+=("$(cat "$WORK/t")")
  done
  if [ -n "$BEFORE" ]; then
    read -r secs kib u s < <(printf '%s\n' "${before[@]}" | sort -n | sed -n 2p)
    echo "before → $fmt: $secs s (median of $(printf '%s ' "${before[@]%% *}")s), $(rate "$N" "$secs") files/s, cpu $(python3 -c "print(f'{$u+$s:.2f}')") s, peak $((kib / 1024)) MiB"
  fi
  read -r secs kib u s < <(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)
  AK[$fmt]=$(rate "$N" "$secs")
  echo "articlekit → $fmt: $secs s (median of $(printf '%s ' "${runs[@]%% *}")s), ${AK[$fmt]} files/s, cpu $(python3 -c "print(f'{$u+$s:.2f}')") s, peak $((kib / 1024)) MiB"
done

find "$WORK/in" -name '*.txt' | sort > "$WORK/all"
head -n "$SAMPLE" "$WORK/all" > "$WORK/sample"   # not in the pipe: head closing early fails it under pipefail
for fmt in ${FORMATS:-md json epub}; do
  [ -n "${AK[$fmt]:-}" ] || continue
  case $fmt in md) pf=commonmark;; json) pf=json;; epub) pf=epub;; *) continue;; esac
  mkdir -p "$WORK/pandoc-$fmt"
  start=$(date +%s.%N)
  xargs -P2 -I{} sh -c 'pandoc -f markdown "$1" --metadata title=x -t '"$pf"' -o "$2/$(basename "$1").'"$fmt"'"' _ {} "$WORK/pandoc-$fmt" < "$WORK/sample"
  end=$(date +%s.%N)
  secs=$(python3 -c "print(f'{$end-$start:.2f}')")
  pr=$(rate "$SAMPLE" "$secs")
  echo "pandoc → $fmt (xargs -P2, $SAMPLE files): $secs s, $pr files/s; articlekit/pandoc = $(python3 -c "print(f'{${AK[$fmt]}/$pr:.1f}')")×"
done

echo "== kill -9 halfway, then rerun"
rm -rf "$WORK/k" "$WORK/ref"
"$BIN" convert "$WORK/in" --to md,json --output "$WORK/ref" --quiet 2>/dev/null
"$BIN" convert "$WORK/in" --to md,json --output "$WORK/k" --quiet 2>/dev/null &
pid=$!
while [ "$(find "$WORK/k" -type f 2>/dev/null | wc -l)" -lt "$N" ]; do sleep 0.05; done
kill -9 $pid; wait $pid 2>/dev/null || true
echo "killed with $(find "$WORK/k" -type f -name '*.json' | wc -l) of $N JSON outputs written"
"$BIN" convert "$WORK/in" --to md,json --output "$WORK/k" --quiet 2>&1 | tail -1
if diff -r -x '.articlekit-batch.json' -x '.articlekit-stamp' "$WORK/ref" "$WORK/k" >/dev/null && [ -z "$(find "$WORK/k" -name '.articlekit-tmp-*')" ]; then
  echo "after the rerun every output is present and identical to an uninterrupted run's"
else
  echo "MISMATCH after kill -9 and rerun"; exit 1
fi

if [ -n "${BIG:-}" ]; then
  rm -rf "$WORK/in" "$WORK"/out-* "$WORK/k" "$WORK/ref"
  python3 Benchmarks/gen_corpus.py "$BIG" "$WORK/in"
  sleep "${SETTLE:-35}"
  for fmt in ${FORMATS:-md json epub}; do
    /usr/bin/time -f "%e %M" -o "$WORK/t" "$BIN" convert "$WORK/in" --to "$fmt" --output "$WORK/big-$fmt/" --quiet 2>/dev/null
    read -r secs kib < "$WORK/t"
    echo "articlekit → $fmt, N=$BIG: $secs s, $(rate "$BIG" "$secs") files/s, peak $((kib / 1024)) MiB"
  done
fi
