#!/usr/bin/env python3
"""What a chart page costs a reader: bytes of a first view and time to the first drawn chart.

    bench/charts.py OUTPUT [--page PAGE ...] [--runs 9] [--echarts OTHER.min.js]

OUTPUT is a built site (`tkpk build --output OUTPUT`). For each page (default: the home page,
the first report and the first region page that have a chart) it prints

  * the bytes of a first view: the page and every stylesheet and script it links from the site
    (nothing is cached yet), raw and gzip-compressed (level 6, what a static server sends);
  * the median, min and max over --runs headless Chromium loads from file:// of the time from
    navigation start to the first chart's SVG in the page, read by a MutationObserver that the
    benchmark injects into a scratch copy of the site (OUTPUT itself is never written).

With --echarts the same is measured a second time with that file in place of the site's
assets/echarts/echarts.min.js (for example the full build, `git show
5b9ad5c:themes/default/static/echarts/echarts.min.js > /tmp/full.js`), and the ratios are given.
Needs chromium (or chromium-browser / google-chrome) on PATH. Standard library only.
"""
import argparse
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PROBE = (
    "<script>(function(){new MutationObserver(function(m,o){"
    "if(document.querySelector('.grafik-kanvas svg')){"
    "document.documentElement.setAttribute('data-grafik-ms',performance.now().toFixed(1));"
    "o.disconnect();}}).observe(document,{subtree:true,childList:true});})();</script>"
)
LINKED = re.compile(r'<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"#?]+)"')


def browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    sys.exit("chromium is not installed (apt-get install chromium)")


def first_with_chart(out, pattern):
    for page in sorted(out.glob(pattern)):
        if "grafik-kanvas" in page.read_text(encoding="utf-8"):
            return page.relative_to(out).as_posix()
    return None


def first_view(out, page):
    """The files a first view of `page` fetches from the site, with their bytes."""
    html = (out / page).read_text(encoding="utf-8")
    files = [out / page]
    for ref in LINKED.findall(html):
        if "://" in ref:
            continue
        target = ((out / page).parent / ref).resolve()
        if target.is_file() and target not in files:
            files.append(target)
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 6, mtime=0)) for f in files)
    return raw, packed, len(files)


def time_to_chart(chromium, out, page, runs):
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            done = subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 f"--user-data-dir={profile}", "--dump-dom", (out / page).as_uri()],
                capture_output=True, text=True, timeout=120,
            )
        found = re.search(r'data-grafik-ms="([0-9.]+)"', done.stdout)
        if not found:
            sys.exit(f"{page}: no chart was drawn (is it a page with a chart?)\n{done.stderr[-2000:]}")
        times.append(float(found.group(1)))
    return times


def scratch_copy(out, runtime, into):
    shutil.copytree(out, into)
    if runtime:
        shutil.copyfile(runtime, into / "assets/echarts/echarts.min.js")
    for page in into.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "grafik-kanvas" in text:
            page.write_text(text.replace("<head>", "<head>" + PROBE, 1), encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path)
    parser.add_argument("--page", action="append", default=[])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--echarts", type=Path)
    args = parser.parse_args()
    out = args.output.resolve()
    pages = args.page or [p for p in (
        "index.html" if "grafik-kanvas" in (out / "index.html").read_text(encoding="utf-8") else None,
        first_with_chart(out, "*/*/laporan/index.html") or first_with_chart(out, "*/*/index.html"),
        first_with_chart(out, "*/index.html"),
    ) if p]
    chromium = browser()
    variants = [("runtime situs", None)] + ([(f"--echarts {args.echarts.name}", args.echarts)] if args.echarts else [])
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for number, (label, runtime) in enumerate(variants):
            copy = Path(scratch) / f"situs-{number}"
            scratch_copy(out, runtime, copy)
            for page in pages:
                raw, packed, count = first_view(copy, page)
                # The probe is not part of the page a reader gets.
                raw -= len(PROBE.encode())
                times = time_to_chart(chromium, copy, page, args.runs)
                results[(label, page)] = (raw, packed, statistics.median(times))
                print(f"{label:>28}  {page:<40} {count} berkas  {raw:>9,} B  gzip {packed:>8,} B  "
                      f"grafik pertama: median {statistics.median(times):6.1f} ms "
                      f"(min {min(times):.1f}, maks {max(times):.1f}, {args.runs} kali)")
    if args.echarts:
        base, other = variants[0][0], variants[1][0]
        for page in pages:
            a, b = results[(base, page)], results[(other, page)]
            print(f"{page}: runtime situs / {args.echarts.name}: bytes {a[0] / b[0]:.2f}, gzip {a[1] / b[1]:.2f}, "
                  f"waktu ke grafik pertama {a[2] / b[2]:.2f}")


if __name__ == "__main__":
    main()
