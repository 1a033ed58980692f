#!/usr/bin/env bash
# Installs the dependencies, builds Backroom and opens it on a demo shop.
# Options are passed to `backroom demo` (e.g. --orders 100000 --seed 7).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh release
db="${BACKROOM_DEMO_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/Backroom/demo.db}"
mkdir -p "$(dirname "$db")"
./build/release/app/backroom demo --db "$db" "$@"
exec ./build/release/app/backroom --db "$db"
