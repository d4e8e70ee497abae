#!/usr/bin/env bash
# Copies the parts of USWDS that Steward serves into src/Steward/wwwroot/lib/uswds, from the version
# pinned in package-lock.json. The copy is committed, so building and running need no network and no
# npm; run this only to upgrade USWDS:  cd tools/uswds && npm ci && ./vendor.sh
set -euo pipefail
cd "$(dirname "$0")"
SRC=node_modules/@uswds/uswds/dist
DEST=../../src/Steward/wwwroot/lib/uswds
[ -d "$SRC" ] || { echo "run npm ci first"; exit 1; }
rm -rf "$DEST"; mkdir -p "$DEST/css" "$DEST/js" "$DEST/img/usa-icons"
cp "$SRC/css/uswds.min.css" "$DEST/css/"
cp "$SRC/js/uswds.min.js" "$SRC/js/uswds-init.min.js" "$DEST/js/"
# Only the fonts and images the stylesheet refers to.
grep -o 'url([^)]*)' "$SRC/css/uswds.min.css" | sed 's/url(//;s/)//' | tr -d "\"'" | sort -u | while read -r u; do
  f=${u%%\?*}; f=${f%%#*}
  [ -f "$SRC/css/$f" ] && mkdir -p "$DEST/$(dirname "${f#../}")" && cp "$SRC/css/$f" "$DEST/${f#../}"
done
for icon in close navigate_next expand_more search; do cp "$SRC/img/usa-icons/$icon.svg" "$DEST/img/usa-icons/"; done
cp node_modules/@uswds/uswds/LICENSE.md "$DEST/"
echo "USWDS $(node -p "require('./node_modules/@uswds/uswds/package.json').version") copied to $DEST"
