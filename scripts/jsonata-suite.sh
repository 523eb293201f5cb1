#!/usr/bin/env bash
# Runs the JSONata test suite of jsonata-js (../shared/jsonata) against a release build of
# `asldb jsonata`, prints the score per group, and fails when fewer cases pass than
# jsonata-baseline.txt records.
#
#   scripts/jsonata-suite.sh [--group REGEX] [-v]   (extra arguments go to check.py)
#
# Override the suite's location with ASLDB_JSONATA_SUITE=/path/to/jsonata.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
suite="${ASLDB_JSONATA_SUITE:-$root/../shared/jsonata}"
if [ ! -f "$suite/check.py" ]; then
    echo "jsonata-suite: no suite at $suite (set ASLDB_JSONATA_SUITE)" >&2
    exit 2
fi

cd "$root"
swift build -c release --product asldb --scratch-path .build-release >&2
report="$(mktemp "${TMPDIR:-/tmp}/asldb-jsonata.XXXXXX.json")"
trap 'rm -f "$report"' EXIT
python3 "$suite/check.py" --cmd "$(printf '%q' "$root/.build-release/release/asldb") jsonata" \
    --jobs 2 --json "$report" "$@" | tail -3

python3 - "$report" "$root/jsonata-baseline.txt" "$#" <<'PY'
import json, sys, collections
report, baseline_file, extra = sys.argv[1], sys.argv[2], int(sys.argv[3])
cases = json.load(open(report))  # case id -> {"ok": bool, "why": str, "seconds": float}
groups = collections.defaultdict(lambda: [0, 0])
for case_id, r in cases.items():
    g = groups[case_id.split("/")[0]]
    g[1] += 1
    g[0] += bool(r["ok"])
passed = sum(g[0] for g in groups.values())
total = sum(g[1] for g in groups.values())
for name in sorted(groups):
    p, t = groups[name]
    if p < t:
        print(f"  {name:32} {p:4}/{t}")
print(f"  {'total':32} {passed:4}/{total} (groups not listed pass in full)")
if extra:
    sys.exit(0)  # a filtered run is for study, not for the baseline
baseline = int(open(baseline_file).read().split()[0])
if passed < baseline:
    print(f"jsonata-suite: {passed} cases pass, fewer than the baseline {baseline}", file=sys.stderr)
    sys.exit(1)
print(f"jsonata-suite: {passed} pass (baseline {baseline})")
PY
