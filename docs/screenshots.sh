#!/usr/bin/env bash
# The README's pictures, made from the bundled sample by the real binary and Chromium:
#
#   docs/screenshots.sh        # writes docs/gambar/*.png (needs chromium and pdftoppm)
#
#   beranda-desktop.png   the home page at 1280 px
#   laporan-desktop.png   the 2025 report of Kabupaten Blitar at 1280 px
#   laporan-ponsel.png    the same report at 390 px (a phone), in a frame
#   laporan-cetak.png     pages 1 to 3 of the final PDF of Kabupaten Blora 2025 (cover, lembar
#                         pengesahan, kata pengantar), side by side
#
# Run it after a change to the theme and commit the pictures with the change. Builds into a
# scratch folder (SCRATCH, default /tmp/tkpk-gambar) from a copy of the sample; nothing outside
# docs/gambar and that folder is written.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-/tmp/tkpk-gambar}
out=docs/gambar
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome) \
  || { echo "chromium is not installed (apt-get install chromium poppler-utils)" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm is not installed (apt-get install poppler-utils)" >&2; exit 1; }
rm -rf "$SCRATCH" && mkdir -p "$SCRATCH/sampel" "$out"
cargo build --release --quiet
bin=$PWD/${CARGO_TARGET_DIR:-target}/release/tkpk
cp -r site.yaml content "$SCRATCH/sampel/"
"$bin" build --root "$SCRATCH/sampel" --output "$SCRATCH/situs" >/dev/null 2>&1
report=kabupaten-blitar/2025/index.html

shot() { # shot WIDTH HEIGHT URL PNG
  "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
    --disable-background-networking --disable-component-update --allow-file-access-from-files \
    --user-data-dir="$SCRATCH/profil" --virtual-time-budget=5000 \
    --window-size="$1,$2" --screenshot="$4" "$3" >/dev/null 2>&1
  echo "$4"
}

shot 1280 900 "file://$SCRATCH/situs/index.html" "$out/beranda-desktop.png"
shot 1280 900 "file://$SCRATCH/situs/$report" "$out/laporan-desktop.png"
# Headless Chromium's window is never narrower than about 500 px: the phone view is the page in
# a 390 px frame on a plain background.
cat > "$SCRATCH/situs/ponsel.html" <<HTML
<!doctype html><html><body style="margin:0;background:#d9dde2;display:flex;justify-content:center;padding:24px 0">
<iframe src="$report" style="width:390px;height:780px;border:0;background:#fff;box-shadow:0 2px 12px rgba(0,0,0,.25)"></iframe>
</body></html>
HTML
shot 560 828 "file://$SCRATCH/situs/ponsel.html" "$out/laporan-ponsel.png"

"$bin" pdf --root "$SCRATCH/sampel" --wilayah kabupaten-blora --tahun 2025 --keluar "$SCRATCH/pdf" >/dev/null 2>&1
pdf=$(ls "$SCRATCH"/pdf/*2025*.pdf | grep -v penilaian | head -1)
for page in 1 2 3; do
  pdftoppm -r 45 -f "$page" -l "$page" -png -singlefile "$pdf" "$SCRATCH/halaman-$page"
done
# The three pages side by side on a plain background, as the reader sees them in a PDF viewer.
cat > "$SCRATCH/cetak.html" <<HTML
<!doctype html><html><body style="margin:0;background:#d9dde2;display:flex;gap:16px;justify-content:center;padding:16px">
<img src="halaman-1.png" style="box-shadow:0 1px 6px rgba(0,0,0,.3)"><img src="halaman-2.png" style="box-shadow:0 1px 6px rgba(0,0,0,.3)"><img src="halaman-3.png" style="box-shadow:0 1px 6px rgba(0,0,0,.3)">
</body></html>
HTML
shot 1180 560 "file://$SCRATCH/cetak.html" "$out/laporan-cetak.png"
echo "docs/screenshots.sh: 4 gambar di $out"
