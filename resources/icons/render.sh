#!/usr/bin/env bash
# Renders the committed bitmaps from backroom.svg. Run by hand after editing the SVG;
# the build only uses the committed output. Needs rsvg-convert, icotool and png2icns
# (Debian: apt-get install librsvg2-bin icoutils icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
sizes=(16 22 24 32 48 64 128 256 512)
mkdir -p png
for s in "${sizes[@]}"; do
    rsvg-convert --width "$s" --height "$s" backroom.svg --output "png/backroom-$s.png"
done
# Windows: one .ico with the sizes Explorer and the taskbar ask for (256 stored as PNG).
icotool --create --output backroom.ico \
    png/backroom-16.png png/backroom-24.png png/backroom-32.png png/backroom-48.png \
    png/backroom-64.png --raw=png/backroom-256.png
# macOS: the bundle icon.
png2icns backroom.icns \
    png/backroom-16.png png/backroom-32.png png/backroom-48.png png/backroom-128.png \
    png/backroom-256.png png/backroom-512.png >/dev/null
