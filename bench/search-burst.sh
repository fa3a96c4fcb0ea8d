#!/usr/bin/env bash
# Does a burst of searches slow the cached pages? In one run, rounds of: the cached program page alone,
# then the same page while BURST connections search (bench/search-burst.lua); medians of each and the
# ratio "during the burst / alone" for requests/s and p99. The page's wrk uses the harness's settings
# (lib/wrk-run.sh: one thread, 16 connections); the burst is a second wrk of one thread that starts a
# second before the page's run and ends a second after it.
#
# usage: bench/search-burst.sh [SECONDS=5] [BURST=64] [ROUNDS=3] [MODE=uncached|varied|single]
#   env: HARNESS (default ../shared/harness beside the checkout), PORT (7371), JAR (target/gme-site.jar),
#        JAVA_OPTS, CONNECTIONS (16, the page's), and the harness's LOAD_* variables
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-5}; burst=${2:-64}; rounds=${3:-3}; mode=${4:-uncached}
harness=$(cd "${HARNESS:-../shared/harness}" && pwd)
. "$harness/lib/common.sh"
. "$harness/lib/wrk-run.sh"
port=${PORT:-7371}; conns=${CONNECTIONS:-16}; jar=${JAR:-target/gme-site.jar}
base=http://127.0.0.1:$port
page=$base/programs/internal-medicine
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-search.XXXXXX")
export SEARCH_MODE=$mode SEARCH_QUERIES=$PWD/bench/search-queries.txt HARNESS_SUMMARY=$harness/lib/wrk-summary.lua

[ -f "$jar" ] || mvn -q -B -DskipTests package
cleanup() {
  [ -n "${burst_pid:-}" ] && kill "$burst_pid" 2>/dev/null || true
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

GME_PORT=$port GME_HOST=127.0.0.1 GME_DATABASE_URL="jdbc:sqlite:$work/gme.db" \
  java ${JAVA_OPTS:-} -jar "$jar" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "$base/readyz" >/dev/null && break; sleep 0.1; done
# The index is built in the background after start: wait until searches find something.
for _ in $(seq 300); do curl -sf "$base/search?q=heart" | grep -q 'Internal' && break; sleep 0.1; done
preflight "$page"

ms() { awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
errors() { echo $(( $(field non2xx "$1") + $(field connect "$1") + $(field read "$1") + $(field write "$1") + $(field timeout "$1") )); }
search_burst() { wrk_run "$base/search" "$1" "$burst" -s "$PWD/bench/search-burst.lua"; }

# Warm-up: the page, then the searches (JIT, index, caches).
wrk_run "$page" 2 "$conns" >/dev/null
search_burst 3 >/dev/null

ra=(); rd=(); pa=(); pd=(); sr=(); sp=(); bad=0; rejected=0
for i in $(seq 1 "$rounds"); do
  line=$(wrk_run "$page" "$secs" "$conns")
  ra+=("$(field rps "$line")"); pa+=("$(field p99_us "$line")"); bad=$((bad + $(errors "$line")))
  echo "round=$i alone  page rps=$(field rps "$line") p99=$(ms "$(field p99_us "$line")")ms errors=$(errors "$line")"

  search_burst $((secs + 2)) > "$work/burst" & burst_pid=$!
  sleep 1
  line=$(wrk_run "$page" "$secs" "$conns")
  wait "$burst_pid"; burst_pid=
  s=$(cat "$work/burst")
  rd+=("$(field rps "$line")"); pd+=("$(field p99_us "$line")"); bad=$((bad + $(errors "$line")))
  sr+=("$(field rps "$s")"); sp+=("$(field p99_us "$s")"); rejected=$((rejected + $(field non2xx "$s")))
  echo "round=$i during page rps=$(field rps "$line") p99=$(ms "$(field p99_us "$line")")ms errors=$(errors "$line")" \
       "| search rps=$(field rps "$s") p99=$(ms "$(field p99_us "$s")")ms non2xx=$(field non2xx "$s") socket_errors=$(( $(errors "$s") - $(field non2xx "$s") ))"
done
a=$(median "${ra[@]}"); d=$(median "${rd[@]}"); a99=$(median "${pa[@]}"); d99=$(median "${pd[@]}")
echo "mode=$mode alone_rps=$a during_rps=$d ratio_during/alone=$(awk -v a="$a" -v d="$d" 'BEGIN{printf "%.2f", (a>0)?d/a:0}')" \
     "alone_p99=$(ms "$a99")ms during_p99=$(ms "$d99")ms p99_ratio=$(awk -v a="$a99" -v d="$d99" 'BEGIN{printf "%.1f", (a>0)?d/a:0}')" \
     "search_rps=$(median "${sr[@]}") search_p99=$(ms "$(median "${sp[@]}")")ms search_non2xx=$rejected page_errors=$bad" \
     "rounds=$rounds secs=$secs conns=$conns burst=$burst"
