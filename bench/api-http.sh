#!/usr/bin/env bash
# HTTP throughput of a cached content API answer (a programs list with three filters, page 1, and one
# program) against /healthz of the same server (the framework's ceiling), each pair in one run of the
# harness's pair.sh (A,B,A,B... rounds, medians, ratio). Over the real content, or over a folder of
# many programs made with the harness's clone-programs.py.
#
# usage: bench/api-http.sh [CONTENT_DIR=content] [SECONDS=5] [CONNECTIONS=16] [ROUNDS=3]
#   env: HARNESS (default ../shared/harness beside the checkout), PORT (7181), JAVA_OPTS
set -euo pipefail
cd "$(dirname "$0")/.."
content=${1:-content}; secs=${2:-5}; conns=${3:-16}; rounds=${4:-3}
harness=${HARNESS:-../shared/harness}
port=${PORT:-7181}
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-api.XXXXXX")

[ -f target/gme-site.jar ] || mvn -q -B -DskipTests package
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

GME_PORT=$port GME_HOST=127.0.0.1 GME_CONTENT_DIR=$content GME_WATCH=false GME_DATABASE_URL="jdbc:sqlite:$work/gme.db" \
  java ${JAVA_OPTS:-} -jar target/gme-site.jar > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done

base=http://127.0.0.1:$port
list="$base/api/v1/programs?type=residency&visa=J-1&interview=virtual&page=1"
slug=$(curl -sf "$base/api/v1/programs?size=1&fields=title" | sed -E 's/.*"slug":"([^"]+)".*/\1/')
item="$base/api/v1/programs/$slug"
echo "== list: $(curl -s "$list" | wc -c) bytes, total $(curl -s "$list" | sed -E 's/.*"total":([0-9]+).*/\1/'); item $slug: $(curl -s "$item" | wc -c) bytes"
echo "== A: cached API list (3 filters, page 1), B: /healthz"
"$harness/pair.sh" "$list" "$base/healthz" "$secs" "$conns" "$rounds" | tail -1
echo "== A: cached API item, B: /healthz"
"$harness/pair.sh" "$item" "$base/healthz" "$secs" "$conns" "$rounds" | tail -1
echo "== the list again, gzip requested ($(curl -s -H 'Accept-Encoding: gzip' "$list" | wc -c) bytes), B: /healthz"
"$harness/pair.sh" "$list" "$base/healthz" "$secs" "$conns" "$rounds" -- -H 'Accept-Encoding: gzip' | tail -1
