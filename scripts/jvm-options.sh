#!/usr/bin/env sh
# The JVM options Parley runs with (./parley run, the start-up and REST benchmarks); README: "Start-up, footprint
# and images". Prints them on one line.
#   scripts/jvm-options.sh JAR [noaot]
# Sized for a small machine (2 cores): the serial collector (no concurrent GC threads, short young pauses on a heap
# this size), a heap capped at PARLEY_HEAP (192m: the live set after start-up is about 60 MB), 512 KiB thread
# stacks, a smaller code cache; on JDK 25+ compact object headers and, when JAR.aot exists (the JDK AOT cache,
# scripts/aot-cache.sh or ./parley run's first session), that cache, mapped without relocation.
# JAVA_HOME must point at the JDK that will run the jar.
JAR=${1:?usage: jvm-options.sh JAR [noaot]}
major=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1)
opts="-XX:+UseSerialGC -Xms32m -Xmx${PARLEY_HEAP:-192m} -Xss512k -XX:ReservedCodeCacheSize=64m --enable-native-access=ALL-UNNAMED"
if [ "${major:-0}" -ge 25 ] 2>/dev/null; then
  opts="$opts -XX:+UseCompactObjectHeaders"
  cache="${JAR%.jar}.aot"
  if [ "${2:-}" != noaot ] && [ -f "$cache" ]; then
    opts="$opts -XX:AOTCache=$cache -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
  fi
fi
echo "$opts"
