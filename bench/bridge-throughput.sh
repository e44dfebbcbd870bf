#!/usr/bin/env bash
# Bridge caller throughput, every peer side by side in one sitting: 64 and 8 callers, platform
# threads on JDK 17 and 25, virtual threads on JDK 25 (Temurin 25 at the path below). Each line
# is one BridgeThroughputMain run (a 3 s warm-up, then 3 s measured). With a second jar (an
# older build of the bench module), its LoopBridge rows are run alternately with this build's.
#
# Usage (from the repository root, after `mvn -q package -pl runtime,bench -am -DskipTests`):
#   bench/bridge-throughput.sh [repetitions=3] [older-benchmarks.jar]
set -euo pipefail
reps=${1:-3}
older=${2:-}
jar=bench/target/benchmarks.jar
j25=${J25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -f "$jar" ] || { echo "missing $jar: build the bench module first" >&2; exit 1; }
[ -x "$j25" ] || { echo "missing JDK 25 at $j25 (set J25)" >&2; exit 1; }
run() { # $1 = jar, $2 = java, $3 = peer, $4 = callers, $5 = platform|virtual
  "$2" -cp "$1" dev.syncopate.bench.BridgeThroughputMain "$3" "$4" "$5" 3 2>&1 | tail -1
}
for rep in $(seq "$reps"); do
  for setting in "64 platform java" "64 virtual $j25" "8 platform java" "8 virtual $j25" \
      "64 platform $j25"; do
    read -r callers kind java <<< "$setting"
    jdk=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    for peer in syncopate-call syncopate-invoke park-unpark netty vertx cf-single-thread; do
      # A single-thread executor's join on a virtual thread measures the executor, not a peer.
      [ "$kind" = virtual ] && [ "$peer" = cf-single-thread ] && continue
      echo "rep=$rep jdk=$jdk this $(run "$jar" "$java" "$peer" "$callers" "$kind")"
      if [ -n "$older" ] && [[ $peer == syncopate-* ]]; then
        echo "rep=$rep jdk=$jdk older $(run "$older" "$java" "$peer" "$callers" "$kind")"
      fi
    done
  done
done
