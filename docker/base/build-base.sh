#!/usr/bin/env bash
# Builds the base image of Drove's service images without any registry: a Java 17 runtime cut from this machine's
# JDK with jlink, the shared libraries it links against, a static busybox for the entrypoint's shell, and nothing else
# (FROM scratch).
#
#   bash docker/base/build-base.sh [TAG]        default tag: drove-jre:17
#
# Needs: docker, a JDK 17 with jmods (JAVA_HOME, or the one `javac` belongs to; on Debian: openjdk-17-jdk-headless)
# and a statically linked busybox (BUSYBOX, default /bin/busybox; on Debian: busybox-static). Prints the image tag.
# Images built FROM another base (e.g. eclipse-temurin:17-jre from a registry) work as well: the service images only
# need /bin/sh and `java` on the PATH.
set -euo pipefail

TAG="${1:-drove-jre:17}"
BUSYBOX="${BUSYBOX:-/bin/busybox}"
# Everything of Java SE plus the JDK modules Dropwizard, Jetty, Jersey, ZooKeeper and docker-java reach for (jdeps
# on the two service jars), and the diagnostics an operator wants in a container (jcmd, JMX, JFR).
MODULES="java.se,jdk.unsupported,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.jfr,jdk.crypto.ec,\
jdk.net,jdk.zipfs,jdk.naming.dns,jdk.charsets,jdk.attach,jdk.jdi,jdk.jcmd"

say() { echo "build-base: $*"; }

if [[ -z "${JAVA_HOME:-}" ]]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
[[ -x "$JAVA_HOME/bin/jlink" && -d "$JAVA_HOME/jmods" ]] \
    || { say "No jlink and jmods in JAVA_HOME=$JAVA_HOME (install a full JDK 17)." >&2; exit 1; }
"$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "17' \
    || { say "JAVA_HOME=$JAVA_HOME is not a Java 17 JDK." >&2; exit 1; }
if ! [[ -x "$BUSYBOX" ]] || ldd "$BUSYBOX" >/dev/null 2>&1; then
    say "$BUSYBOX is missing or not statically linked (install busybox-static)." >&2
    exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/drove-base.XXXXXX")"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
runtime="$rootfs/opt/java"
mkdir -p "$rootfs/opt" "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp"

say "Cutting a Java runtime from $JAVA_HOME."
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --output "$runtime" \
    --strip-debug --no-header-files --no-man-pages --compress=2
# Debian's JDK keeps some security files as links into /etc; the image gets real files.
for link in $(find "$runtime" -type l); do
    target="$(readlink -f "$link" || true)"
    rm -f "$link"
    if [[ -n "$target" && -f "$target" ]]; then
        cp "$target" "$link"
    fi
done
if [[ ! -f "$runtime/lib/security/cacerts" && -f /etc/ssl/certs/java/cacerts ]]; then
    cp /etc/ssl/certs/java/cacerts "$runtime/lib/security/cacerts"
fi

say "Copying the shared libraries the runtime needs."
# Every library the loader resolves for the launcher and the runtime's own libraries (X11 libraries of the desktop
# module are not installed on a server and not needed headless: ldd reports them as 'not found', they are skipped).
libraries="$(find "$runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 ldd 2>/dev/null | awk '/=> \// { print $3 } /^\s*\/.*ld-linux/ { print $1 }' | sort -u)"
for library in $libraries; do
    mkdir -p "$rootfs$(dirname "$library")"
    cp -L "$library" "$rootfs$library"
done
interpreter="$(readlink -f /lib64/ld-linux-x86-64.so.2)"
mkdir -p "$rootfs/lib64" "$rootfs$(dirname "$interpreter")"
cp -L "$interpreter" "$rootfs$interpreter"
cp -L "$interpreter" "$rootfs/lib64/ld-linux-x86-64.so.2"

say "Adding busybox as the shell and basic tools."
cp "$BUSYBOX" "$rootfs/bin/busybox"
for applet in $("$BUSYBOX" --list); do
    [[ "$applet" == busybox ]] || ln -sf busybox "$rootfs/bin/$applet"
done
chmod 1777 "$rootfs/tmp"
cat > "$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
drove:x:999:999:Drove:/var/lib/drove:/bin/false
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
cat > "$rootfs/etc/group" <<'EOF'
root:x:0:
drove:x:999:
nogroup:x:65534:
EOF
echo "hosts: files dns" > "$rootfs/etc/nsswitch.conf"

cat > "$work/Dockerfile" <<'EOF'
FROM scratch
COPY rootfs/ /
ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/bin \
    LANG=C.UTF-8
CMD ["java", "-version"]
EOF

say "Building $TAG."
docker build --tag "$TAG" "$work" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
docker run --rm "$TAG" java -version 2>&1 | sed 's/^/build-base:   /'
echo "$TAG"
