#!/usr/bin/env bash
# How long a save takes to go live at scale: N programs (the harness's clone-programs.py), the
# server with the production flags and the heap a 256 MiB container gives it (-Xmx126m), content
# watched as in production. Each save rewrites one program's title with a new word; the time is from
# the file written to the first search that finds that word (the new snapshot is published with its
# search index). SAVES saves per jar, median; several jars are measured in one run, one after the
# other, for a ratio (JARS=a.jar,b.jar). A save is also timed under a search and page load if LOAD=1.
#
# usage: bench/save-live.sh [N=10000] [SAVES=5]
#   env: HARNESS, PORT (7188), JARS (target/gme-site.jar), JAVA_OPTS (@deploy/jvm.options -Xmx126m)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}; saves=${2:-5}
harness=$(cd "${HARNESS:-../shared/harness}" && pwd)
port=${PORT:-7188}
jars=${JARS:-target/gme-site.jar}
opts=${JAVA_OPTS:-@deploy/jvm.options -Xmx126m}
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-save.XXXXXX")
[ -f target/gme-site.jar ] || mvn -q -B -DskipTests package
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
python3 "$harness/clone-programs.py" content "$n" "$work/content" > /dev/null
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# The program saved: the last file of the folder (a clone), its title line given a new word each time.
target=$(ls "$work/content/programs"/*.md | tail -1)

for jar in ${jars//,/ }; do
  rm -rf data/search-index "$work/gme.db"
  GME_PORT=$port GME_HOST=127.0.0.1 GME_CONTENT_DIR="$work/content" GME_DATABASE_URL="jdbc:sqlite:$work/gme.db" \
    java $opts -jar "$jar" > "$work/server.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/search?q=surgery" 2>/dev/null | grep -q "search-results__title"; do
    kill -0 "$pid" 2>/dev/null || { echo "$jar: the server exited:"; tail -5 "$work/server.log"; exit 1; }
    sleep 0.2
  done
  times=()
  for i in $(seq "$saves"); do
    word="qzsave$(date +%s%N | tail -c 7 | tr 0-9 a-j)$i"
    sleep 2
    start=$(date +%s%N)
    sed -i -E "0,/^title: /s/^title: (qzsave[a-j0-9]+ )?/title: $word /" "$target"
    until curl -sf "http://127.0.0.1:$port/search?q=$word" 2>/dev/null | grep -q "search-results__title"; do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.02
    done
    kill -0 "$pid" 2>/dev/null || { times+=(exited); break; }
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  if [[ " ${times[*]} " == *" exited "* ]]; then
    echo "$jar programs=$n the server exited during save ${#times[@]}: $(grep -m1 -E 'OutOfMemory|Exception' "$work/server.log" || tail -1 "$work/server.log")"
    pid=; continue
  fi
  echo "$jar programs=$n save_to_searchable_ms=$(printf '%s\n' "${times[@]}" | median) (saves: ${times[*]})"
  grep -E "search index (built|updated)" "$work/server.log" | tail -2 | sed 's/^/  /'
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
