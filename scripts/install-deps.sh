#!/usr/bin/env bash
# Installs what Backroom needs to build, run and test on Debian 12 / Ubuntu 22.04+.
# The one list of packages: the other scripts call this one.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev qt6-svg-dev
    qt6-qpa-plugins libgl-dev libqt6opengl6-dev    # Qt Charts needs Qt OpenGL to configure
    qt6-multimedia-dev    # the pack bench's sounds and camera
    libzxing-dev libsqlite3-dev sqlite3    # sqlite3: the CLI tests/bench/bench_import compares with
    fonts-dejavu-core poppler-utils
    dpkg-dev desktop-file-utils appstream    # the DEB and its test (tests/installer)
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
