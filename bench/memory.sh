#!/usr/bin/env bash
# The server with the production flags (deploy/jvm.options) in a 256 MiB memory cgroup, as
# `docker run -m 256m` would put it, over N programs (the harness's clone-programs.py), under load
# (wrk on program pages, uncached finder filters and searches at once); reports whether the kernel
# killed it, the cgroup's peak memory and what the load got. Needs root and a cgroup memory
# controller (v1 under /sys/fs/cgroup/memory, or v2).
#
# usage: bench/memory.sh [N=10000] [SECONDS=60] [LIMIT_MB=256]   env: HARNESS, PORT (7187), JAVA_OPTS (@deploy/jvm.options)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}; secs=${2:-60}; limit=${3:-256}
harness=$(cd "${HARNESS:-../shared/harness}" && pwd)
port=${PORT:-7187}
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-memory.XXXXXX")
[ -f target/gme-site.jar ] || mvn -q -B -DskipTests package

if [ -d /sys/fs/cgroup/memory ]; then
  cg=/sys/fs/cgroup/memory/gme-bench-$$; mkdir "$cg"
  echo $((limit * 1024 * 1024)) > "$cg/memory.limit_in_bytes"
  peak() { cat "$cg/memory.max_usage_in_bytes"; }
  kills() { awk '/oom_kill /{print $2}' "$cg/memory.oom_control"; }
  anon() { awk '/^total_rss /{print $2}' "$cg/memory.stat"; }
else
  cg=/sys/fs/cgroup/gme-bench-$$; mkdir "$cg"
  echo $((limit * 1024 * 1024)) > "$cg/memory.max"; echo 0 > "$cg/memory.swap.max" 2>/dev/null || true
  peak() { cat "$cg/memory.peak" 2>/dev/null || cat "$cg/memory.current"; }
  kills() { awk '/oom_kill /{print $2}' "$cg/memory.events"; }
  anon() { awk '/^anon /{print $2}' "$cg/memory.stat"; }
fi
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rmdir "$cg" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

heap=$(sh -c "echo \$\$ > '$cg/cgroup.procs'; exec java ${JAVA_OPTS:-@deploy/jvm.options} -XX:+PrintFlagsFinal -version" 2>/dev/null | awk '/ MaxHeapSize /{print int($4/1048576)}')
echo "the JVM sees the limit: max heap ${heap} MiB in ${limit} MiB"
python3 "$harness/clone-programs.py" content "$n" "$work/content" > /dev/null
# The worst case: no search index kept by an earlier run over the same files, so it is built under the limit.
rm -rf data/search-index
# A shell that moves itself into the cgroup, then becomes the server.
sh -c "echo \$\$ > '$cg/cgroup.procs'; exec env GME_PORT=$port GME_HOST=127.0.0.1 GME_CONTENT_DIR='$work/content' \
  GME_DATABASE_URL='jdbc:sqlite:$work/gme.db' GME_WATCH=false java ${JAVA_OPTS:-@deploy/jvm.options} -jar target/gme-site.jar" > "$work/server.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "the server exited before it was ready:"; tail -5 "$work/server.log"; exit 1; }
  sleep 0.2
done
# Program pages to visit: the first 500 of the sitemap's.
curl -sf "http://127.0.0.1:$port/sitemap.xml" | grep -o '/programs/[a-z0-9-]*</loc>' | sed 's#</loc>##' | head -500 > "$work/programs.txt" || true
{ echo "programs = {"; sed 's/.*/"&",/' "$work/programs.txt"; echo "}"; } > "$work/programs.lua"

# Load: program pages (cached after the first visit), finder filters never seen before, searches.
cat "$work/programs.lua" > "$work/mix.lua"
cat >> "$work/mix.lua" <<'LUA'
local i = 0
local words = {"surgery", "pediatrics", "visa", "cardiology", "rural", "research", "neurology", "qzaaab", "qzabcd", "fellowship"}
request = function()
  i = i + 1
  local k = i % 3
  if k == 0 then return wrk.format("GET", programs[1 + i % #programs]) end
  if k == 1 then return wrk.format("GET", "/programs?type=residency&sort=length&page=" .. (1 + i % 100)) end
  return wrk.format("GET", "/search?q=" .. words[1 + i % #words] .. "+" .. (i % 500))
end
LUA
# The peak counts the files the kernel caches for the cgroup (the content, the jar), which it gives back
# before it kills anything; the process's own (anonymous) memory is sampled every second beside it.
( top=0; while kill -0 "$pid" 2>/dev/null; do a=$(anon); [ "${a:-0}" -gt "$top" ] && top=$a && echo "$top" > "$work/anon"; sleep 1; done ) &
sampler=$!
wrk -t2 -c16 -d"${secs}s" --latency -s "$work/mix.lua" "http://127.0.0.1:$port" > "$work/wrk.txt" 2>&1 || true
kill "$sampler" 2>/dev/null || true
alive=yes; kill -0 "$pid" 2>/dev/null || alive=no
echo "programs=$n limit=${limit}MiB seconds=$secs alive_after_load=$alive oom_kills=$(kills) peak=$(( $(peak) / 1048576 ))MiB peak_anonymous=$(( $(cat "$work/anon" 2>/dev/null || echo 0) / 1048576 ))MiB"
grep -E "Requests/sec|Non-2xx|Socket errors|99%" "$work/wrk.txt" || true
grep -E "OutOfMemory|ERROR" "$work/server.log" | head -3 || true
