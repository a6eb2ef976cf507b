/* tkpk: draws every chart of a page from its JSON options with the local ECharts runtime.
 * SVG renderer (vector when printed), no animation, numbers in the page's language.
 * Works from file:// and offline: nothing is fetched. */
(function () {
  "use strict";
  if (typeof echarts === "undefined") {
    return;
  }
  var lang = document.documentElement.lang === "en" ? "en-US" : "id-ID";
  var numberFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  function format(value) {
    if (typeof value === "number") {
      return numberFormat.format(value);
    }
    if (Array.isArray(value)) {
      return value.map(format).join(" ; ");
    }
    return value == null ? "–" : String(value);
  }
  function eachAxis(axis, apply) {
    if (!axis) {
      return;
    }
    (Array.isArray(axis) ? axis : [axis]).forEach(apply);
  }
  /* Layout rules that depend on the drawn width (a phone's or a page's), the same for every
   * chart: lines named at their ends where they are few, every category label shown (wrapped,
   * never skipped), a one-line legend that scrolls rather than covering the plot, and point
   * labels kept inside the chart. */
  function legendsOf(option) {
    return Array.isArray(option.legend) ? option.legend : option.legend ? [option.legend] : [];
  }
  /* Where a line chart has few series, each line is named at its end (as Our World in Data
   * does) and the legend goes: the eye need not travel to a key. A name that would take more
   * than a third of the width (a phone) is broken between its words; where even a word would
   * not fit, the legend stays. */
  /* The series' colour for its name, where it reads on white (WCAG AA, 4,5 : 1); otherwise
   * the theme's secondary ink. */
  function readable(colour) {
    var m = /^#([0-9a-f]{6})$/i.exec(colour || "");
    if (!m) {
      return "#56606b";
    }
    var n = parseInt(m[1], 16);
    var lum = [n >> 16, (n >> 8) & 255, n & 255].map(function (c) {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var l = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
    return 1.05 / (l + 0.05) >= 4.5 ? colour : "#56606b";
  }
  function endLabels(option, grid, width, height) {
    var series = option.series || [];
    var legends = legendsOf(option);
    var lines = series.filter(function (s) {
      return s.type === "line" && s.name;
    });
    if (!legends.length || !lines.length || lines.length !== series.length || lines.length > 5) {
      return;
    }
    if (grid.tkpkRight === undefined) {
      grid.tkpkRight = typeof grid.right === "number" ? grid.right : 20;
      grid.tkpkTop = typeof grid.top === "number" ? grid.top : 40;
    }
    var longest = 0;
    var longestWord = 0;
    lines.forEach(function (s) {
      longest = Math.max(longest, String(s.name).length);
      String(s.name).split(/\s+/).forEach(function (word) {
        longestWord = Math.max(longestWord, word.length);
      });
    });
    // One line where it fits; on a phone, the name broken between its words.
    var need = Math.ceil(longest * 6.5) + 16;
    var broken = need > width / 3;
    if (broken) {
      need = Math.ceil(longestWord * 6.5) + 16;
    }
    // The names stacked at the lines' ends must also fit the plot's height (long names broken
    // on a phone can need more lines than it has); otherwise the legend names the lines.
    var rows = lines.reduce(function (n, s) {
      return n + (broken ? String(s.name).split(/\s+/).length : 1);
    }, 0);
    var bottom = typeof grid.bottom === "number" ? grid.bottom : 32;
    var on = need <= width / 3 && rows * 13 <= (height || 320) - 16 - bottom;
    lines.forEach(function (s) {
      var colour = (s.lineStyle && s.lineStyle.color) || (s.itemStyle && s.itemStyle.color);
      s.endLabel = { show: on, formatter: "{a}", fontSize: 11, lineHeight: 13, distance: 6, color: readable(colour) };
      if (broken) {
        s.endLabel.formatter = String(s.name).split(/\s+/).join("\n");
      }
      s.labelLayout = on ? { moveOverlap: "shiftY" } : {};
    });
    // Otherwise every name stays in sight: a legend in as many rows as the names need (each
    // item about 6,5 px a character beside its 35 px key), the plot below it.
    var legendRows = 1;
    var x = 0;
    lines.forEach(function (s) {
      var item = Math.ceil(String(s.name).length * 6.5) + 35;
      if (x > 0 && x + item > width) {
        legendRows += 1;
        x = 0;
      }
      x += item;
    });
    legends.forEach(function (legend) {
      legend.show = !on;
      legend.tkpkWrapped = !on;
      legend.type = "plain";
    });
    grid.right = on ? Math.max(grid.tkpkRight, need) : grid.tkpkRight;
    grid.top = on ? Math.min(grid.tkpkTop, 16) : Math.max(grid.tkpkTop, legendRows * 22 + 14);
  }
  /* Every category label shown at the width: turned (years, short names) or broken between
   * words, the plot's bottom raised for turned ones. Each fit starts from the chart's own
   * bottom margin: a label turned on a phone leaves it as it was on a wider screen. */
  function categoryLabels(option, grid, width) {
    if (grid.tkpkBottom === undefined) {
      grid.tkpkBottom = typeof grid.bottom === "number" ? grid.bottom : 32;
    }
    grid.bottom = grid.tkpkBottom;
    var left = typeof grid.left === "number" ? grid.left : 60;
    var right = typeof grid.right === "number" ? grid.right : 20;
    eachAxis(option.xAxis, function (axis) {
      if (axis.type === "category" && axis.data && axis.data.length) {
        // Room per label, and the longest label at about 6,5 px a character (11 px type).
        var room = (width - left - right) / axis.data.length;
        var longest = axis.data.reduce(function (m, l) {
          return Math.max(m, String(l).length);
        }, 0);
        var label = (axis.axisLabel = axis.axisLabel || {});
        label.interval = 0;
        label.hideOverlap = false;
        delete label.rotate;
        delete label.width;
        if (longest * 6.5 > room - 4) {
          if (longest <= 7) {
            // Years and short names turn rather than break inside a number.
            label.rotate = room < 16 ? 90 : 45;
            grid.bottom = Math.max(typeof grid.bottom === "number" ? grid.bottom : 32, longest * 6 + 16);
          } else {
            label.width = Math.max(24, room - 4);
            label.overflow = "break";
          }
        }
      }
    });
  }
  function fit(option, width, height) {
    var grid = option.grid ? (Array.isArray(option.grid) ? option.grid[0] : option.grid) : {};
    endLabels(option, grid, width, height);
    categoryLabels(option, grid, width);
    // Decided again with the bottom the turned labels need (the names stacked at the lines'
    // ends must fit above it), and the labels again for the right margin that decision gives.
    endLabels(option, grid, width, height);
    categoryLabels(option, grid, width);
    var left = typeof grid.left === "number" ? grid.left : 60;
    eachAxis(option.yAxis, function (axis) {
      if (axis.type === "category" && axis.data && axis.data.length) {
        axis.axisLabel = axis.axisLabel || {};
        axis.axisLabel.interval = 0;
        axis.axisLabel.width = Math.max(40, left - 10);
        axis.axisLabel.overflow = "break";
      }
    });
    // A legend of many names scrolls; one whose lines' names would not fit at their ends
    // wraps into rows instead (`endLabels`).
    legendsOf(option).forEach(function (legend) {
      if (!legend.tkpkWrapped) {
        legend.type = "scroll";
      }
    });
    (option.series || []).forEach(function (series) {
      // A quadrant's words ("III · di atas provinsi, …") shrink to its numeral where four of
      // them would not fit side by side; the caption's sentence says the rest.
      if (series.markArea && series.markArea.label) {
        series.markArea.label.formatter = function (p) {
          return width < 560 ? String(p.name).split(" · ")[0] : p.name;
        };
      }
      if (series.type === "scatter" && series.label && series.label.show) {
        series.labelLayout = function (p) {
          if (p.labelRect.x + p.labelRect.width > width - 4) {
            return { x: p.rect.x - 4, align: "right", moveOverlap: "shiftY" };
          }
          return { moveOverlap: "shiftY" };
        };
      }
    });
    return option;
  }
  function localise(option) {
    option.animation = false;
    option.tooltip = option.tooltip || {};
    option.tooltip.valueFormatter = format;
    var valueAxis = function (axis) {
      if (axis.type === "value") {
        axis.axisLabel = axis.axisLabel || {};
        axis.axisLabel.formatter = format;
      }
    };
    eachAxis(option.xAxis, valueAxis);
    eachAxis(option.yAxis, valueAxis);
    (option.series || []).forEach(function (series) {
      if (series.label && series.label.show && !series.label.formatter) {
        series.label.formatter = function (p) {
          return format(p.value);
        };
      }
    });
    return option;
  }
  // The printed column's width (`--lebar-cetak` in the theme's CSS), in pixels; 0 without it.
  var printWidth = function () {
    var probe = document.createElement("div");
    probe.style.cssText = "position:absolute;visibility:hidden;width:var(--lebar-cetak,0px)";
    document.body.appendChild(probe);
    var width = Math.floor(probe.getBoundingClientRect().width);
    probe.remove();
    return width;
  };
  // The width a chart is printed at: the paper's column at most.
  var printed = function (screen, paper) {
    return paper > 0 ? Math.min(screen, paper) : screen;
  };
  // `tkpk pdf` marks the tabs it prints in before their pages load: there every chart is
  // drawn once, at the width it is printed at, and never redrawn for the screen.
  var printing = window.tkpkCetak === true;
  var paperWidth = printing ? printWidth() : 0;
  var charts = [];
  document.querySelectorAll(".grafik-kanvas").forEach(function (element) {
    var source = document.getElementById(element.getAttribute("data-opsi"));
    if (!source) {
      return;
    }
    var option;
    try {
      option = JSON.parse(source.textContent);
    } catch (e) {
      element.setAttribute("data-galat", String(e));
      return;
    }
    var init = { renderer: "svg" };
    if (printing) {
      init.width = printed(element.clientWidth, paperWidth);
    }
    var chart = echarts.init(element, null, init);
    option = localise(option);
    chart.setOption(fit(option, chart.getWidth(), chart.getHeight()));
    element.setAttribute("data-seri-digambar", String((chart.getOption().series || []).length));
    charts.push({ chart: chart, option: option, width: init.width || element.clientWidth });
  });
  if (printing) {
    return;
  }
  // Redrawn only where the width changed.
  var resize = function () {
    charts.forEach(function (c) {
      var width = c.chart.getDom().clientWidth;
      if (width === c.width) {
        return;
      }
      c.width = width;
      c.chart.resize();
      c.chart.setOption(fit(c.option, c.chart.getWidth(), c.chart.getHeight()));
    });
  };
  window.addEventListener("resize", resize);
  // Before printing, every chart is drawn to the paper's column at most: the screen's layout
  // still holds when beforeprint fires, and a chart wider than the paper would make Chromium
  // shrink the whole printed page.
  window.addEventListener("beforeprint", function () {
    var paper = printWidth();
    charts.forEach(function (c) {
      var screen = c.chart.getDom().clientWidth;
      var width = printed(screen, paper);
      if (width === c.width) {
        return;
      }
      c.width = width;
      c.chart.resize({ width: width });
      c.chart.setOption(fit(c.option, c.chart.getWidth(), c.chart.getHeight()));
    });
  });
  // Back to the screen's width a moment after printing, not at once: a page printed again
  // straight away (tkpk pdf numbers its contents so) is still at the paper's width, and a
  // page left straight away is not redrawn for nothing.
  window.addEventListener("afterprint", function () {
    setTimeout(resize, 250);
  });
})();
