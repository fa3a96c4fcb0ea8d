#!/usr/bin/env bash
# Time from launching the server to its first answered page (the home page), median of N runs,
# with and without an application Class Data Sharing archive (JDK 17: made by one training run,
# `--warm-up-and-exit` with -XX:ArchiveClassesAtExit, then used with -XX:SharedArchiveFile):
# plain `java -jar`, the README's command (deploy/jvm.options and the archive `mvn package` trains under them, target/gme-site.jsa),
# the Docker image's command (its own archive, trained with deploy/jvm.options), and a variant.
#
# usage: bench/startup.sh [RUNS=5]     env: PORT (7173)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}; port=${PORT:-7173}
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-startup.XXXXXX")
[ -f target/gme-site.jar ] && [ -f target/gme-site.jsa ] || mvn -q -B -DskipTests package

# One launch: prints milliseconds from exec to the first 200 from /, then stops the server.
launch() {
  local start end pid
  start=$(date +%s%N)
  GME_PORT=$port GME_HOST=127.0.0.1 java "$@" -jar target/gme-site.jar > "$work/server.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.005; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "plain java -jar: $(for _ in $(seq "$runs"); do launch -Xshare:auto; done | median) ms (median of $runs)"
echo "README's command (deploy/jvm.options + target/gme-site.jsa from mvn package): $(for _ in $(seq "$runs"); do launch @deploy/jvm.options -XX:SharedArchiveFile=target/gme-site.jsa; done | median) ms"
echo "the archive without deploy/jvm.options (the README's command before 2026-12-01): $(for _ in $(seq "$runs"); do launch -XX:SharedArchiveFile=target/gme-site.jsa; done | median) ms"

# The same training run as the Dockerfile's.
GME_CONTENT_DIR=content java @deploy/jvm.options -XX:ArchiveClassesAtExit="$work/app.jsa" -jar target/gme-site.jar --warm-up-and-exit > "$work/train.log" 2>&1
echo "AppCDS + deploy/jvm.options (the Docker image's command): $(for _ in $(seq "$runs"); do launch @deploy/jvm.options -XX:SharedArchiveFile="$work/app.jsa"; done | median) ms"
echo "AppCDS + TieredStopAtLevel=1: $(for _ in $(seq "$runs"); do launch -XX:SharedArchiveFile="$work/app.jsa" -XX:TieredStopAtLevel=1; done | median) ms"
rm -rf "$work"
