#!/usr/bin/env bash
# The main job: dependencies, a release build, then `conformance run` over every stored vector
# with the cross-checks and (when a JDK is found) the live Java checks. Reports go to reports/.
# Extra arguments go to `conformance run` (e.g. --java required, --vectors ../shared/wycheproof/testvectors_v1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product conformance >&2
exec .build/release/conformance run "$@"
