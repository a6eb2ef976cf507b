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
    chart.setOption(localise(option));
    element.setAttribute("data-seri-digambar", String((chart.getOption().series || []).length));
    charts.push(chart);
  });
  var resize = function () {
    charts.forEach(function (chart) {
      chart.resize();
    });
  };
  window.addEventListener("resize", resize);
  window.addEventListener("beforeprint", resize);
  window.addEventListener("afterprint", resize);
})();
