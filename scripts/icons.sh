#!/usr/bin/env bash
# Vendors the Bootstrap Icons the shell uses into one SVG sprite, src/Lachan/wwwroot/icons/bootstrap-icons.svg,
# with the set's licence beside it. To add an icon: add its name (https://icons.getbootstrap.com) to ICONS and run
#   bash scripts/icons.sh
# A test fails when a menu entry names an icon the sprite lacks.
set -euo pipefail
VERSION=1.13.2
ICONS=(dot house-door people file-earmark-spreadsheet arrow-left-right building buildings house map activity
       sign-stop clipboard2-pulse journal-text list x-lg box-arrow-right translate person-circle chevron-right
       geo-alt shield-check heart-pulse box-seam calendar3 telephone truck basket shop flag bar-chart cash-coin)
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/src/Lachan/wwwroot/icons
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "bootstrap-icons@$VERSION" >/dev/null && tar xzf "bootstrap-icons-$VERSION.tgz")
mkdir -p "$out"
cp "$work/package/LICENSE" "$out/LICENSE-bootstrap-icons.txt"
{
  echo "<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- Bootstrap Icons $VERSION (MIT, see LICENSE-bootstrap-icons.txt); made by scripts/icons.sh -->"
  for name in "${ICONS[@]}"; do
    svg="$work/package/icons/$name.svg"
    [[ -f $svg ]] || { echo "no icon named $name in bootstrap-icons $VERSION" >&2; exit 1; }
    # <svg ... viewBox="0 0 16 16"> … </svg>  →  <symbol id="NAME" viewBox="0 0 16 16"> … </symbol>
    tr -d '\n' < "$svg" | sed -E "s#<svg[^>]*viewBox=\"([^\"]*)\"[^>]*>#<symbol id=\"$name\" viewBox=\"\1\">#; s#</svg>#</symbol>#"
    echo
  done
  echo "</svg>"
} > "$out/bootstrap-icons.svg"
echo "wrote $out/bootstrap-icons.svg (${#ICONS[@]} icons)"
