#!/usr/bin/env bash
# Time of `tkpk check` on narratives built to be slow, at growing sizes up to the 4 MiB file
# limit: a line of nested list markers, a line of nested quote markers (both refused beyond 16
# levels, before rendering), and the same sizes of ordinary text. Prints the median of RUNS
# runs per case and size, in seconds, so that a time growing faster than the size shows:
#
#   bench/pathological.sh
#
# Builds with the release profile; writes only under SCRATCH (default /tmp/tkpk-patologis).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-/tmp/tkpk-patologis}
RUNS=${RUNS:-5}
bin=${CARGO_TARGET_DIR:-target}/release/tkpk
cargo build --release --quiet
rm -rf "$SCRATCH" && mkdir -p "$SCRATCH"
printf '%-10s %10s %10s\n' kasus ukuran median_s
for kb in 256 1024 4000; do
  for case in daftar kutipan teks; do
    site="$SCRATCH/$case-$kb"
    cp -r tests/fixtures/dasar "$site"
    file="$site/content/kabupaten-contoh/2025/01-profil.md"
    python3 - "$file" "$case" "$kb" <<'PY'
import sys
path, case, kb = sys.argv[1], sys.argv[2], int(sys.argv[3])
n = kb * 1024 // 2
body = {"daftar": "- " * n + "x\n", "kutipan": "> " * n + "x\n",
        "teks": ("Uraian biasa tentang kemiskinan daerah.\n\n" * (n // 21))}[case]
open(path, "w").write("---\njudul: Profil\n---\n" + body)
PY
    median=$(python3 - "$bin" "$site" "$RUNS" <<'PY'
import statistics, subprocess, sys, time
binary, site, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run([binary, "check", "--root", site], capture_output=True)
    times.append(time.perf_counter() - start)
print(statistics.median(times))
PY
)
    printf '%-10s %8sKB %10.3f\n' "$case" "$kb" "$median"
  done
done
