#!/usr/bin/env bash
# Installs what the package needs, only when it is missing: libgmp-dev (pkg-config gmp),
# a JDK 17 (java, javac) and Debian's commons-codec jar for the Java oracle.
set -euo pipefail

missing=()
pkg-config --exists gmp 2>/dev/null || missing+=(libgmp-dev pkg-config)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
ls /usr/share/java/commons-codec*.jar >/dev/null 2>&1 || [ -n "${COMMONS_CODEC_JAR:-}" ] || missing+=(libcommons-codec-java)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "installing: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "error: missing ${missing[*]}; install them with apt-get (needs root)" >&2
  exit 2
fi
