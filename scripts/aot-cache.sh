#!/usr/bin/env sh
# Builds the JDK AOT cache (JDK 25+, JEP 483/514) for a Parley jar: a training run starts the jar with the options
# of scripts/jvm-options.sh on a scratch H2 database, waits for /health, signs a user up and in and reads a few
# routes, stops it; the JVM then writes JAR.aot (classes loaded and linked, method profiles) next to the jar.
# Later starts with -XX:AOTCache=JAR.aot (scripts/jvm-options.sh adds it) skip most class loading and linking.
# The cache fits only this jar (same path, size and time stamp) and this JDK build; the JVM ignores a stale one.
#   scripts/aot-cache.sh [JAR]      (default bootstrap/target/parley-bootstrap-0.1.0-SNAPSHOT.jar); AOT_PORT (5079)
set -eu
cd "$(dirname "$0")/.."
JAR=${1:-bootstrap/target/parley-bootstrap-0.1.0-SNAPSHOT.jar}
PORT_=${AOT_PORT:-5079}
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25+}"
JAR_ABS=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
CACHE="${JAR_ABS%.jar}.aot"
rm -f "$CACHE"
OPTS=$(sh scripts/jvm-options.sh "$JAR_ABS" noaot)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/parley-aot.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
start=$(date +%s)
# shellcheck disable=SC2086 # OPTS is a word list
(cd "$WORK" && PORT=$PORT_ exec "$JAVA_HOME/bin/java" $OPTS -XX:AOTCacheOutput="$CACHE" -jar "$JAR_ABS") > "$WORK/train.log" 2>&1 &
PID=$!
i=0
until curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT_/health"; do
  if ! kill -0 "$PID" 2>/dev/null || [ $i -ge 1200 ]; then echo "training run did not start:" >&2; tail -n 30 "$WORK/train.log" >&2; exit 1; fi
  i=$((i + 1)); sleep 0.1
done
base="http://127.0.0.1:$PORT_"
body='{"email":"aot@example.com","password":"aot_password_1"}'
curl -s -o /dev/null -X POST "$base/auth/register" -H 'Content-Type: application/json' -d "$body"
token=$(curl -s -X POST "$base/auth/login" -H 'Content-Type: application/json' -d "$body" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
for path in /health /users/me /custom-scenarios /api/calls /api/usage /docs/ /softphone; do
  curl -s -o /dev/null -H "Authorization: Bearer $token" "$base$path"
done
kill "$PID"
wait "$PID" 2>/dev/null || true
[ -f "$CACHE" ] || { echo "no cache written:" >&2; tail -n 30 "$WORK/train.log" >&2; exit 1; }
echo "AOT cache $CACHE ($(du -m "$CACHE" | cut -f1) MB) in $(( $(date +%s) - start )) s"
