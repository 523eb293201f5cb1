#!/usr/bin/env bash
# Runs one libFuzzer target over asldb for SECONDS seconds:
#     scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]
#     scripts/fuzz.sh all SECONDS          # each target in turn, SECONDS each
# Targets: json yaml definition jsonpath intrinsics template mock history jsonata
# (Fuzz/Sources/asldb-fuzz/FuzzTargets.swift says what each drives).
# The fuzzer is built with AddressSanitizer (Fuzz/, a package of its own, in Fuzz/.build). Seeds
# come from ../shared (conformance cases, real-world definitions, the JSONata suite); the corpus
# grows in Fuzz/.build/corpus/TARGET. A crash, a sanitizer report, an input that takes over
# 20 s or a run past 2 GB is written to Fuzz/crashes/ and the script exits 1: fix it, add a test,
# and move the input to Fuzz/regressions/TARGET/, which every run replays first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared"
targets="json yaml definition jsonpath intrinsics template mock history jsonata"

if [ $# -lt 2 ]; then
    echo "usage: scripts/fuzz.sh TARGET|all SECONDS [libFuzzer flags...]  (targets: $targets)" >&2
    exit 2
fi
target="$1"; seconds="$2"; shift 2
case "$seconds" in ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2;; esac
if [ "$target" != all ] && ! [[ " $targets " == *" $target "* ]]; then
    echo "fuzz.sh: unknown target '$target'; the targets are: $targets" >&2
    exit 2
fi

cd "$root/Fuzz"
# lld: gold cannot link a Swift binary with the sanitizer runtimes (an internal error).
swift build -c release --product asldb-fuzz --toolset toolset.json 2>&1 | grep -v "Cannot export local symbol" >&2
fuzzer="$root/Fuzz/.build/release/asldb-fuzz"

seeds="$root/Fuzz/.build/seeds"
if [ ! -d "$seeds" ] && [ -d "$shared" ]; then
    python3 "$root/scripts/fuzz-seeds.py" "$shared" "$seeds" >&2
fi

mkdir -p "$root/Fuzz/crashes"
# LeakSanitizer needs ptrace, which some containers forbid: then fuzz without leak checks.
probe="$(mktemp -d)"
if ! ASLDB_FUZZ_TARGET=json "$fuzzer" -runs=1 "$probe" > "$probe.log" 2>&1 \
    && grep -q "LeakSanitizer has encountered a fatal error" "$probe.log"; then
    echo "fuzz: LeakSanitizer cannot run here (no ptrace); leaks go unchecked" >&2
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
fi
rm -rf "$probe" "$probe.log"
status=0
for t in $( [ "$target" = all ] && echo $targets || echo "$target" ); do
    corpus="$root/Fuzz/.build/corpus/$t"
    mkdir -p "$corpus"
    echo "fuzz: $t for ${seconds}s" >&2
    # Fuzz/regressions/TARGET holds every input that once crashed: they run first, every time.
    if ! ASLDB_FUZZ_TARGET="$t" "$fuzzer" "$corpus" $( [ -d "$seeds/$t" ] && echo "$seeds/$t" ) \
        $( [ -d "$root/Fuzz/regressions/$t" ] && echo "$root/Fuzz/regressions/$t" ) \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$root/Fuzz/crashes/$t-" -print_final_stats=1 "$@" 2> "$root/Fuzz/.build/$t.log"; then
        echo "fuzz: $t FOUND A CRASH (log: Fuzz/.build/$t.log, input in Fuzz/crashes/):" >&2
        grep -E "ERROR|SUMMARY|Fatal error|==[0-9]+==" "$root/Fuzz/.build/$t.log" | head -8 >&2 || true
        status=1
    else
        { grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$root/Fuzz/.build/$t.log" || true; } | tr '\n' ' ' >&2
        echo >&2
    fi
done
exit $status
