#!/usr/bin/env bash
# `validate` against the server's own load of the same files, each in a fresh JVM, taken in turn:
# the real content folder, then a copy whose programs are cloned up to N files. Prints the median
# wall and CPU seconds (GNU time) of RUNS runs of each.
#
# usage: bench/validate.sh [N=10000] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}; runs=${2:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/gme-bench-validate.XXXXXX")
trap 'rm -rf "$work"' EXIT
[ -f target/gme-site.jar ] || mvn -q -B -DskipTests package
javac -cp target/gme-site.jar -d target/bench bench/ContentLoad.java

# N content files: the real folder, its programs cloned under new slugs and titles (links dropped).
python3 - content "$n" "$work/content" <<'PY'
import os, re, shutil, sys
src, n, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
shutil.copytree(src, dst)
pdir = os.path.join(dst, "programs")
real = sorted(f for f in os.listdir(pdir) if f.endswith(".md") and f != "_index.md")
have = sum(len([f for f in fs if f.endswith(".md")]) for _, _, fs in os.walk(dst) if "_archetypes" not in _)
for i in range(max(0, n - have)):
    f = real[i % len(real)]
    t = open(os.path.join(pdir, f), encoding="utf-8").read()
    t = re.sub(r'^title: "?(.*?)"?$', lambda m: 'title: "%s %d"' % (m.group(1), i), t, count=1, flags=re.M)
    t = re.sub(r'^related:.*\n', '', t, flags=re.M)
    open(os.path.join(pdir, "%s-%d.md" % (f[:-3], i)), "w", encoding="utf-8").write(t)
PY

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# One run: "wall cpu" in seconds.
once() { /usr/bin/time -f "%e %U %S" "$@" > /dev/null 2> "$work/time" || true; tail -1 "$work/time" | awk '{print $1, $2 + $3}'; }
for dir in content "$work/content"; do
  files=$(find "$dir" -name '*.md' -not -path '*/_archetypes/*' | wc -l)
  : > "$work/validate"; : > "$work/load"
  for _ in $(seq "$runs"); do
    once java -jar target/gme-site.jar validate "$dir" >> "$work/validate"
    once java -cp target/gme-site.jar:target/bench ContentLoad "$dir" >> "$work/load"
  done
  echo "$files Markdown files:"
  echo "  validate: wall $(cut -d' ' -f1 "$work/validate" | median) s, cpu $(cut -d' ' -f2 "$work/validate" | median) s"
  echo "  load:     wall $(cut -d' ' -f1 "$work/load" | median) s, cpu $(cut -d' ' -f2 "$work/load" | median) s"
done
