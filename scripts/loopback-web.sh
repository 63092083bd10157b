# Sourced by the scripts that use the loopback web (scripts/loopback_web.py); bash only.
#
#   source scripts/loopback-web.sh
#   loopback_web_start WORKDIR [loopback_web.py options…]   sets LW_PORT, LW_PID, LW_CA, LW_PROXY
#   loopback_web_env                                        exports the proxy variables (fail closed)
#   loopback_web_stop                                       stops it, prints its summary line
#
# The proxy variables are set for every scheme and in both cases, and NO_PROXY is emptied, so
# that no request a client makes can go anywhere but the loopback proxy.
LW_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

loopback_web_start() {
  local work=$1; shift
  LW_CA=$work/loopback-ca.pem
  rm -f "$work/loopback-port" "$LW_CA"
  python3 "$LW_HERE/loopback_web.py" --ca-cert "$LW_CA" --port-file "$work/loopback-port" --parent $$ \
    --log "$work/loopback.log" "$@" 2>"$work/loopback.err" &
  LW_PID=$!
  local waited=0
  while [[ ! -s "$work/loopback-port" ]]; do
    if ! kill -0 "$LW_PID" 2>/dev/null || (( waited > 1200 )); then
      echo "loopback web did not start:" >&2; cat "$work/loopback.err" >&2; return 1
    fi
    sleep 0.1; waited=$((waited + 1))
  done
  LW_PORT=$(cat "$work/loopback-port")
  LW_PROXY=http://127.0.0.1:$LW_PORT
  LW_ERR=$work/loopback.err
}

loopback_web_env() {
  export https_proxy=$LW_PROXY HTTPS_PROXY=$LW_PROXY http_proxy=$LW_PROXY all_proxy=$LW_PROXY ALL_PROXY=$LW_PROXY
  export no_proxy= NO_PROXY=
  unset HTTP_PROXY
}

loopback_web_stop() {
  [[ -n "${LW_PID:-}" ]] || return 0
  kill -TERM "$LW_PID" 2>/dev/null || true
  wait "$LW_PID" 2>/dev/null || true
  grep '^loopback_web:' "$LW_ERR" >&2 || true
  LW_PID=
}
