#!/usr/bin/env bash
# Remakes the home-screen icons in src/CoupleConnect.Web/wwwroot/icons/ from the heart mark of favicon.svg, by letting
# headless Chromium screenshot one small SVG per size. Run it after changing the mark; check the PNGs in.
#   scripts/make-icons.sh [path-to-chromium]   (default: $COUPLECONNECT_CHROMIUM, else /usr/bin/chromium)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
chromium="${1:-${COUPLECONNECT_CHROMIUM:-/usr/bin/chromium}}"
out="$root/src/CoupleConnect.Web/wwwroot/icons"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# The heart of favicon.svg (a 64×64 box; the heart's middle is at 32,33.4).
heart='M32 50l-2.6-2.4C20.2 39.3 14 33.7 14 26.8 14 21.2 18.4 16.8 24 16.8c3.2 0 6.2 1.5 8 3.8 1.8-2.3 4.8-3.8 8-3.8 5.6 0 10 4.4 10 10 0 6.9-6.2 12.5-15.4 20.8z'
rose='#9C3D4A'
cream='#FBF7F3'

# any: the favicon itself, a rounded tile on a transparent ground.
any="<rect width='64' height='64' rx='16' fill='$rose'/><path fill='$cream' d='$heart'/>"
# maskable and Apple: full-bleed colour (the phone cuts its own shape), the heart at 90% of its favicon size in the middle, so it stays
# well inside the central 80% circle every mask keeps.
bleed="<rect width='64' height='64' fill='$rose'/><g transform='translate(32 32) scale(.9) translate(-32 -33.4)'><path fill='$cream' d='$heart'/></g>"
# badge: Android paints only the shape (alpha) of a badge, in white on the status bar: the heart alone, larger.
badge="<g transform='translate(32 32) scale(1.5) translate(-32 -33.4)'><path fill='#FFFFFF' d='$heart'/></g>"

render() { # name size body
    local name="$1" size="$2" body="$3"
    cat > "$work/$name.html" <<HTML
<!DOCTYPE html><html><head><style>html,body{margin:0;background:transparent}svg{display:block}</style></head>
<body><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="$size" height="$size">$body</svg></body></html>
HTML
    "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --default-background-color=00000000 --window-size="$size,$size" \
        --screenshot="$out/$name.png" "file://$work/$name.html" >/dev/null 2>&1
    echo "$out/$name.png"
}

render icon-192 192 "$any"
render icon-512 512 "$any"
render icon-maskable-192 192 "$bleed"
render icon-maskable-512 512 "$bleed"
render apple-touch-icon 180 "$bleed"
render badge-96 96 "$badge"
