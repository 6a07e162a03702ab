#!/usr/bin/env sh
# Start-up and footprint benchmark (README: "Start-up, footprint and images").
# Starts the fat jar RUNS times on its embedded defaults (H2 file database in a scratch directory, development
# mode, no keys), polls /health every 10 ms and records the milliseconds from launching the JVM to the first
# 200, then the resident set size (VmRSS) after IDLE seconds of idling; prints every run and median/min/max.
#   scripts/bench-startup.sh [runs] [-- extra JVM options]
# Environment (all optional):
#   BENCH_JAR (bootstrap/target/parley-bootstrap-0.1.0-SNAPSHOT.jar), BENCH_PORT (5071), BENCH_IDLE (10 s),
#   BENCH_JAVA_OPTS  JVM options; unset: the options ./parley run uses (scripts/jvm-options.sh, AOT cache if built);
#                    set to "none" for a bare `java -jar`
#   BENCH_FRESH=1    a new database for every run (every start migrates); default: one warm-up start migrates,
#                    the measured ones start on the migrated database, as a returning user's ./parley run does
#   BENCH_CPUS       taskset CPU list for the server (e.g. 0-1), default: no pinning
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-10}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
JAR=${BENCH_JAR:-bootstrap/target/parley-bootstrap-0.1.0-SNAPSHOT.jar}
PORT_=${BENCH_PORT:-5071}
IDLE=${BENCH_IDLE:-10}
[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -B -q -DskipTests -pl bootstrap -am package)" >&2; exit 1; }
JAR_ABS=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
if [ -z "${BENCH_JAVA_OPTS+x}" ]; then
  OPTS=$(sh scripts/jvm-options.sh "$JAR_ABS")
elif [ "$BENCH_JAVA_OPTS" = none ]; then
  OPTS=""
else
  OPTS=$BENCH_JAVA_OPTS
fi
OPTS="$OPTS $*"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/parley-bench.XXXXXX")
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
PIN=""
[ -n "${BENCH_CPUS:-}" ] && PIN="taskset -c $BENCH_CPUS"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# one start: prints "ms rss_mb"
start_once() {
  [ "${BENCH_FRESH:-0}" = 1 ] && rm -rf "$WORK/data"
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT_/health"; then echo "port $PORT_ is taken: BENCH_PORT=..." >&2; exit 1; fi
  t0=$(now_ms)
  # shellcheck disable=SC2086 # OPTS is a word list
  (cd "$WORK" && PORT=$PORT_ exec $PIN "$JAVA_HOME/bin/java" $OPTS -jar "$JAR_ABS") > "$WORK/server.log" 2>&1 &
  PID=$!
  until curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT_/health" 2>/dev/null | grep -q 200; do
    if ! kill -0 "$PID" 2>/dev/null; then echo "server died:" >&2; tail -n 30 "$WORK/server.log" >&2; exit 1; fi
    if [ $(( $(now_ms) - t0 )) -gt 60000 ]; then echo "no /health 200 within 60 s" >&2; exit 1; fi
    sleep 0.01
  done
  t1=$(now_ms)
  sleep "$IDLE"
  rss=$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  echo "$((t1 - t0)) $rss"
}

echo "jar: $JAR ($(du -m "$JAR" | cut -f1) MB); JVM options: ${OPTS:-(none)}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
if [ "${BENCH_FRESH:-0}" != 1 ]; then
  BENCH_IDLE_SAVE=$IDLE; IDLE=0
  echo "warm-up start (migrates the scratch database): $(start_once | cut -d' ' -f1) ms"
  IDLE=$BENCH_IDLE_SAVE
fi
: > "$WORK/results"
i=1
while [ "$i" -le "$RUNS" ]; do
  r=$(start_once)
  echo "run $i: first /health 200 after $(echo "$r" | cut -d' ' -f1) ms, RSS after ${IDLE} s idle $(echo "$r" | cut -d' ' -f2) MB"
  echo "$r" >> "$WORK/results"
  i=$((i + 1))
done
stats() { sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "median %s, min %s, max %s", m, a[1], a[NR]}'; }
echo "start-up ms: $(cut -d' ' -f1 "$WORK/results" | stats)"
echo "RSS MB:      $(cut -d' ' -f2 "$WORK/results" | stats)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
