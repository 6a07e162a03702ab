#!/usr/bin/env sh
# Lays out the file system Parley's container image adds on top of an empty ("scratch") base, so the image needs no
# registry but Maven Central (README: "Container image"): bootstrap/target/image-root gets
#   /opt/java              a Java runtime made with jlink from the JDK in JAVA_HOME (25+ also gives the AOT cache)
#   /lib*, /usr/lib*       the C libraries that runtime needs (found with ldd, copied from this machine)
#   /etc/passwd, /etc/group, /etc/nsswitch.conf   user parley (10001) and name lookup through files and DNS
#   /data, /tmp            writable places (the H2 default database lives in /data)
# Then `./mvnw -B -pl bootstrap -am package jib:buildTar -Pimage` builds bootstrap/target/parley-image.tar.
#   scripts/image-root.sh [output dir]
set -eu
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to the JDK whose runtime goes into the image}"
OUT=${1:-bootstrap/target/image-root}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
MODULES=${IMAGE_JAVA_MODULES:-java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.naming.dns,jdk.zipfs,jdk.jfr,jdk.net,jdk.charsets,jdk.localedata}
rm -rf "$OUT"
mkdir -p "$OUT/opt" "$OUT/etc" "$OUT/data" "$OUT/tmp"
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --output "$OUT/opt/java"
# the C libraries of the launcher, the JVM and every native library of the runtime, with the dynamic loader
for f in "$OUT/opt/java/bin/java" $(find "$OUT/opt/java/lib" -name '*.so'); do
  ldd "$f" 2>/dev/null | awk '/=>/ && $3 ~ /^\// {print $3} /^\t\/.*ld-linux/ {print $1}'
done | sort -u > "$OUT/.libs"
for extra in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do
  p=$(ldconfig -p 2>/dev/null | awk -v n="$extra" '$1 == n && /x86-64|x86_64|aarch64|AArch64/ {print $NF; exit}')
  [ -n "$p" ] && echo "$p" >> "$OUT/.libs"
done
sort -u "$OUT/.libs" | while read -r lib; do
  case "$lib" in "$OUT"/*) continue ;; esac   # the runtime's own libraries (found through its RPATH)
  [ -e "$lib" ] || continue
  mkdir -p "$OUT$(dirname "$lib")"
  cp -L "$lib" "$OUT$lib"
  real=$(readlink -f "$lib")
  if [ "$real" != "$lib" ]; then mkdir -p "$OUT$(dirname "$real")"; cp -L "$lib" "$OUT$real"; fi
done
rm -f "$OUT/.libs"
mkdir -p "$OUT/proc" "$OUT/dev"   # mount points (a container runtime mounts them; a chroot test needs /proc for $ORIGIN)
printf 'root:x:0:0:root:/root:/sbin/nologin\nparley:x:10001:10001:Parley:/data:/sbin/nologin\n' > "$OUT/etc/passwd"
printf 'root:x:0:\nparley:x:10001:\n' > "$OUT/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$OUT/etc/nsswitch.conf"
echo "image root in $OUT: $(du -sh "$OUT" | cut -f1) (Java runtime $(du -sh "$OUT/opt/java" | cut -f1))"
