#!/usr/bin/env bash
# Registrations under load, and the event pages against /healthz, on SQLite over the real content.
#
# 1. Registrations: CONNECTIONS concurrent clients (wrk, bench/registrations.lua) each posting new
#    registrations for one upcoming event (EVENT, default the all-programs fair, 500 seats, so both seats
#    and the waitlist are taken) to the JSON API POST /api/v1/events/{slug}/registrations, each with a
#    new e-mail address and its own X-Forwarded-For address. The server runs as behind one trusted proxy
#    (GME_BEHIND_PROXY=true, the production setting for a proxy in front), so its per-address limit
#    counts each request as another applicant's: no switch weakens the limit. Reports p50/p99 and
#    requests/s (goal: p99 < 50 ms at 16 clients), then checks /readyz/events counted every one.
#    A jar without that API (before it is merged) measures the same work in process instead:
#    bench/RegistrationBench.java (the form checked, then registered; no HTTP).
# 2. /events (plain and gzipped) and the event's page against /healthz of the same server, each pair
#    in one run of the harness's pair.sh (A,B,A,B... rounds, medians, ratio; goal >= 0.9).
#
# usage: bench/registrations.sh [SECONDS=10] [CONNECTIONS=16] [ROUNDS=3]
#   env: HARNESS (default ../shared/harness beside the checkout), PORT (7491), JAR (target/gme-site.jar),
#        JAVA_OPTS, EVENT (all-programs-virtual-fair-october-2027), CONTENT (content), and the harness's LOAD_*
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}; conns=${2:-16}; rounds=${3:-3}
harness=$(cd "${HARNESS:-../shared/harness}" && pwd)
. "$harness/lib/common.sh"
. "$harness/lib/wrk-run.sh"
port=${PORT:-7491}; jar=${JAR:-target/gme-site.jar}; event=${EVENT:-all-programs-virtual-fair-october-2027}
content=${CONTENT:-content}
base=http://127.0.0.1:$port
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-registrations.XXXXXX")
api=/api/v1/events/$event/registrations
# /readyz/events gives its counts to the metrics token only.
token=bench-metrics-token-$RANDOM$RANDOM

[ -f "$jar" ] || mvn -q -B -DskipTests package
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

if curl -s -o /dev/null -m 2 "$base/healthz"; then echo "error: something answers on port $port already (set PORT)" >&2; exit 2; fi
echo "== $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
GME_PORT=$port GME_HOST=127.0.0.1 GME_CONTENT_DIR=$content GME_WATCH=false GME_DATABASE_URL="jdbc:sqlite:$work/gme.db" \
  GME_BEHIND_PROXY=true GME_TRUSTED_PROXIES=1 GME_METRICS_TOKEN="$token" java ${JAVA_OPTS:-} -jar "$jar" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 300); do curl -sf "$base/readyz" >/dev/null && break; sleep 0.1; done
kill -0 "$server_pid" 2>/dev/null || { echo "error: the server did not start:" >&2; tail -5 "$work/server.log" >&2; exit 1; }
# What a start does in the background (the search index, the change journal) is over before measuring.
for _ in $(seq 300); do curl -sf "$base/search?q=medicine" | grep -q 'Internal' && break; sleep 0.1; done
sleep 2
curl -sf -H "Authorization: Bearer $token" "$base/readyz/events" | grep -q "\"event\":\"$event\"" || { echo "error: no event '$event' in $content (set EVENT)" >&2; exit 2; }

counts() { curl -sf -H "Authorization: Bearer $token" "$base/readyz/events" | sed -E "s/.*\\{(\"event\":\"$event\"[^}]*)\\}.*/\\1/"; }
probe=$(curl -s -o "$work/probe" -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H 'X-Forwarded-For: 10.255.255.255' \
  --data '{"name":"Bench Probe","email":"bench-probe@example.org","applicantType":"img","programs":[]}' "$base$api" || true)
if [ "$probe" = 201 ] || [ "$probe" = 200 ]; then
  export REG_PATH=$api HARNESS_SUMMARY=$harness/lib/wrk-summary.lua
  echo "== registrations through POST $api, $conns clients"
  export REG_RUN=warm
  wrk_run "$base$api" 2 "$conns" -s "$PWD/bench/registrations.lua" >/dev/null
  before=$(counts)
  export REG_RUN=measured
  line=$(wrk_run "$base$api" "$secs" "$conns" -s "$PWD/bench/registrations.lua")
  ms() { awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'; }
  echo "rps=$(field rps "$line") p50=$(ms "$(field p50_us "$line")")ms p90=$(ms "$(field p90_us "$line")")ms" \
       "p99=$(ms "$(field p99_us "$line")")ms max=$(ms "$(field max_us "$line")")ms requests=$(field requests "$line")" \
       "non2xx=$(field non2xx "$line") socket_errors=$(( $(field connect "$line") + $(field read "$line") + $(field write "$line") + $(field timeout "$line") ))" \
       "secs=$secs conns=$conns"
  after=$(counts)
  taken() { sed -E 's/.*"confirmed":([0-9]+),"waitlisted":([0-9]+).*/\1 \2/' <<< "$1" | awk '{print $1 + $2}'; }
  echo "   registered during the run: $(( $(taken "$after") - $(taken "$before") )) (each request a new one)"
  echo "   /readyz/events after: $after"
else
  echo "== POST $api answers $probe: no registration API in this jar; the same work in process (bench/RegistrationBench.java)"
  GME_PORT=$((port + 1)) GME_HOST=127.0.0.1 GME_CONTENT_DIR=$content GME_WATCH=false GME_DATABASE_URL="jdbc:sqlite:$work/in-process.db" \
    java ${JAVA_OPTS:-} -cp "$jar" bench/RegistrationBench.java "$event" "${REQUESTS:-4000}" "$conns" 2>&1 | grep -E "^(requests|tally)"
fi

echo "== A: /events, B: /healthz"
"$harness/pair.sh" "$base/events" "$base/healthz" 5 "$conns" "$rounds" | tail -1
echo "== A: /events/$event, B: /healthz"
"$harness/pair.sh" "$base/events/$event" "$base/healthz" 5 "$conns" "$rounds" | tail -1
echo "== A: /events, gzip asked for (as browsers do), B: /healthz"
"$harness/pair.sh" "$base/events" "$base/healthz" 5 "$conns" "$rounds" -- -H 'Accept-Encoding: gzip' | tail -1
