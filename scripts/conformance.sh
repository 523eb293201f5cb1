#!/usr/bin/env bash
# Runs the AWS-recorded conformance corpus against a release build of asldb, prints the score
# per group, and fails when fewer cases pass than conformance-baseline.txt records.
#
#   scripts/conformance.sh [--events] [--filter SUBSTR]...   (extra arguments go to check.py)
#
# The corpus lives in ../shared/conformance next to the package root (override with
# ASLDB_CONFORMANCE=/path/to/conformance).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${ASLDB_CONFORMANCE:-$root/../shared/conformance}"
if [ ! -f "$corpus/check.py" ]; then
    echo "conformance: no corpus at $corpus (set ASLDB_CONFORMANCE)" >&2
    exit 2
fi

cd "$root"
swift build -c release --product asldb --scratch-path .build-release >&2
asldb="$root/.build-release/release/asldb"

report="$(mktemp "${TMPDIR:-/tmp}/asldb-conformance.XXXXXX.json")"
trap 'rm -f "$report"' EXIT
python3 "$corpus/check.py" \
    --cmd "$(printf '%q' "$asldb") run {definition} --input {input} --mock-config {mock} --test-case Recorded --state-machine M --type {type} --format history" \
    --jobs 2 --json "$report" "$@"

python3 - "$report" "$root/conformance-baseline.txt" "$#" <<'PY'
import json, sys, collections
report, baseline_file, extra = sys.argv[1], sys.argv[2], int(sys.argv[3])
cases = json.load(open(report))["cases"]
groups = collections.defaultdict(lambda: [0, 0])
for case_id, r in cases.items():
    if r["result"] == "skipped":
        continue
    g = groups[case_id.split("/")[0]]
    g[1] += 1
    if r["result"] == "passed":
        g[0] += 1
passed = sum(g[0] for g in groups.values())
total = sum(g[1] for g in groups.values())
for name in sorted(groups):
    p, t = groups[name]
    print(f"  {name:22} {p:4}/{t}")
print(f"  {'total':22} {passed:4}/{total}")
if extra:
    sys.exit(0)  # a filtered or --events run is for study, not for the baseline
baseline = int(open(baseline_file).read().split()[0])
if passed < baseline:
    print(f"conformance: {passed} cases pass, fewer than the baseline {baseline}", file=sys.stderr)
    sys.exit(1)
print(f"conformance: {passed} pass (baseline {baseline})")
PY
