// agendascope charts. Every chart is a <div class="chart"> whose data-option
// holds the ECharts option that the server built with go-echarts; this file
// draws it, formats values, and turns a click on a point, bar or cell into a
// visit to the matching meetings (data-drill). Kept in a served file, not
// inline, so the Content-Security-Policy can refuse every inline script.
"use strict";
(function () {
  function formatter(kind) {
    return function (v) {
      if (v === null || v === undefined || v === "-" || typeof v !== "number") {
        return "–";
      }
      if (kind === "percent") {
        return (v * 100).toFixed(1) + "%";
      }
      if (kind === "integer") {
        return Math.round(v).toLocaleString();
      }
      return v.toFixed(2);
    };
  }

  function drillURL(drill, p) {
    var parts = [drill.base];
    var add = function (list, i) {
      if (list && i >= 0 && i < list.length && list[i]) {
        parts.push(list[i]);
      }
    };
    if (p.seriesType === "heatmap") {
      add(drill.x, p.value[0]);
      add(drill.y, p.value[1]);
    } else {
      add(drill.x, p.dataIndex);
      add(drill.y, p.dataIndex);
      add(drill.series, p.seriesIndex);
    }
    var url = parts[0];
    for (var i = 1; i < parts.length; i++) {
      url += (url.indexOf("?") < 0 ? "?" : "&") + parts[i];
    }
    return url;
  }

  function draw(el) {
    var option = JSON.parse(el.getAttribute("data-option"));
    var f = formatter(el.getAttribute("data-format"));
    el.style.height = (parseInt(el.getAttribute("data-height"), 10) || 420) + "px";
    option.tooltip = option.tooltip || {};
    option.tooltip.valueFormatter = f;
    // Drawn on the canvas: an HTML tooltip carries style attributes, which
    // the Content-Security-Policy (style-src 'self') refuses.
    option.tooltip.renderMode = "richText";
    [].concat(option.xAxis || [], option.yAxis || []).forEach(function (ax) {
      if (ax.type === "value") {
        ax.axisLabel = ax.axisLabel || {};
        ax.axisLabel.formatter = f;
        if (el.getAttribute("data-format") === "integer") {
          ax.minInterval = 1;
        }
      }
    });
    var heat = (option.series || []).some(function (s) { return s.type === "heatmap"; });
    if (heat) {
      var xs = [].concat(option.xAxis)[0].data || [];
      var ys = [].concat(option.yAxis)[0].data || [];
      // Plain text: richText tooltips do not interpret HTML.
      option.tooltip.formatter = function (p) {
        return ys[p.value[1]] + " · " + xs[p.value[0]] + ": " + f(p.value[2]);
      };
      [].concat(option.visualMap || []).forEach(function (vm) { vm.formatter = f; });
    }
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option);
    var drill = el.getAttribute("data-drill");
    if (drill) {
      drill = JSON.parse(drill);
      chart.on("click", function (p) {
        window.location.href = drillURL(drill, p);
      });
      chart.getZr().setCursorStyle("pointer");
    }
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function start() {
    if (typeof echarts === "undefined") {
      return;
    }
    var els = document.querySelectorAll("div.chart[data-option]");
    for (var i = 0; i < els.length; i++) {
      draw(els[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
