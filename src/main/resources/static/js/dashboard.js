// Draws the issuance dashboard's chart from its table, so the chart and the table can never disagree.
(function () {
  "use strict";
  function draw() {
    var box = document.getElementById("dashboard-chart");
    var table = document.getElementById("dashboard-table");
    if (!box || !table || typeof echarts === "undefined") {
      return;
    }
    var names = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) { return cell.textContent.trim(); });
    var periods = [];
    var series = [[], [], [], []];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      periods.push(row.cells[0].textContent.trim());
      for (var i = 0; i < 4; i++) {
        series[i].push(Number(row.cells[i + 1].textContent.trim()));
      }
    });
    var chart = echarts.init(box, null, { renderer: "svg" });
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 40 },
      xAxis: { type: "category", data: periods },
      yAxis: { type: "value", minInterval: 1 },
      series: series.map(function (data, i) {
        return { name: names[i + 1], type: i < 2 ? "bar" : "line", data: data, smooth: false };
      })
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
