#!/usr/bin/env bash
# Installs what the package needs, only when it is missing: libgmp-dev (pkg-config gmp),
# a JDK 17 (java, javac) and Debian's commons-codec jar for the Java oracle; for the reference
# port adapters (Adapters/, tested by `swift test`): Node.js, and a Python virtual environment in
# .build/venv with the pinned packages of Adapters/python/requirements.txt. The adapters are
# optional: when they cannot be installed, their tests skip with the reason.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
pkg-config --exists gmp 2>/dev/null || missing+=(libgmp-dev pkg-config)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
ls /usr/share/java/commons-codec*.jar >/dev/null 2>&1 || [ -n "${COMMONS_CODEC_JAR:-}" ] || missing+=(libcommons-codec-java)

optional=()
command -v node >/dev/null 2>&1 || optional+=(nodejs)
command -v python3 >/dev/null 2>&1 || optional+=(python3)
# Debian ships venv/ensurepip separately.
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || optional+=(python3-venv)

apt_install() {
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    return 1
  fi
}

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  if ! apt_install "${missing[@]}" "${optional[@]}"; then
    echo "error: missing ${missing[*]}; install them with apt-get (needs root)" >&2
    exit 2
  fi
  optional=()
fi
if [ ${#optional[@]} -gt 0 ]; then
  echo "installing (for the reference port adapters): ${optional[*]}" >&2
  apt_install "${optional[@]}" || echo "note: could not install ${optional[*]}; the adapter tests that need them will skip" >&2
fi

# The Python port's packages, pinned, in .build/venv (never in the system Python).
venv=.build/venv
pinned=$(grep -E '^[A-Za-z0-9_.-]+==' Adapters/python/requirements.txt | tr '\n' ' ')
if ! "$venv/bin/python" - "$pinned" >/dev/null 2>&1 <<'PY'
import sys
from importlib.metadata import version
for spec in sys.argv[1].split():
    name, wanted = spec.split("==")
    if version(name) != wanted:
        sys.exit(1)
PY
then
  if command -v python3 >/dev/null 2>&1 && python3 -m venv "$venv" >/dev/null 2>&1 \
     && "$venv/bin/pip" install -q --disable-pip-version-check -r Adapters/python/requirements.txt >&2; then
    echo "python adapter packages installed in $venv: $pinned" >&2
  else
    echo "note: could not set up $venv ($pinned); the Python adapter tests will skip" >&2
  fi
fi
