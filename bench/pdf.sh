#!/usr/bin/env bash
# `tkpk pdf` of the bundled sample (every report and evaluation sheet): this checkout against
# the commit BASE (default 5ba688b, the last with a browser per page), run interleaved, with
# medians of wall time, CPU time and peak memory (bench/timing.py).
#
#   bench/pdf.sh                  # RUNS=5
#   BASE=<commit> RUNS=3 bench/pdf.sh
#
# Needs chromium (or Chrome/Edge) and git. BASE is built in a worktree under SCRATCH (default
# /tmp/tkpk-bench-pdf); each run builds the sample into SCRATCH and prints into a fresh folder.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${BASE:-5ba688b}
RUNS=${RUNS:-5}
SCRATCH=${SCRATCH:-/tmp/tkpk-bench-pdf}
mkdir -p "$SCRATCH"
cargo build --release --quiet
now="$SCRATCH/tkpk-sekarang"
cp "${CARGO_TARGET_DIR:-target}/release/tkpk" "$now"
base="$SCRATCH/tkpk-$BASE"
if [ ! -x "$base" ]; then
  rm -rf "$SCRATCH/worktree"
  git worktree add --detach "$SCRATCH/worktree" "$BASE" >/dev/null 2>&1
  (cd "$SCRATCH/worktree" && CARGO_TARGET_DIR="$SCRATCH/target" cargo build --release --quiet)
  cp "$SCRATCH/target/release/tkpk" "$base"
  git worktree remove --force "$SCRATCH/worktree"
fi
for bin in "$base" "$now"; do
  name=$(basename "$bin")
  rm -rf "$SCRATCH/situs-$name" && mkdir -p "$SCRATCH/situs-$name"
  # Each binary prints the sample of its own commit (BASE cannot read today's content: the
  # lembar pengesahan, evidence files and abbreviations came later), so the figures compare
  # what a planner ran then with what runs now, longer documents included.
  if [ "$bin" = "$base" ]; then
    git archive "$BASE" site.yaml content | tar -x -C "$SCRATCH/situs-$name"
  else
    cp -r site.yaml content "$SCRATCH/situs-$name/"
  fi
  cat > "$SCRATCH/$name.sh" <<SH
#!/bin/sh
rm -rf "$SCRATCH/pdf-$name"
exec "$bin" pdf --draf --root "$SCRATCH/situs-$name" --keluar "$SCRATCH/pdf-$name"
SH
  chmod +x "$SCRATCH/$name.sh"
done
"$base" pdf --draf --root "$SCRATCH/situs-$(basename "$base")" --keluar "$SCRATCH/pdf-$(basename "$base")" 2>&1 | tail -1
"$now" pdf --draf --root "$SCRATCH/situs-tkpk-sekarang" --keluar "$SCRATCH/pdf-tkpk-sekarang" 2>&1 | tail -1
python3 bench/timing.py --runs "$RUNS" --warmup 0 \
  --cmd "per-halaman ($BASE)" "$SCRATCH/$(basename "$base").sh" \
  --cmd "satu-peramban" "$SCRATCH/tkpk-sekarang.sh"
