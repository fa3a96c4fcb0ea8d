#!/usr/bin/env bash
# nginx's own work per request, counted in instructions (valgrind's callgrind, one nginx process),
# for a page from the static mirror through deploy/nginx's files against the same bytes as a file
# from a plain static server (as bench/nginx.sh's peer). Instruction counts do not depend on what
# else the machine runs, where requests/s on a shared 2-core machine swing by 20 %; they leave out
# the kernel's part (the same bytes sent, plus the mirror's ~650 bytes of headers).
# Each side: nginx started under callgrind, N and 6N keep-alive requests, the difference / 5N.
#
# usage: bench/nginx-instructions.sh [PAGE_FILE=any HTML file] [N=200]
#   env: PORT (7191; PORT+1 for the peer)
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:-}; n=${2:-200}
port=${PORT:-7191}
command -v valgrind >/dev/null || { echo "error: valgrind is not installed (apt-get install valgrind)" >&2; exit 3; }
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-instructions.XXXXXX")
trap 'rm -rf "$work"' EXIT
deploy=$(pwd)/deploy/nginx

# One page in a mirror generation (as the server writes it) and in the peer's root.
mkdir -p "$work/mirror/g-bench/programs/page" "$work/peer/programs/page" "$work/tmp"
if [ -n "$page" ]; then cp "$page" "$work/mirror/g-bench/programs/page/index.html"
else head -c 14800 /dev/urandom | base64 -w 100 > "$work/mirror/g-bench/programs/page/index.html"; fi
gzip -6 -c "$work/mirror/g-bench/programs/page/index.html" > "$work/mirror/g-bench/programs/page/index.html.gz"
ln -s g-bench "$work/mirror/current"
cp "$work/mirror/g-bench/programs/page/"* "$work/peer/programs/page/"
user=""; [ "$(id -u)" = 0 ] && user="user root;"
cat > "$work/nginx.conf" <<CONF
$user
worker_processes 1;
master_process off;
daemon off;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off; server_tokens off;
  sendfile on; tcp_nopush on; tcp_nodelay on; keepalive_timeout 65; keepalive_requests 100000;
  client_body_temp_path $work/tmp/body; proxy_temp_path $work/tmp/proxy; fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi; scgi_temp_path $work/tmp/scgi;
  proxy_cache_path $work/cache levels=1:2 keys_zone=gme:1m use_temp_path=off;
  upstream gme { server 127.0.0.1:9; }
  include $deploy/gme-http.conf;
  server { listen 127.0.0.1:$port; root $work/mirror/current; include $deploy/gme-locations.conf; }
  server {
    listen 127.0.0.1:$((port + 1));
    root $work/peer;
    index index.html;
    open_file_cache max=20000 inactive=60s;
    open_file_cache_valid 60s;
    gzip_static on;
    location / { try_files \$uri \$uri/ =404; }
  }
}
CONF
nginx -t -q -p "$work" -c "$work/nginx.conf" -e "$work/error.log"

# Instructions nginx ran for COUNT requests to URL (start-up and shutdown included).
instructions() {
  local url=$1 count=$2 encoding=$3 pid
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" nginx -p "$work" -c "$work/nginx.conf" -e "$work/error.log" \
    > /dev/null 2> "$work/valgrind.log" &
  pid=$!
  for _ in $(seq 300); do curl -s -o /dev/null "$url" && break; sleep 0.2; done
  # One connection, COUNT requests one after another.
  curl -s -H "Accept-Encoding: $encoding" $(for _ in $(seq "$count"); do printf '%s ' "$url"; done) > /dev/null
  kill -QUIT "$pid"; wait "$pid" 2>/dev/null || true
  awk '/Collected/ {print $4}' "$work/valgrind.log"
}
per_request() {
  local small large
  small=$(instructions "$1" "$n" "$2"); large=$(instructions "$1" $((6 * n)) "$2")
  echo $(( (large - small) / (5 * n) ))
}
echo "== page: $(wc -c < "$work/peer/programs/page/index.html") bytes plain, $(wc -c < "$work/peer/programs/page/index.html.gz") gzipped"
for encoding in identity gzip; do
  a=$(per_request "http://127.0.0.1:$port/programs/page" "$encoding")
  b=$(per_request "http://127.0.0.1:$((port + 1))/programs/page/" "$encoding")
  echo "== $encoding: deploy/nginx's mirror $a instructions per request, the same bytes as a file $b; B/A=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", b / a}')"
done
