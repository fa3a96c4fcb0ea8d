#!/usr/bin/env bash
# The largest HTML pages at N programs (the harness's clone-programs.py): every address in the
# sitemap that is not a program page, the first 20 program pages, and the pages that list or choose
# among programs (finder, its filters and pages, type lists, compare, search, the forms). Prints the
# 15 largest (bytes of HTML, uncompressed) and exits 1 when one is over LIMIT_KB (200).
#
# usage: bench/page-sizes.sh [N=10000] [LIMIT_KB=200]   env: HARNESS, PORT (7189)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}; limit=${2:-200}
harness=$(cd "${HARNESS:-../shared/harness}" && pwd)
port=${PORT:-7189}
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-sizes.XXXXXX")
[ -f target/gme-site.jar ] || mvn -q -B -DskipTests package
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

python3 "$harness/clone-programs.py" content "$n" "$work/content" > /dev/null
GME_PORT=$port GME_HOST=127.0.0.1 GME_CONTENT_DIR="$work/content" GME_DATABASE_URL="jdbc:sqlite:$work/gme.db" GME_WATCH=false \
  java @deploy/jvm.options -Xmx1g -jar target/gme-site.jar > "$work/server.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "the server exited before it was ready:"; tail -5 "$work/server.log"; exit 1; }
  sleep 0.2
done
base="http://127.0.0.1:$port"
curl -sf "$base/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed -e 's#<loc>[a-z]*://[^/]*##' -e 's#</loc>##' > "$work/sitemap.txt"
{
  grep -v '^/programs/[^/]*$' "$work/sitemap.txt" || true
  grep '^/programs/[^/]*$' "$work/sitemap.txt" | awk 'NR <= 20'
  first=$(grep '^/programs/[^/]*$' "$work/sitemap.txt" | awk 'NR <= 5' | sed 's#/programs/##' | paste -sd, -)
  event=$(grep '^/events/[^/]*$' "$work/sitemap.txt" | awk 'NR == 1')
  printf '%s\n' /programs "/programs?page=2" "/programs?type=residency" "/programs?type=fellowship" "/programs?type=allied-health" \
    "/programs?visa=H-1B" "/programs?window=ahead&sort=deadline" /programs/residency /programs/fellowship /programs/allied-health \
    "/programs/compare?p=$first" "/search?q=medicine" "/search?q=residency&kind=program" "/search?q=program&page=3" \
    /inquiries/new /events /news /wellness /api /admin/sign-in
  [ -n "$event" ] && echo "$event/register"
} | sort -u > "$work/paths.txt"
while read -r path; do
  size=$(curl -s -o /dev/null -w '%{size_download} %{http_code}' "$base$path")
  echo "$size $path"
done < "$work/paths.txt" | sort -rn > "$work/sizes.txt"
echo "pages checked: $(wc -l < "$work/paths.txt") at $n programs; the largest (bytes, status, path):"
head -15 "$work/sizes.txt"
over=$(awk -v l=$((limit * 1024)) '$1 > l' "$work/sizes.txt" | wc -l)
echo "over ${limit} KB: $over"
[ "$over" -eq 0 ]
