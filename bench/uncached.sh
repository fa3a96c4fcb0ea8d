#!/usr/bin/env bash
# Answers no cache holds, at N programs, through wrk (one thread, CONNECTIONS keep-alive connections,
# Accept-Encoding: gzip as browsers send): every request a finder address or a three-word search never
# asked before (bench/uncached.lua), and /healthz through the same client as its floor. For each: req/s,
# p50, p99, and the server's CPU time per request (utime+stime of the java process from /proc, over
# the run, divided by the requests answered). Each JAR in turn over the same cloned catalog, so jars
# compared in one run give ratios (the last against the first).
#
# usage: bench/uncached.sh [N=10000] [SECONDS=8] [JAR[,FLAG,...]...=target/gme-site.jar]
#   (a jar may carry JVM flags of its own after commas, added to JAVA_OPTS: the same jar with and
#   without a flag in one run, e.g. target/gme-site.jar target/gme-site.jar,-XX:TieredStopAtLevel=1)
#   env: HARNESS (default ../shared/harness beside the checkout), PORT (random 20000-29999),
#        CONNECTIONS (16), JAVA_OPTS (default @deploy/jvm.options),
#        WARMUP=6 (seconds of finder and of search warm-up before the measured loads; C2, where a flag
#        turns it on, compiles for longer than that),
#        THREADS=1 (also print, for each measured load, the server's CPU per request by thread kind:
#        request threads, the collector's "VM Thread", the JIT's "C1 CompilerThre", ...),
#        GC=1 (log the collector and print, for each measured load, its pauses during that load:
#        young and full, how many and their total ms; with JAVA_OPTS="@deploy/jvm.options -Xmx126m",
#        the heap a 256 MiB container gives, as in docs/performance.md, "Memory")
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}; secs=${2:-8}; shift $(( $# > 2 ? 2 : $# )) || true
jars=("$@"); [ ${#jars[@]} -gt 0 ] || jars=(target/gme-site.jar)
harness=$(cd "${HARNESS:-../shared/harness}" && pwd)
. "$harness/lib/common.sh"
. "$harness/lib/wrk-run.sh"
port=${PORT:-$((20000 + RANDOM % 10000))}; conns=${CONNECTIONS:-16}
base=http://127.0.0.1:$port
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-uncached.XXXXXX")
export UNCACHED_LISTS=$work/lists.lua HARNESS_SUMMARY=$harness/lib/wrk-summary.lua LOAD_THREADS=1
tick=$(getconf CLK_TCK)

cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

last=$(python3 "$harness/clone-programs.py" content "$n" "$work/content" | sed -n 's/.*last_word=//p')
cpu() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "${1:-/proc/$pid/stat}"; }   # utime + stime, in ticks (of the process, or of the task whose stat is given)
# Per thread kind (the name without digits): "kind ticks" lines, over the threads alive now.
threads() { for t in /proc/"$pid"/task/*; do printf '%s %s\n' "$(tr -d '0-9' < "$t/comm" | tr ' ' '_')" "$(cpu "$t/stat")"; done 2>/dev/null | awk '{ s[$1] += $2 } END { for (k in s) print k, s[k] }'; }
load() {  # load NAME MODE FROM SECONDS URL -> one result line
  local before after line
  before=$(cpu); [ "${THREADS:-0}" = 1 ] && threads > "$work/threads.before"
  line=$(UNCACHED_MODE=$2 UNCACHED_FROM=$3 wrk_run "$5" "$4" "$conns" -H "Accept-Encoding: gzip" -s "$PWD/bench/uncached.lua")
  after=$(cpu)
  if [ "${THREADS:-0}" = 1 ] && [ "$1" != warm ]; then
    threads | awk -v r="$(field requests "$line")" -v k="$tick" -v name="$1" 'NR == FNR { b[$1] = $2; next }
      { d = ($2 - b[$1]) * 1000 / k / r; if (d >= 0.005) printf "%s %s=%.3f", (n++ ? "" : "threads " name ": ms/request"), $1, d } END { print "" }' "$work/threads.before" - >&2
  fi
  echo "$1 $line cpu_ms_per_req=$(awk -v t=$((after - before)) -v r="$(field requests "$line")" -v k="$tick" 'BEGIN { printf "%.3f", t * 1000 / k / r }')$(pauses)"
}
# The collector's pauses logged since the last call: " gc_young=N gc_young_ms=T gc_full=N gc_full_ms=T" (GC=1 only).
# (Each load runs in a subshell, so the lines already read are kept in a file.)
pauses() {
  [ "${GC:-0}" = 1 ] || return 0
  local lines logged; lines=$(wc -l < "$work/gc.log"); logged=$(cat "$work/gc.read" 2>/dev/null || echo 0)
  tail -n +$((logged + 1)) "$work/gc.log" | head -n $((lines - logged)) | awk '/Pause (Young|Full)/ {
      kind = ($0 ~ /Pause Young/) ? "young" : "full"; ms = $NF; sub(/ms$/, "", ms); n[kind]++; t[kind] += ms }
    END { printf " gc_young=%d gc_young_ms=%.0f gc_full=%d gc_full_ms=%.0f", n["young"], t["young"], n["full"], t["full"] }'
  echo "$lines" > "$work/gc.read"
}

# Ends the script, with the server's last lines, when the server has stopped before WHAT (out of memory, say).
alive() { kill -0 "$pid" 2>/dev/null || { echo "$entry: the server stopped before $1" >&2; tail -5 "$work/server.log" >&2; exit 1; }; }

results=()
for entry in "${jars[@]}"; do
  jar=${entry%%,*}; flags=""; [ "$jar" = "$entry" ] || flags=${entry#*,}; flags=${flags//,/ }
  rm -f "$work"/gme.db* "$work"/gc.log* "$work/gc.read"
  [ "${GC:-0}" = 1 ] && flags="$flags -Xlog:gc:file=$work/gc.log"
  GME_PORT=$port GME_HOST=127.0.0.1 GME_CONTENT_DIR="$work/content" GME_DATABASE_URL="jdbc:sqlite:$work/gme.db" GME_WATCH=false \
    java ${JAVA_OPTS:-@deploy/jvm.options} $flags -jar "$jar" > "$work/server.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "$base/readyz"; do alive "it was ready"; sleep 0.2; done
  # Every program searchable (the index is built in the background), then the finder's own lists.
  until curl -sf "$base/search?q=$last" | grep -qi "$last"; do alive "every program was searchable"; sleep 0.5; done
  curl -sf "$base/programs" | python3 -c '
import html, re, sys
page = sys.stdin.read()
def options(facet):
    select = re.search(r"<select id=\"f-%s\"[^>]*>(.*?)</select>" % facet, page, re.S).group(1)
    return [html.unescape(v) for v in re.findall(r"<option value=\"([^\"]+)\"", select)]
lua = lambda xs: "{" + ", ".join("%r" % x for x in xs) + "}"
print("specialties = " + lua(options("specialty")))
print("departments = " + lua(options("department")))
print("words = " + lua("""surgery pediatrics visa cardiology rural research neurology fellowship residency heart kids cancer
internal medicine family psychiatry radiology pharmacy interview virtual emergency anesthesiology dermatology orthopedic
pathology urology oncology transplant critical care sleep stroke vascular hospice simulation wellness housing salary
chicago diversity""".split()))
' > "$UNCACHED_LISTS"
  # Warm-up (JIT, Lucene), on combinations the measured runs never ask for.
  load warm finder back "${WARMUP:-6}" "$base" >/dev/null; load warm search back "${WARMUP:-6}" "$base" >/dev/null; load warm fixed front 2 "$base/healthz" >/dev/null
  results+=("$(load "$entry finder" finder front "$secs" "$base")")
  results+=("$(load "$entry search" search front "$secs" "$base")")
  results+=("$(load "$entry healthz" fixed front "$secs" "$base/healthz")")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
printf '%s\n' "${results[@]}"
ms() { awk -v u="$1" 'BEGIN { printf "%.1f", u / 1000 }'; }
echo
printf '%-44s %8s %8s %8s %10s %8s' "jar / answer" "req/s" "p50 ms" "p99 ms" "CPU ms/req" "non2xx"
[ "${GC:-0}" = 1 ] && printf ' %16s %16s' "young GCs (ms)" "full GCs (ms)"
echo
for r in "${results[@]}"; do
  printf '%-44s %8.0f %8s %8s %10s %8s' "$(cut -d' ' -f1-2 <<< "$r")" "$(field rps "$r")" "$(ms "$(field p50_us "$r")")" \
    "$(ms "$(field p99_us "$r")")" "$(field cpu_ms_per_req "$r")" "$(field non2xx "$r")"
  [ "${GC:-0}" = 1 ] && printf ' %16s %16s' "$(field gc_young "$r") ($(field gc_young_ms "$r"))" "$(field gc_full "$r") ($(field gc_full_ms "$r"))"
  echo
done
if [ ${#jars[@]} -gt 1 ]; then
  echo; k=${#results[@]}
  for a in 0 1 2; do
    f=${results[$a]}; l=${results[$((k - 3 + a))]}
    echo "$(cut -d' ' -f2 <<< "$l"): last/first req/s x$(awk -v a="$(field rps "$f")" -v b="$(field rps "$l")" 'BEGIN{printf "%.2f", b/a}')" \
      "p99 x$(awk -v a="$(field p99_us "$f")" -v b="$(field p99_us "$l")" 'BEGIN{printf "%.2f", b/a}')" \
      "CPU/req x$(awk -v a="$(field cpu_ms_per_req "$f")" -v b="$(field cpu_ms_per_req "$l")" 'BEGIN{printf "%.2f", b/a}')"
  done
fi
