#!/usr/bin/env bash
# The DEB as a merchant gets it: built by CPack from this build tree, unpacked into a
# throwaway root (dpkg-deb -x) and run from there. Fails when
#  - the package's name, version, Depends or file list is wrong, or a Depends cannot
#    be satisfied on this machine;
#  - a Qt plugin the program cannot work without (the SQL driver, the platform) was
#    loaded from a package the Depends does not name: dpkg-shlibdeps cannot see
#    plugins, so a forgotten one would otherwise show up only on a merchant's PC;
#  - the installed program does not print the version, write a demo shop, pass
#    `check` on it or draw its screens;
#  - with the SQLite driver hidden, `check` does not fail naming libqt6sql6-sqlite;
#  - the desktop entry, AppStream metadata or icons are missing or invalid.
# Usage: test_deb.sh BUILD_DIR CPACK VERSION
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 BUILD_DIR CPACK VERSION" >&2
    exit 2
fi
build_dir=$1
cpack=$2
version=$3
app_id=app.backroom.Backroom
# Plugins without which Backroom cannot work; the others (image formats, themes)
# are optional and only listed.
required_plugin_dirs='sqldrivers|platforms'

work=$(mktemp -d "${TMPDIR:-/tmp}/backroom-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root
started=$SECONDS

step() { printf '\n== %s\n' "$*"; }
fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}
# Runs the installed program, output in $work/NAME.{out,err}; shows both on failure.
run() {
    local name=$1 status=0
    shift
    "$@" >"$work/$name.out" 2>"$work/$name.err" || status=$?
    if [ "$status" -ne 0 ]; then
        cat "$work/$name.out" "$work/$name.err" >&2
        fail "$name: '$*' exited with status $status"
    fi
}

step "cpack -G DEB"
if ! "$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack -G DEB failed"
fi
debs=("$work"/pkg/*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    fail "expected one .deb in $work/pkg"
fi
deb=${debs[0]}
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes, built in $((SECONDS - started)) s"

step "control fields"
field() { dpkg-deb --field "$deb" "$1"; }
dpkg-deb --field "$deb" Package Version Architecture Section Maintainer Depends Recommends
[ "$(field Package)" = backroom ] || fail "Package is '$(field Package)', not backroom"
[[ "$(field Version)" == "$version"-* ]] || fail "Version '$(field Version)' is not $version-N"
depends=$(field Depends)
# Package names in Depends, one a line: alternatives split, versions dropped.
depends_names=$(tr ',|' '\n' <<<"$depends" | sed -E 's/\(.*\)//; s/:.*//; s/[[:space:]]//g' |
    grep -v '^$' | sort -u)
for name in libqt6sql6-sqlite qt6-qpa-plugins; do
    grep -qx "$name" <<<"$depends_names" || fail "Depends does not name $name: $depends"
done
# dpkg-shlibdeps ran: the Qt libraries the program links are there with versions.
grep -Eq '(^|, )libqt6core6[a-z0-9]* \(>=' <<<"$depends" ||
    fail "Depends has no versioned libqt6core6 from dpkg-shlibdeps: $depends"

# Every Depends (one alternative of each) is installed here, in a version it accepts:
# what the package asks for is what this test runs against.
installed_version() {
    dpkg-query -W -f='${db:Status-Abbrev} ${Version}\n' "$1" 2>/dev/null |
        awk '$1 == "ii" { print $2; exit }'
}
IFS=',' read -ra groups <<<"$depends"
for group in "${groups[@]}"; do
    satisfied=""
    IFS='|' read -ra alternatives <<<"$group"
    for alternative in "${alternatives[@]}"; do
        if [[ $alternative =~ ^[[:space:]]*([^[:space:](:]+)(:[a-z0-9]+)?[[:space:]]*(\(([<>=]+)[[:space:]]*([^[:space:])]+)\))? ]]; then
            name=${BASH_REMATCH[1]} op=${BASH_REMATCH[4]} wanted=${BASH_REMATCH[5]}
            have=$(installed_version "$name")
            if [ -n "$have" ] && { [ -z "$op" ] || dpkg --compare-versions "$have" "$op" "$wanted"; }; then
                satisfied=$name
                break
            fi
        fi
    done
    [ -n "$satisfied" ] || fail "Depends '$group' is not satisfied on this machine"
done
echo "every Depends is installed here"

step "file list"
dpkg-deb --contents "$deb" | awk '{ print $6 }' >"$work/contents"
allowed="^\./(|usr/|usr/bin/|usr/share/|usr/share/(applications|metainfo|icons|icons/hicolor)/"
allowed+="|usr/share/icons/hicolor/(scalable|[0-9]+x[0-9]+)/(apps/)?"
allowed+="|usr/bin/backroom|usr/share/applications/$app_id\.desktop"
allowed+="|usr/share/metainfo/$app_id\.metainfo\.xml"
allowed+="|usr/share/icons/hicolor/scalable/apps/$app_id\.svg"
allowed+="|usr/share/icons/hicolor/[0-9]+x[0-9]+/apps/$app_id\.png)$"
if grep -Ev "$allowed" "$work/contents" >"$work/unexpected"; then
    cat "$work/unexpected" >&2
    fail "the package holds files it should not (above)"
fi
for size in 16 22 24 32 48 64 128 256 512; do
    grep -qx "./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png" "$work/contents" ||
        fail "no ${size}x${size} icon"
done
for path in usr/bin/backroom usr/share/applications/$app_id.desktop \
    usr/share/metainfo/$app_id.metainfo.xml usr/share/icons/hicolor/scalable/apps/$app_id.svg; do
    grep -qx "./$path" "$work/contents" || fail "/$path is not in the package"
done
echo "$(grep -cv '/$' "$work/contents") files, all expected"

step "dpkg-deb -x into $root"
dpkg-deb -x "$deb" "$root"
bin=$root/usr/bin/backroom
[ -x "$bin" ] || fail "$bin is not executable"
if readelf -d "$bin" | grep -E 'RPATH|RUNPATH'; then
    fail "/usr/bin/backroom carries a library search path (above)"
fi
if ldd "$bin" | grep 'not found'; then
    fail "libraries of /usr/bin/backroom are missing (above)"
fi
echo "no RPATH, every library found; $(stat -c %s "$bin") bytes"

step "desktop entry, AppStream metadata, icons"
desktop=$root/usr/share/applications/$app_id.desktop
metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $app_id.desktop"
    echo "desktop-file-validate: ok"
else
    echo "desktop-file-validate not installed (desktop-file-utils): skipped"
fi
grep -qx "Exec=backroom" "$desktop" || fail "Exec= does not run backroom"
grep -qx "Icon=$app_id" "$desktop" || fail "Icon= is not $app_id"
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$metainfo" || fail "appstreamcli rejects the metainfo"
else
    echo "appstreamcli not installed (appstream): skipped"
fi
grep -q "<release version=\"$version\" date=\"[0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}\"" "$metainfo" ||
    fail "the metainfo has no release $version"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $app_id.desktop"

step "the installed program"
# Only the system's plugin directory, as on a merchant's PC.
unset QT_PLUGIN_PATH QT_QPA_PLATFORM_PLUGIN_PATH QT_DEBUG_PLUGINS
run version "$bin" --version
[ "$(cat "$work/version.out")" = "Backroom $version" ] ||
    fail "--version printed '$(cat "$work/version.out")', not 'Backroom $version'"
echo "--version: $(cat "$work/version.out")"
db=$work/shop.db
run demo env QT_DEBUG_PLUGINS=1 "$bin" demo --db "$db" --orders 200
run check env QT_DEBUG_PLUGINS=1 "$bin" check --db "$db"
echo "demo --orders 200 and check: exit 0"
run screenshot env QT_DEBUG_PLUGINS=1 QT_QPA_PLATFORM=offscreen \
    "$bin" screenshot --db "$db" --out "$work/screens"
screens=$(find "$work/screens" -name '*.png' | wc -l)
[ "$screens" -ge 9 ] || fail "screenshot wrote $screens screens, not 9 or more"
echo "screenshot: $screens screens"

step "Qt plugins loaded, and the packages they come from"
cat "$work"/{demo,check,screenshot}.err |
    sed -nE 's/.*"([^"]+\.so)" loaded library.*/\1/p' | sort -u >"$work/plugins"
grep -Eq "/sqldrivers/libqsqlite\.so$" "$work/plugins" ||
    fail "the SQLite driver was never loaded (is QT_DEBUG_PLUGINS output gone?)"
while read -r plugin; do
    owner=$(dpkg-query -S "$plugin" 2>/dev/null | head -n 1 | cut -d: -f1) || true
    if [[ $plugin =~ /($required_plugin_dirs)/[^/]+$ ]]; then
        [ -n "$owner" ] || fail "$plugin belongs to no package"
        grep -qx "$owner" <<<"$depends_names" ||
            fail "$plugin comes from $owner, which Depends does not name: $depends"
        echo "required  $plugin <- $owner (in Depends)"
    else
        echo "optional  $plugin <- ${owner:-no package}"
    fi
done <"$work/plugins"

step "without the SQLite driver, check fails and says what to install"
# qt.conf beside the program moves Qt's plugin directory to an empty one: the
# installed program now meets a machine without libqt6sql6-sqlite.
mkdir "$work/no-plugins"
printf '[Paths]\nPlugins = %s\n' "$work/no-plugins" >"$root/usr/bin/qt.conf"
status=0
"$bin" check --db "$db" >"$work/nodriver.out" 2>"$work/nodriver.err" || status=$?
rm "$root/usr/bin/qt.conf"
[ "$status" -ne 0 ] || fail "check passed with the plugin directory hidden: the test cannot hide it"
grep -q "libqt6sql6-sqlite" "$work/nodriver.err" || {
    cat "$work/nodriver.err" >&2
    fail "check failed without naming libqt6sql6-sqlite"
}
echo "exit $status: $(grep -m1 libqt6sql6-sqlite "$work/nodriver.err")"

step "passed in $((SECONDS - started)) s"
