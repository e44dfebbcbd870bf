#!/usr/bin/env bash
# Whole-process compile benchmark of the processor: javac on N generated @Async interfaces of M
# methods each, without the processor (-proc:none) and with it (the twins are generated AND
# compiled), repeated R times each, alternating; prints every run, the medians and the ratio.
# A third mode, "handwritten", compiles the sources plus the same twins as ordinary sources
# (-proc:none): what twins cost to compile however they were written, so that
# with - handwritten is the processor's own share. A fourth, "floor", compiles the sources plus
# the least any twin must be (GenerateApis ... floor: interfaces with the twin's signatures, no
# Javadoc, no implementation): what the least twin costs to compile. A fifth, "minimal", runs
# MinimalTwinProcessor instead of ours: a processor that writes those same bare interfaces
# through the Filer and does nothing else — what javac's annotation processing itself costs any
# processor that generates source twins, the floor of ours.
#
# Wall-clock and CPU (user+sys, javac's JIT and GC threads included) are both reported: on a
# shared machine CPU time is the steadier of the two.
#
# Usage (from the repository root): bench/processor/run.sh [types=500] [methods=10] [runs=7]
set -euo pipefail
export LC_ALL=C # `time` must print 1.5, not 1,5
types=${1:-500}
methods=${2:-10}
runs=${3:-7}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mvn -B -ntp -q compile -pl processor -am >/dev/null
version=$(sed -n 's:.*<javapoet.version>\(.*\)</javapoet.version>.*:\1:p' processor/pom.xml)
javapoet=${MAVEN_REPO:-$HOME/.m2/repository}/com/palantir/javapoet/javapoet/$version/javapoet-$version.jar
[ -f "$javapoet" ] || { echo "missing $javapoet: run a Maven build first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java bench/processor/GenerateApis.java "$work/src" "$types" "$methods"
find "$work/src" -name '*.java' > "$work/sources.txt"
java bench/processor/GenerateApis.java "$work/floor" "$types" "$methods" floor
{ cat "$work/sources.txt"; find "$work/floor" -name '*.java'; } > "$work/floor.txt"
mkdir -p "$work/minimal/META-INF/services"
javac --release 17 -d "$work/minimal" bench/processor/MinimalTwinProcessor.java
echo MinimalTwinProcessor > "$work/minimal/META-INF/services/javax.annotation.processing.Processor"

compile() { # $1 = without|with|handwritten|floor|minimal
  rm -rf "$work/out" && mkdir -p "$work/out"
  local args=(--release 17 -d "$work/out" -s "$work/out" -cp runtime/target/classes)
  local list="$work/sources.txt"
  case "$1" in
    with) args+=(-processorpath "processor/target/classes:$javapoet") ;;
    minimal) args+=(-processorpath "$work/minimal") ;;
    *) args+=(-proc:none) ;;
  esac
  [ "$1" = handwritten ] && list="$work/handwritten.txt"
  [ "$1" = floor ] && list="$work/floor.txt"
  local TIMEFORMAT='%R %U %S' timing
  # A javac that fails (a processor that throws, say) would time nothing worth comparing: stop.
  timing=$( { time javac "${args[@]}" @"$list" > "$work/javac.log" 2>&1 ; } 2>&1 ) \
    || { echo "javac failed in mode $1:" >&2; cat "$work/javac.log" >&2; exit 1; }
  echo "$timing" | tail -1 | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

compile with >/dev/null # warms the file cache, and yields the twins for "handwritten"
mkdir -p "$work/twins" && cp -r "$work/out/." "$work/twins/" && find "$work/twins" -name "*.class" -delete
generated=$(find "$work/twins" -name '*.java' | wc -l)
{ cat "$work/sources.txt"; find "$work/twins" -name '*.java'; } > "$work/handwritten.txt"
: > "$work/without.txt"
: > "$work/with.txt"
: > "$work/handwritten.txt.times"
: > "$work/floor.txt.times"
: > "$work/minimal.times"
# Each round starts one mode later than the last, so that no mode always follows the same one.
modes=(without with handwritten floor minimal)
for i in $(seq "$runs"); do
  for k in "${!modes[@]}"; do
    mode=${modes[$(( (i - 1 + k) % ${#modes[@]} ))]}
    case "$mode" in
      without) compile without >> "$work/without.txt" ;;
      with) compile with >> "$work/with.txt" ;;
      handwritten) compile handwritten >> "$work/handwritten.txt.times" ;;
      floor) compile floor >> "$work/floor.txt.times" ;;
      minimal) compile minimal >> "$work/minimal.times" ;;
    esac
  done
done
echo "types=$types methods=$methods runs=$runs generated_twin_files=$generated"
for column in 1 2; do
  name=$([ $column = 1 ] && echo "wall" || echo "cpu ")
  without=$(cut -d' ' -f$column "$work/without.txt" | median)
  with=$(cut -d' ' -f$column "$work/with.txt" | median)
  echo "$name ms without processor: $(cut -d' ' -f$column "$work/without.txt" | tr '\n' ' ')(median $without)"
  echo "$name ms with processor:    $(cut -d' ' -f$column "$work/with.txt" | tr '\n' ' ')(median $with)"
  handwritten=$(cut -d' ' -f$column "$work/handwritten.txt.times" | median)
  floor=$(cut -d' ' -f$column "$work/floor.txt.times" | median)
  minimal=$(cut -d' ' -f$column "$work/minimal.times" | median)
  echo "$name ms twins handwritten:  $(cut -d' ' -f$column "$work/handwritten.txt.times" | tr '\n' ' ')(median $handwritten)"
  echo "$name ms floor (signatures): $(cut -d' ' -f$column "$work/floor.txt.times" | tr '\n' ' ')(median $floor)"
  echo "$name ms minimal processor: $(cut -d' ' -f$column "$work/minimal.times" | tr '\n' ' ')(median $minimal)"
  awk -v a="$with" -v b="$without" -v h="$handwritten" -v f="$floor" -v m="$minimal" -v n="$name" 'BEGIN {
    printf "%s ratio with/without: %.2fx; with/handwritten: %.2fx; floor/without: %.2fx; minimal/without: %.2fx\n", n, a / b, a / h, f / b, m / b }'
done
