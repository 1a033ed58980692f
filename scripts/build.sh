#!/usr/bin/env bash
# Configures and builds with a preset from CMakePresets.json: debug (default) or release.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-debug}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
