#!/usr/bin/env sh
# Load test of the media bridge (README: "Load test"). Builds the test classpath, starts Parley
# (LoadServer: the real application with test stand-ins for scenarios and numbers, OpenAI pointed
# at the echo model), starts the echo model in its own JVM, runs the LoadGenerator's simulated
# callers against Parley, prints the figures, stops everything.
#   bootstrap/load-test.sh [calls] [seconds]     e.g. bootstrap/load-test.sh 200 20
# Environment (all optional):
#   LOAD_SERVER_PORT (25099), LOAD_ECHO_PORT (25098)
#   LOAD_ECHO=separate|inprocess  echo model in its own JVM (default; its CPU is reported apart)
#                                 or inside the generator's
#   LOAD_THREADS (1)              event loop threads of the callers (and of an in-process echo model)
#   LOAD_ECHO_THREADS (1)         event loop threads of a separate echo model
#   LOAD_TRANSPORT (auto)         generator and echo transport: auto (epoll where available), epoll, io_uring,
#                                 nio; the native one is fetched once into bootstrap/target/load-lib and put on
#                                 their class path only (the application's class path stays as its build makes it)
#   LOAD_SETUP_PARALLEL (8)       signed POST /incoming-call requests in flight during set-up
#   LOAD_WARMUP (3)               seconds of traffic before the measuring window (more while the callers' clocks lag)
#   SERVER_OPTS, GENERATOR_OPTS, ECHO_OPTS   JVM options of the three processes
set -eu
cd "$(dirname "$0")/.."
CALLS=${1:-200}
SECONDS_=${2:-20}
PORT_=${LOAD_SERVER_PORT:-25099}
ECHO_PORT=${LOAD_ECHO_PORT:-25098}
ECHO_MODE=${LOAD_ECHO:-separate}
THREADS=${LOAD_THREADS:-1}
TRANSPORT=${LOAD_TRANSPORT:-auto}
LEAN_JVM="-XX:+UseSerialGC -Xms64m -Xmx512m --enable-native-access=ALL-UNNAMED"
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
JAVA="$JAVA_HOME/bin/java"
./mvnw -B -q -pl bootstrap -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="bootstrap/target/test-classes:bootstrap/target/classes:$(cat bootstrap/target/test-classpath.txt)"
GEN_CP="$CP"
case "$TRANSPORT" in nio) NATIVE= ;; io_uring) NATIVE=io_uring ;; *) NATIVE=epoll ;; esac
if [ -n "$NATIVE" ] && [ "$(uname -s)" = Linux ]; then
  NETTY=$(grep -o 'netty-transport-4[^/:]*\.jar' bootstrap/target/test-classpath.txt | head -n 1 | sed 's/^netty-transport-//; s/\.jar$//')
  case "$(uname -m)" in x86_64) ARCH=linux-x86_64 ;; aarch64) ARCH=linux-aarch_64 ;; *) ARCH= ;; esac
  LIB=bootstrap/target/load-lib
  if [ -n "$NETTY" ] && [ -n "$ARCH" ]; then
    for a in "netty-transport-classes-$NATIVE:$NETTY" "netty-transport-native-$NATIVE:$NETTY:jar:$ARCH"; do
      jar="$LIB/$(echo "$a" | cut -d: -f1)-$NETTY$(echo "$a" | cut -s -d: -f4 | sed 's/^./-&/').jar"
      [ -f "$jar" ] || ./mvnw -B -q -N dependency:copy -Dartifact="io.netty:$a" -DoutputDirectory="$LIB" >/dev/null 2>&1 || true
      if [ -f "$jar" ]; then GEN_CP="$GEN_CP:$jar"; fi
    done
  fi
fi
LOG=bootstrap/target/load-server.log
ECHO_LOG=bootstrap/target/load-echo.log

PIDS=""
cleanup() { for p in $PIDS; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' INT TERM
# await LOG TEXT PID: until TEXT shows in LOG; fails if PID dies or after 60 s
await() {
  i=0
  until grep -q "$2" "$1" 2>/dev/null; do
    if ! kill -0 "$3" 2>/dev/null || [ $i -ge 120 ]; then echo "not ready: $2"; tail -n 30 "$1"; exit 1; fi
    i=$((i + 1)); sleep 0.5
  done
}

"$JAVA" ${SERVER_OPTS:-} -cp "$CP" dev.parley.bootstrap.load.LoadServer --port "$PORT_" \
  --openai "ws://127.0.0.1:$ECHO_PORT/v1/realtime" > "$LOG" 2>&1 &
SERVER=$!
PIDS="$SERVER"
ECHO_ARGS="--echo-port $ECHO_PORT"
if [ "$ECHO_MODE" = separate ]; then
  "$JAVA" ${ECHO_OPTS:-$LEAN_JVM} -cp "$GEN_CP" dev.parley.bootstrap.load.LoadGenerator --echo-only --echo-port "$ECHO_PORT" \
    --threads "${LOAD_ECHO_THREADS:-1}" --transport "$TRANSPORT" > "$ECHO_LOG" 2>&1 &
  ECHO=$!
  PIDS="$PIDS $ECHO"
  await "$ECHO_LOG" "EchoModel ready" "$ECHO"
  grep "EchoModel ready" "$ECHO_LOG"
  ECHO_ARGS="$ECHO_ARGS --echo-pid $ECHO"
fi
await "$LOG" "LoadServer ready" "$SERVER"
grep "LoadServer ready" "$LOG"
if [ -n "${SERVER_OPTS:-}" ]; then echo "server JVM options: $SERVER_OPTS"; fi
# shellcheck disable=SC2086 # ECHO_ARGS and the *_OPTS are word lists
"$JAVA" ${GENERATOR_OPTS:-$LEAN_JVM} -cp "$GEN_CP" dev.parley.bootstrap.load.LoadGenerator --server "http://127.0.0.1:$PORT_" \
  --calls "$CALLS" --seconds "$SECONDS_" --server-pid "$SERVER" $ECHO_ARGS \
  --threads "$THREADS" --transport "$TRANSPORT" --setup-parallel "${LOAD_SETUP_PARALLEL:-8}" --warm-up "${LOAD_WARMUP:-3}"
