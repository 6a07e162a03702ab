#!/usr/bin/env sh
# Load test of the media bridge (README: "Load test"). Builds the test classpath, starts Parley
# (LoadServer: the real application with test stand-ins for scenarios and numbers, OpenAI pointed
# at the generator's echo model), runs the LoadGenerator against it, prints the figures, stops it.
#   bootstrap/load-test.sh [calls] [seconds]     e.g. bootstrap/load-test.sh 200 20
set -eu
cd "$(dirname "$0")/.."
CALLS=${1:-200}
SECONDS_=${2:-20}
PORT_=${LOAD_SERVER_PORT:-25099}
ECHO_PORT=${LOAD_ECHO_PORT:-25098}
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
./mvnw -B -q -pl bootstrap -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="bootstrap/target/test-classes:bootstrap/target/classes:$(cat bootstrap/target/test-classpath.txt)"
"$JAVA_HOME/bin/java" ${SERVER_OPTS:-} -cp "$CP" dev.parley.bootstrap.load.LoadServer --port "$PORT_" \
  --openai "ws://127.0.0.1:$ECHO_PORT/v1/realtime" > bootstrap/target/load-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 60); do grep -q "LoadServer ready" bootstrap/target/load-server.log 2>/dev/null && break; sleep 1; done
"$JAVA_HOME/bin/java" ${GENERATOR_OPTS:-} -cp "$CP" dev.parley.bootstrap.load.LoadGenerator --server "http://127.0.0.1:$PORT_" \
  --calls "$CALLS" --seconds "$SECONDS_" --echo-port "$ECHO_PORT" --server-pid "$SERVER"
