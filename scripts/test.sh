#!/usr/bin/env bash
# The test command: installs what is missing, then builds and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build
swift test 2>&1 | tee .build/test-output.txt | grep -vE '^(◇|↳|✔ Test [a-zA-Z_]+\(|\[[0-9]+/[0-9]+\])' || true
# pipefail does not see through tee+grep: read the runner's verdict from its own output.
if grep -qE '✘ Test run|error: fatalError|Fatal error|failed \(' .build/test-output.txt; then
    exit 1
fi
grep -E 'Test run with [0-9]+ tests?' .build/test-output.txt | tail -1
