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
    // data-formats: one format per y axis, for a chart whose axes read the
    // same line in different units (a count and a share).
    var formats = el.getAttribute("data-formats");
    formats = formats ? JSON.parse(formats) : null;
    var axisFormat = function (ax, kind) {
      if (ax.type === "value") {
        ax.axisLabel = ax.axisLabel || {};
        ax.axisLabel.formatter = formatter(kind);
        if (kind === "integer") {
          ax.minInterval = 1;
        }
      }
    };
    [].concat(option.xAxis || []).forEach(function (ax) { axisFormat(ax, el.getAttribute("data-format")); });
    [].concat(option.yAxis || []).forEach(function (ax, i) {
      axisFormat(ax, formats && formats[i] ? formats[i] : el.getAttribute("data-format"));
    });
    if (formats) {
      var series = [].concat(option.series || []);
      // Plain text, one line per series, each in its own axis' units.
      option.tooltip.formatter = function (ps) {
        ps = [].concat(ps);
        var lines = ps.length ? [ps[0].axisValueLabel] : [];
        ps.forEach(function (p) {
          var s = series[p.seriesIndex] || {};
          lines.push(p.seriesName + ": " + formatter(formats[s.yAxisIndex || 0])(p.value));
        });
        return lines.join("\n");
      };
    }
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
