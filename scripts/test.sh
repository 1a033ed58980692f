#!/usr/bin/env bash
# Installs the dependencies, builds Backroom and runs the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh debug
export QT_QPA_PLATFORM=offscreen
ctest --preset debug -j "$(nproc)"
