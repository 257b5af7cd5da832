// Draws the admissions funnel from its table (the last row: the total, or the only cycle), so chart and table agree.
(function () {
  "use strict";
  function draw() {
    var box = document.getElementById("funnel-chart");
    var table = document.getElementById("funnel-table");
    if (!box || !table || typeof echarts === "undefined") {
      return;
    }
    var stages = Array.prototype.slice.call(table.tHead.rows[0].cells, 2).map(function (cell) {
      return cell.textContent.trim();
    });
    var row = table.tBodies[0].rows[Number(table.getAttribute("data-chart-row"))];
    var counts = Array.prototype.slice.call(row.cells, 2).map(function (cell) {
      return Number(cell.getAttribute("data-count"));
    });
    var chart = echarts.init(box, null, { renderer: "svg" });
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: "axis" },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: "category", data: stages },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ name: "People", type: "bar", data: counts, label: { show: true, position: "top" } }]
    });
    box.setAttribute("data-drawn", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
