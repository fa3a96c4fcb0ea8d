#!/usr/bin/env bash
# HTTP throughput of the cached program page against (1) a trivial route of the same server
# (/healthz: the framework's ceiling) and (2) the same HTML served by nginx (the machine's limit),
# each pair measured in one run with the harness's pair.sh (A,B,A,B... rounds, medians, ratio).
#
# usage: bench/http.sh [SECONDS=5] [CONNECTIONS=16] [ROUNDS=3]
#   env: HARNESS (default ../shared/harness beside the checkout), PORT (7171), NGINX_PORT (7172), JAVA_OPTS
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-5}; conns=${2:-16}; rounds=${3:-3}
harness=${HARNESS:-../shared/harness}
port=${PORT:-7171}; nginx_port=${NGINX_PORT:-7172}
page=/programs/internal-medicine
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-http.XXXXXX")

[ -f target/gme-site.jar ] || mvn -q -B -DskipTests package
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  [ -s "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

GME_PORT=$port GME_HOST=127.0.0.1 java ${JAVA_OPTS:-} -jar target/gme-site.jar > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done

# The same bytes for nginx to serve: the page and the files it links.
mkdir -p "$work/root$page" "$work/tmp"
curl -sf "http://127.0.0.1:$port$page" > "$work/root$page/index.html"
chmod -R a+rX "$work"
sed -e "s#@WORK@#$work#g" -e "s#@ROOT@#$work/root#g" -e "s#@PORT@#$nginx_port#g" -e "s#@WORKERS@#${NGINX_WORKERS:-auto}#g" \
  "$harness/nginx-peer.conf.in" > "$work/nginx.conf"
nginx -e "$work/error.log" -p "$work" -c "$work/nginx.conf"
for _ in $(seq 50); do [ -s "$work/nginx.pid" ] && break; sleep 0.1; done

echo "== page size: $(wc -c < "$work/root$page/index.html") bytes plain, $(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$page" | wc -c) bytes gzipped"
echo "== A: cached program page, B: /healthz (same server)"
"$harness/pair.sh" "http://127.0.0.1:$port$page" "http://127.0.0.1:$port/healthz" "$secs" "$conns" "$rounds" | tail -1
echo "== A: cached program page, B: the same HTML from nginx"
"$harness/pair.sh" "http://127.0.0.1:$port$page" "http://127.0.0.1:$nginx_port$page/" "$secs" "$conns" "$rounds" | tail -1
echo "== the same, gzip requested"
"$harness/pair.sh" "http://127.0.0.1:$port$page" "http://127.0.0.1:$nginx_port$page/" "$secs" "$conns" "$rounds" -- -H 'Accept-Encoding: gzip' | tail -1
