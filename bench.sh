#!/usr/bin/env bash
# Switchboard benchmark: ./bench.sh [--rate N] [--duration 60s] [--seed 42] [--out folder] [--scenario standard|smoke|faults]
#                                   [--fault kill-routing|kill-ticket-core|kill-channel|broker-restart|db-restart|poison] [--agents 500]
#                                   [--warmup 3m] [--warmup-rate N]
# Builds what is missing, starts PostgreSQL, Kafka and the services on free ports (data and logs in
# bench/target/bench-home-*), runs the scenario, writes the report (--out) and stops everything.
# BENCH_BUILD=1 forces a rebuild. Exit code: 0 every target met, 1 a target missed, 2 the run failed.
set -euo pipefail
cd "$(dirname "$0")"

needs_build=false
for jar in channel-whatsapp routing ticket-core; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || needs_build=true
done
[ -d bench/target/lib ] && [ -d bench/target/classes/dev/switchboard/bench ] || needs_build=true
[ "${BENCH_BUILD:-0}" = "1" ] && needs_build=true

if $needs_build; then
  mkdir -p bench/target
  echo "Building (log in bench/target/build.log)..."
  if ! ./mvnw -B -q package -DskipTests -pl bench -am > bench/target/build.log 2>&1; then
    tail -n 40 bench/target/build.log
    echo "Build failed; see bench/target/build.log" >&2
    exit 2
  fi
fi

# The services and the load generator run on the JVM's defaults, as in production. SWITCHBOARD_SERVICE_JVM_OPTS
# and BENCH_JVM_OPTS add options (e.g. -XX:TieredStopAtLevel=1 for C1-only). Measured on this 2-core machine
# (README, "The JIT on two cores"): C1-only stored as much at full speed, and five minutes at 300/s after a
# warm-up at that rate had a routing p99 of 4.9 s C1-only against 0.9 s on the defaults.
exec java -Xmx512m ${BENCH_JVM_OPTS:-} \
  -Dswitchboard.repository="$PWD" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/target/classes:bench/target/lib/*" \
  dev.switchboard.bench.Bench "$@"
