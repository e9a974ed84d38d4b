#!/usr/bin/env bash
# Runs a full `conformance run --java off` under valgrind's memcheck and fails on any definite leak
# (or memory error). Usage: bash scripts/valgrind.sh [debug|release]   (default: debug)
# The Swift runtime keeps some allocations alive until exit ("possibly lost"/"still reachable"):
# those are reported but only "definitely lost" blocks (and memory errors) fail the script.
# scripts/valgrind.supp suppresses one known leak inside swift-crypto (explained there).
set -euo pipefail
cd "$(dirname "$0")/.."
config="${1:-debug}"
command -v valgrind >/dev/null || { echo "error: valgrind not found (apt-get install valgrind)" >&2; exit 2; }
swift build -c "$config" --product conformance >/dev/null
reports="$(mktemp -d)"
log=".build/valgrind.log"   # kept for reading after the run
trap 'rm -rf "$reports"' EXIT
# valgrind 3.19 cannot read the DWARF 5 of Swift 6 binaries ("unhandled dwarf2 abbrev form"): run a
# copy without debug sections (symbols stay, so leak stacks still name the functions).
bin="$reports/conformance"
cp "$(swift build -c "$config" --show-bin-path)/conformance" "$bin"
strip -g "$bin"
set +e
valgrind --tool=memcheck --suppressions=scripts/valgrind.supp --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
    --error-exitcode=99 --log-file="$log" \
    "$bin" run --java off --seed 1 --report-dir "$reports/out" >/dev/null
status=$?
set -e
grep -E "total heap usage|definitely lost|indirectly lost|possibly lost|still reachable|ERROR SUMMARY" "$log" | sed 's/^==[0-9]*== *//' || true
if [ "$status" -eq 99 ]; then
    echo "valgrind: definite leaks or memory errors (see above)" >&2
    grep -A30 "definitely lost in" "$log" | head -80 >&2 || true
    exit 1
fi
echo "valgrind: conformance run exited $status; no definite leaks"
[ "$status" -eq 0 ]
