#!/usr/bin/env bash
# Builds themes/default/static/echarts/echarts.min.js, the chart runtime tkpk embeds, from the
# official ECharts package: only what entry.js names, bundled and minified by esbuild. The
# versions are pinned in package-lock.json, so the same inputs give the same bytes (the
# script prints the file's SHA-256; compare it with the committed file's).
#
#   themes/default/echarts-build/build.sh      # needs Node.js and npm (and the npm registry)
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --ignore-scripts >/dev/null
version=$(node -p 'require("echarts/package.json").version')
zrender=$(node -p 'require("zrender/package.json").version')
out=../static/echarts
npx esbuild entry.js --bundle --minify --format=iife --global-name=echarts \
  --target=es2017 --legal-comments=none --charset=utf8 \
  --banner:js="/*! Apache ECharts $version (Apache-2.0) with ZRender $zrender (BSD-3-Clause) and tslib (0BSD): line, bar and scatter charts, grid, tooltip, legend, mark lines and areas, label layout, SVG renderer. Built by themes/default/echarts-build/build.sh; licences in LICENSE, LICENSE-zrender and LICENSE-tslib beside this file. */" \
  --outfile="$out/echarts.min.js" --log-level=warning
cp node_modules/echarts/LICENSE "$out/LICENSE"
cp node_modules/zrender/LICENSE "$out/LICENSE-zrender"
cp node_modules/tslib/LICENSE.txt "$out/LICENSE-tslib"
cp node_modules/echarts/NOTICE "$out/NOTICE"
wc -c < "$out/echarts.min.js" | xargs printf 'echarts.min.js: %s bytes\n'
sha256sum "$out/echarts.min.js"
