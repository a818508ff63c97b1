#!/bin/bash
# A base image for the `image` profile where no container registry is reachable (an air-gapped registry network):
# Debian bookworm (minbase, from a Debian mirror) and a Java runtime linked from a local JDK 25 at
# /opt/java/openjdk, as eclipse-temurin:25-jre lays it out, written as a `docker save` tarball for Jib:
#
#   sudo env JDK=/path/to/jdk-25 deploy/image/base-image-from-debian.sh /tmp/base.tar
#   ./mvnw -Pimage -DskipTests package jib:buildTar -Djib.from.image=tar:///tmp/base.tar -Djib.from.platforms=linux/amd64
#
# Needs root (debootstrap), debootstrap and a JDK 25 (JDK=...); MIRROR and SUITE choose the Debian source.
set -euo pipefail
OUT=$(realpath -m "${1:?usage: $0 OUTPUT.tar}")
JDK=${JDK:-${JAVA_HOME:?set JDK or JAVA_HOME to a JDK 25}}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SUITE=${SUITE:-bookworm}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date +%s)}
command -v debootstrap >/dev/null || { echo "debootstrap is not installed (apt-get install debootstrap)" >&2; exit 1; }

# layer 1: the operating system, without package lists or logs
debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$WORK/rootfs" "$MIRROR"
chroot "$WORK/rootfs" apt-get clean
rm -rf "$WORK"/rootfs/var/lib/apt/lists/* "$WORK"/rootfs/var/cache/apt/*.bin "$WORK"/rootfs/var/log/*.log

# layer 2: the Java runtime. Every module but the linker's own (a JDK without jmods/ links from its run-time
# image, which may not include jdk.jlink, and jdk.jpackage needs it)
MODULES=$("$JDK/bin/java" --list-modules | sed 's/@.*//' | grep -vxE 'jdk.jlink|jdk.jpackage' | paste -sd, -)
mkdir -p "$WORK/jre/opt/java"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --generate-cds-archive --output "$WORK/jre/opt/java/openjdk"
VERSION=$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')

# the `docker save` layout: one directory per layer named by its digest, the configuration, manifest.json
mkdir -p "$WORK/image"
layer() {
  (cd "$1" && tar --numeric-owner --sort=name --mtime=@"$SOURCE_DATE_EPOCH" --exclude='./dev/*' \
    --exclude='./proc/*' --exclude='./sys/*' --exclude='./run/*' --exclude='./tmp/*' -cf "$WORK/layer.tar" .)
  local digest
  digest=$(sha256sum "$WORK/layer.tar" | cut -d' ' -f1)
  mkdir -p "$WORK/image/$digest" && mv "$WORK/layer.tar" "$WORK/image/$digest/layer.tar" && echo "$digest"
}
OS=$(layer "$WORK/rootfs")
JAVA=$(layer "$WORK/jre")
CREATED=$(date -u -d @"$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
cat > "$WORK/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$CREATED",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8","JAVA_VERSION=jdk-$VERSION"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$OS","sha256:$JAVA"]},
 "history":[{"created":"$CREATED","created_by":"debootstrap --variant=minbase --include=ca-certificates $SUITE"},
            {"created":"$CREATED","created_by":"jlink: the JDK's modules at /opt/java/openjdk"}]}
JSON
CONFIG=$(sha256sum "$WORK/config.json" | cut -d' ' -f1)
mv "$WORK/config.json" "$WORK/image/$CONFIG.json"
echo "[{\"Config\":\"$CONFIG.json\",\"RepoTags\":[\"armstrace-base:$SUITE-jre-$VERSION\"],\"Layers\":[\"$OS/layer.tar\",\"$JAVA/layer.tar\"]}]" \
  > "$WORK/image/manifest.json"
(cd "$WORK/image" && tar --numeric-owner -cf "$OUT" manifest.json "$CONFIG.json" "$OS" "$JAVA")
echo "wrote $OUT"
