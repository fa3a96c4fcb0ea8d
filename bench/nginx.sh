#!/usr/bin/env bash
# The production setup's nginx (deploy/nginx: the static mirror the server writes, GME_MIRROR_DIR, and
# proxy_cache for what the mirror lacks) against nginx serving the same bytes as files (the machine's
# limit for these bytes), each pair measured in one run with the harness's pair.sh (A,B,A,B...
# rounds, medians, ratio). Plain, then gzip (the peer serves the server's own gzip bytes with
# gzip_static, so both send the same bytes). Then the same deploy files with no mirror (proxy_cache
# alone), and nginx against the server alone.
#
# usage: bench/nginx.sh [SECONDS=5] [CONNECTIONS=16] [ROUNDS=3] [PAGE=/programs/internal-medicine]
#   env: HARNESS (default ../shared/harness beside the checkout), PORT (7181), NGINX_PORT (7182), STATIC_PORT (7183),
#        CACHE_ONLY_PORT (7184), MIRROR_ONLY=1 (only the two mirror pairs)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-5}; conns=${2:-16}; rounds=${3:-3}; page=${4:-/programs/internal-medicine}
harness=$(cd "${HARNESS:-../shared/harness}" && pwd)
port=${PORT:-7181}; nginx_port=${NGINX_PORT:-7182}; static_port=${STATIC_PORT:-7183}; cache_only_port=${CACHE_ONLY_PORT:-7184}
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-nginx.XXXXXX")
deploy=$(pwd)/deploy/nginx

[ -f target/gme-site.jar ] || mvn -q -B -DskipTests package
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  [ -s "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

GME_PORT=$port GME_HOST=127.0.0.1 GME_BEHIND_PROXY=true GME_SHARED_CACHE_SECONDS=3 GME_DATABASE_URL="jdbc:sqlite:$work/gme.db" GME_MIRROR_DIR="$work/mirror" \
  java @deploy/jvm.options -jar target/gme-site.jar > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done

# The same bytes as files: the page, and its gzip as the server makes it.
mkdir -p "$work/root$page" "$work/tmp" "$work/cache"
curl -sf "http://127.0.0.1:$port$page" > "$work/root$page/index.html"
curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$page" > "$work/root$page/index.html.gz"
chmod -R a+rwX "$work"
user=""; [ "$(id -u)" = 0 ] && user="user root;"
cat > "$work/nginx.conf" <<CONF
$user
worker_processes ${NGINX_WORKERS:-auto};
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  server_tokens off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_timeout 65; keepalive_requests 100000;
  client_body_temp_path $work/tmp/body; proxy_temp_path $work/tmp/proxy; fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi; scgi_temp_path $work/tmp/scgi;
  # As deploy/nginx/nginx.conf, the cache on a memory file system where there is one (compose: tmpfs).
  proxy_cache_path ${CACHE_DIR:-$work/cache} levels=1:2 keys_zone=gme:20m max_size=512m inactive=10m use_temp_path=off;
  upstream gme { server 127.0.0.1:$port; keepalive 32; }
  include $deploy/gme-http.conf;
  # As deploy/nginx/nginx.conf: root at the mirror's current generation.
  server { listen 127.0.0.1:$nginx_port; root $work/mirror/current; include $deploy/gme-locations.conf; }
  # The same files with no mirror: every page through proxy_cache.
  server { listen 127.0.0.1:$cache_only_port; root $work/no-mirror; include $deploy/gme-locations.conf; }
  # The peer: the same bytes as files, tuned as a static server (harness nginx-peer.conf.in) with gzip_static.
  server {
    listen 127.0.0.1:$static_port;
    root $work/root;
    index index.html;
    open_file_cache max=20000 inactive=60s;
    open_file_cache_valid 60s;
    gzip_static on;
    location / { try_files \$uri \$uri/ =404; }
  }
}
CONF
nginx -t -q -e "$work/error.log" -p "$work" -c "$work/nginx.conf"
nginx -e "$work/error.log" -p "$work" -c "$work/nginx.conf"
for _ in $(seq 50); do [ -s "$work/nginx.pid" ] && break; sleep 0.1; done
# The first visits go through the server, which writes the page into the mirror; then nginx answers it.
for _ in $(seq 50); do
  status=$(curl -s -o /dev/null -D - "http://127.0.0.1:$nginx_port$page" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache-status"{print $2}')
  [ "$status" = MIRROR ] && break; sleep 0.1
done
echo "== X-Cache-Status through deploy/nginx: $status"
[ "$status" = MIRROR ] || { echo "error: the page never came from the mirror" >&2; exit 1; }
cmp -s <(curl -s "http://127.0.0.1:$nginx_port$page") "$work/root$page/index.html" || { echo "error: the mirror's bytes differ" >&2; exit 1; }
cmp -s <(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$nginx_port$page") "$work/root$page/index.html.gz" \
  || { echo "error: the mirror's gzip bytes differ" >&2; exit 1; }

echo "== page $page: $(wc -c < "$work/root$page/index.html") bytes plain, $(wc -c < "$work/root$page/index.html.gz") gzipped"
echo "== A: the page through deploy/nginx (the static mirror), B: the same bytes as a file from nginx"
"$harness/pair.sh" "http://127.0.0.1:$nginx_port$page" "http://127.0.0.1:$static_port$page/" "$secs" "$conns" "$rounds" | tail -1
echo "== the same, gzip requested (B: gzip_static, the server's own gzip bytes)"
"$harness/pair.sh" "http://127.0.0.1:$nginx_port$page" "http://127.0.0.1:$static_port$page/" "$secs" "$conns" "$rounds" -- -H 'Accept-Encoding: gzip' | tail -1
# (A count of nginx's own instructions per request, which the machine's load does not move:
# bench/nginx-instructions.sh.)
if [ -z "${MIRROR_ONLY:-}" ]; then
  echo "== A: deploy/nginx with no mirror (proxy_cache), B: the same bytes as a file from nginx"
  "$harness/pair.sh" "http://127.0.0.1:$cache_only_port$page" "http://127.0.0.1:$static_port$page/" "$secs" "$conns" "$rounds" | tail -1
  echo "== A: through nginx (the mirror), B: the server alone (cached page)"
  "$harness/pair.sh" "http://127.0.0.1:$nginx_port$page" "http://127.0.0.1:$port$page" "$secs" "$conns" "$rounds" | tail -1
fi
