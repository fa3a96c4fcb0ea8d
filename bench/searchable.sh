#!/usr/bin/env bash
# How long after launch every program is searchable, against Hugo building the same files (the
# harness's hugo-peer.sh), in one run: a catalog of N programs made with the harness's
# clone-programs.py (the real programs and clones of them, each clone's title with a unique word);
# "searchable" = /search finds the last clone by its word. Median of RUNS launches of each kind:
# "built" launches start with no kept index (./data/search-index removed: the index is built from the
# files), "kept" launches find the index the server kept on disk for the same files and build (as a
# restart does), "changed" launches find a kept index of the files before one program's file changed
# (a restart after a pull); Hugo builds from scratch each time.
#
# usage: bench/searchable.sh [N=10000] [RUNS=3]   env: HARNESS, PORT (7184), HUGO_PORT (7185), JAVA_OPTS (default: the README's, @deploy/jvm.options -XX:SharedArchiveFile=target/gme-site.jsa; without the archive when JAR is another jar, which the archive would not match), JAR (target/gme-site.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}; runs=${2:-3}
harness=$(cd "${HARNESS:-../shared/harness}" && pwd)
port=${PORT:-7184}; hugo_port=${HUGO_PORT:-7185}
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-searchable.XXXXXX")
[ -f target/gme-site.jar ] || mvn -q -B -DskipTests package
trap 'HUGO_PEER_DIR="$work/hugo" "$harness/hugo-peer.sh" --stop "$hugo_port" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

word=$(python3 "$harness/clone-programs.py" content "$n" "$work/content" | sed -n 's/.*last_word=//p')
default_opts="@deploy/jvm.options"; [ -z "${JAR:-}" ] && default_opts="$default_opts -XX:SharedArchiveFile=target/gme-site.jsa"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

launch() {  # launch built|kept|changed
  local start end pid
  rm -f "$work/gme.db"
  if [ "$1" = built ]; then rm -rf data/search-index; fi   # the server's data folder is ./data (beside the preview key)
  # One program's file changed since the last run (as after a pull while the server was down): a new content version.
  if [ "$1" = changed ]; then echo "Edited at $(date +%s%N)." >> "$(ls "$work/content/programs"/*.md | head -1)"; fi
  start=$(date +%s%N)
  GME_PORT=$port GME_HOST=127.0.0.1 GME_CONTENT_DIR="$work/content" GME_DATABASE_URL="jdbc:sqlite:$work/gme.db" GME_WATCH=false \
    java ${JAVA_OPTS:-$default_opts} -jar "${JAR:-target/gme-site.jar}" > "$work/server.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/search?q=$word" 2>/dev/null | grep -qi "search-results__title"; do sleep 0.02; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true   # a stop finishes keeping the index on disk
  echo $(( (end - start) / 1000000 ))
}

hugo() {
  HUGO_PEER_DIR="$work/hugo" "$harness/hugo-peer.sh" "$work/content/programs" "$hugo_port" 2>/dev/null | sed -n 's/.*build_ms=\([0-9]*\).*/\1/p'
}

built=(); kept=(); changed=(); theirs=()
for _ in $(seq "$runs"); do
  built+=("$(launch built)"); theirs+=("$(hugo)")
  kept+=("$(launch kept)")
  changed+=("$(launch changed)")
done
a=$(printf '%s\n' "${built[@]}" | median); k=$(printf '%s\n' "${kept[@]}" | median); c=$(printf '%s\n' "${changed[@]}" | median)
b=$(printf '%s\n' "${theirs[@]}" | median)
echo "programs=$n hugo_build_ms=$b (runs: ${theirs[*]})"
echo "  index built:  searchable_after_launch_ms=$a (runs: ${built[*]}) ratio_ours/hugo=$(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", a/b}')"
echo "  index kept:   searchable_after_launch_ms=$k (runs: ${kept[*]}) ratio_ours/hugo=$(awk -v a="$k" -v b="$b" 'BEGIN{printf "%.2f", a/b}')"
echo "  one file changed since: searchable_after_launch_ms=$c (runs: ${changed[*]}) ratio_ours/hugo=$(awk -v a="$c" -v b="$b" 'BEGIN{printf "%.2f", a/b}')"
