#!/usr/bin/env bash
# Captures the debugger's screens that docs/screens/*.txt show, as text, from the real binary
# under a private tmux server, at 80x24 and 120x40. Run after `swift build`:
#   scripts/screens.sh            (writes docs/screens/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
asldb="$root/.build/debug/asldb"
out="$root/docs/screens"
largest="$root/../shared/realworld/extracted/aws-control-tower-customizations__customizations-for-aws-control-tower.template__Resources_StackSetStateMachine_Properties_DefinitionString.json"
work="$(mktemp -d)"
trap 'tmux -S "$work/sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$out" "$work/nomock"
cp "$root/samples/order-processing/order-processing.asl.json" "$root/samples/order-processing/input.json" "$work/nomock/"

# shot NAME WIDTH HEIGHT "ARGS" KEYS...: opens asldb debug ARGS, sends each key group (tmux key
# names, or text after "type:"), waits for the frame to settle, and writes NAME-WxH.txt.
shot() {
    local name=$1 width=$2 height=$3 args=$4
    shift 4
    tmux -S "$work/sock" -f /dev/null start-server \; set -g default-terminal tmux-256color \; \
        new-session -d -s shot -x "$width" -y "$height" "cd '$root' && '$asldb' debug $args; sleep 30"
    sleep 0.8
    for keys in "$@"; do
        if [[ $keys == type:* ]]; then
            tmux -S "$work/sock" send-keys -t shot -l "${keys#type:}"
        else
            # shellcheck disable=SC2086
            tmux -S "$work/sock" send-keys -t shot $keys
        fi
        sleep 0.3
    done
    sleep 0.5
    tmux -S "$work/sock" capture-pane -p -t shot > "$out/$name-${width}x$height.txt"
    tmux -S "$work/sock" kill-server
    sleep 0.2
}

for size in "80 24" "120 40"; do
    set -- $size
    shot waiting-task "$1" "$2" "'$work/nomock/order-processing.asl.json'" "s" "s"
    shot graph-search "$1" "$2" "'$largest'" "/" "type:delete stack instance or" "Enter"
    shot choice-rules "$1" "$2" "samples/choice/choice.asl.json" "s" "s" "Tab"
    shot compact-graph "$1" "$2" "'$largest'" "-" "/" "type:stackset exist" "Enter"
    shot map-running "$1" "$2" "samples/map/map.asl.json" "s" "s" "s" "s"
    shot folded-parallel "$1" "$2" "samples/parallel/parallel.asl.json" "Enter" "s" "s"
    shot timeline-filter "$1" "$2" "samples/order-processing/order-processing.asl.json" "c" "Tab Tab" "f" "type:ShipOrder" "Enter"
    shot message-log "$1" "$2" "'$work/nomock/order-processing.asl.json'" "s" "s" "m"
    shot help "$1" "$2" "samples/order-processing/order-processing.asl.json" "?"
done
echo "screens written to $out"
