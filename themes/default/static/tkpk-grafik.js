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
   * chart: every category label shown (wrapped, never skipped), a one-line legend that scrolls
   * rather than covering the plot, and point labels kept inside the chart. */
  function fit(option, width) {
    var grid = option.grid ? (Array.isArray(option.grid) ? option.grid[0] : option.grid) : {};
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
    eachAxis(option.yAxis, function (axis) {
      if (axis.type === "category" && axis.data && axis.data.length) {
        axis.axisLabel = axis.axisLabel || {};
        axis.axisLabel.interval = 0;
        axis.axisLabel.width = Math.max(40, left - 10);
        axis.axisLabel.overflow = "break";
      }
    });
    (Array.isArray(option.legend) ? option.legend : option.legend ? [option.legend] : []).forEach(function (legend) {
      legend.type = "scroll";
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
    var chart = echarts.init(element, null, { renderer: "svg" });
    option = localise(option);
    chart.setOption(fit(option, chart.getWidth()));
    element.setAttribute("data-seri-digambar", String((chart.getOption().series || []).length));
    charts.push({ chart: chart, option: option });
  });
  var resize = function () {
    charts.forEach(function (c) {
      c.chart.resize();
      c.chart.setOption(fit(c.option, c.chart.getWidth()));
    });
  };
  window.addEventListener("resize", resize);
  window.addEventListener("beforeprint", resize);
  window.addEventListener("afterprint", resize);
})();
