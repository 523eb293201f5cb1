#!/usr/bin/env bash
# Installs the system packages asldb needs (ncurses headers, tmux for end-to-end tests),
# only when they are missing. Safe to run again. Needs root (or sudo) to install.
set -euo pipefail

need=()
dpkg -s libncursesw5-dev >/dev/null 2>&1 || dpkg -s libncurses-dev >/dev/null 2>&1 || need+=(libncursesw5-dev)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v python3 >/dev/null 2>&1 || need+=(python3)

if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "setup: installing ${need[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
