#!/usr/bin/env bash
# Saving content while the site is under load: wrk with 64 connections over a mix of pages (every
# sitemap URL plus searches and finder queries), first with no saves, then while a story is saved
# every second (each save is a new content version: new snapshot, search index and page-cache keys).
# Prints one line per phase and the ratio of the two; also reports whether every save went live.
#
# usage: bench/reload-under-load.sh [SECONDS=20] [CONNECTIONS=64]
#   env: PORT (7181), JAVA_OPTS, JAR (target/gme-site.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}; conns=${2:-64}
port=${PORT:-7181}
jar=${JAR:-target/gme-site.jar}
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-reload.XXXXXX")
[ -f "$jar" ] || mvn -q -B -DskipTests package
cleanup() {
  [ -n "${saver_pid:-}" ] && kill "$saver_pid" 2>/dev/null || true
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cp -r content "$work/content"
GME_PORT=$port GME_HOST=127.0.0.1 GME_CONTENT_DIR="$work/content" GME_DATABASE_URL="jdbc:sqlite:$work/gme.db" \
  java ${JAVA_OPTS:-} -jar "$jar" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 150); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"

# Every page of the sitemap, searches and finder queries, in a fixed order the connections share.
{
  curl -s "$base/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed -E 's#<loc>https?://[^/]+##; s#</loc>##'
  for q in heart peds surgery visa cardiology "internal%20medicine" research pharmacy wellness interview; do echo "/search?q=$q"; done
  for f in "type=residency" "type=fellowship&visa=H-1B" "interview=virtual" "type=residency&sort=deadline"; do echo "/programs?$f"; done
} > "$work/paths.txt"
lua_paths=$(sed 's/.*/  "&",/' "$work/paths.txt")
cat > "$work/mix.lua" <<EOF
paths = {
$lua_paths
}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
done = function(summary, latency, requests)
  io.write(string.format("rps=%.0f p50=%.1fms p99=%.1fms max=%.1fms non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
EOF
echo "== $(wc -l < "$work/paths.txt") paths, $conns connections, $secs s per phase"
# Warm up: every page rendered and cached once, the JIT on its way.
wrk -t1 -c8 -d5s --timeout 5s -s "$work/mix.lua" "$base" > /dev/null

quiet=$(wrk -t1 -c"$conns" -d"${secs}s" --timeout 5s -s "$work/mix.lua" "$base" | tail -1)
echo "no saves:            $quiet"

story=$(ls "$work"/content/news/[!_]*.md | head -1)
(
  i=0
  while true; do
    i=$((i + 1))
    printf '\nSaved while under load, edit %d.\n' "$i" >> "$story"
    sleep 1
  done
) &
saver_pid=$!
saving=$(wrk -t1 -c"$conns" -d"${secs}s" --timeout 5s -s "$work/mix.lua" "$base" | tail -1)
kill "$saver_pid"; wait "$saver_pid" 2>/dev/null || true; saver_pid=
echo "a save every second: $saving"

rps() { sed -nE 's/.*rps=([0-9]+).*/\1/p' <<< "$1"; }
echo "== throughput while saving / without: $(awk -v a="$(rps "$saving")" -v b="$(rps "$quiet")" 'BEGIN { printf "%.2f", a / b }')"
reloads=$(grep -c "content loaded" "$work/server.log" || true)
echo "== content reloads during the run: $reloads (one per save, plus the first load)"
sleep 1.5
last=$(tail -c 200 "$story" | grep -o 'edit [0-9]*' | tail -1)
slug=$(basename "$story" .md)
if curl -s "$base/news/$slug" | grep -q "$last"; then echo "== the last save ($last) is live"; else echo "== the last save ($last) is NOT live"; fi
