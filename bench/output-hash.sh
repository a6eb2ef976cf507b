#!/usr/bin/env bash
# Hashes of every output file of the bundled sample and of a generated 60-region site, one line
# per file ("sha256  path"), so that a refactor can show it changed no byte of the output:
#
#   bench/output-hash.sh > /tmp/before.txt      # on the commit before the change
#   bench/output-hash.sh > /tmp/after.txt       # on the change
#   diff /tmp/before.txt /tmp/after.txt         # nothing, or exactly the files meant to change
#
# Builds with the release profile into a scratch folder (SCRATCH, default /tmp/tkpk-hash);
# nothing outside it is written.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-/tmp/tkpk-hash}
N=${N:-60}
mkdir -p "$SCRATCH"
bin=${CARGO_TARGET_DIR:-target}/release
cargo build --release --quiet --example gen_national
cargo build --release --quiet
"$bin/examples/gen_national" --wilayah "$N" --tahun 4 "$SCRATCH/national" >/dev/null
"$bin/tkpk" build --output "$SCRATCH/out-sample" >/dev/null 2>&1
"$bin/tkpk" build --root "$SCRATCH/national" --output "$SCRATCH/out-national" >/dev/null 2>&1
for tree in out-sample out-national; do
  (cd "$SCRATCH/$tree" && find . -type f ! -name '.tkpk-output' -print0 | sort -z | xargs -0 sha256sum | sed "s|  \./|  $tree/|")
done
