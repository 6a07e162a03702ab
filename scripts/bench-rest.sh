#!/usr/bin/env sh
# REST read benchmark (README: "Start-up, footprint and images"): starts the fat jar (server pinned to CPU
# BENCH_SERVER_CPUS, default 0), runs RestBench (open loop, constant rate, exact percentiles; pinned to
# BENCH_CLIENT_CPUS, default 1) against GET /users/me, /custom-scenarios and /api/calls, prints the table.
#   scripts/bench-rest.sh [rate] [seconds]       e.g. scripts/bench-rest.sh 500 20
# Environment (all optional):
#   BENCH_DATABASE_URL   DATABASE_URL of the server (default: an H2 file database in a scratch directory),
#                        e.g. jdbc:postgresql://127.0.0.1:5432/parley_c?user=postgres
#   BENCH_PORT (5072), BENCH_WARMUP (5 s per path), BENCH_CONNECTIONS (16), BENCH_PATHS (comma-separated)
#   BENCH_JAVA_OPTS      server JVM options; unset: those of ./parley run (scripts/jvm-options.sh)
#   BENCH_JAR            the jar (bootstrap/target/parley-bootstrap-0.1.0-SNAPSHOT.jar)
#   BENCH_NICE           e.g. -10: run server and client at that nice level (needs root), so that other work on a
#                        shared machine preempts them less; the figures then show the server more than its neighbours
set -eu
cd "$(dirname "$0")/.."
RATE=${1:-500}
SECS=${2:-20}
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
JAR=${BENCH_JAR:-bootstrap/target/parley-bootstrap-0.1.0-SNAPSHOT.jar}
PORT_=${BENCH_PORT:-5072}
[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -B -q -DskipTests -pl bootstrap -am package)" >&2; exit 1; }
JAR_ABS=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
if [ -z "${BENCH_JAVA_OPTS+x}" ]; then OPTS=$(sh scripts/jvm-options.sh "$JAR_ABS" noaot); else OPTS=$BENCH_JAVA_OPTS; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/parley-rest-bench.XXXXXX")
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
PIN_S=""; PIN_C=""
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
  PIN_S="taskset -c ${BENCH_SERVER_CPUS:-0}"; PIN_C="taskset -c ${BENCH_CLIENT_CPUS:-1}"
fi
if [ -n "${BENCH_NICE:-}" ]; then PIN_S="nice -n $BENCH_NICE $PIN_S"; PIN_C="nice -n $BENCH_NICE $PIN_C"; fi
# shellcheck disable=SC2086 # OPTS is a word list
(cd "$WORK" && if [ -n "${BENCH_DATABASE_URL:-}" ]; then export DATABASE_URL="$BENCH_DATABASE_URL"; fi && \
   PORT=$PORT_ RATE_LIMITS_ENABLED=false LOG_LEVEL=${BENCH_LOG_LEVEL:-INFO} \
   SECRET_KEY=8c1f0b1e6f9a4f7d9e2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081 \
   exec $PIN_S "$JAVA_HOME/bin/java" $OPTS -jar "$JAR_ABS") > "$WORK/server.log" 2>&1 &
PID=$!
i=0
until curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT_/health" 2>/dev/null | grep -q 200; do
  if ! kill -0 "$PID" 2>/dev/null || [ $i -ge 600 ]; then echo "server did not start:" >&2; tail -n 30 "$WORK/server.log" >&2; exit 1; fi
  i=$((i + 1)); sleep 0.1
done
echo "server pid $PID (${PIN_S:-unpinned}), JVM options: ${OPTS:-(none)}, database: ${BENCH_DATABASE_URL:-H2 file}"
# shellcheck disable=SC2086
$PIN_C "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m bootstrap/src/test/java/dev/parley/bootstrap/load/RestBench.java \
  --server "http://127.0.0.1:$PORT_" --rate "$RATE" --seconds "$SECS" --warm-up "${BENCH_WARMUP:-5}" \
  --connections "${BENCH_CONNECTIONS:-16}" --server-pid "$PID" ${BENCH_PATHS:+--paths $BENCH_PATHS}
echo "server RSS $(awk '/^VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$PID/status"), CPU time $(ps -o time= -p "$PID")"
