// Draws each dashboard chart from the data table beside it (the same numbers, for readers
// who do not see the chart). Series are told apart by pattern (ECharts' decals) and by
// labelled points or bars, not by colour alone.
(function () {
  if (!window.echarts) {
    return;
  }
  var symbols = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'];
  document.querySelectorAll('.dashboard-chart').forEach(function (box) {
    var table = document.getElementById(box.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var columns = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.trim();
    }).slice(1);
    var labels = [];
    var values = columns.map(function () { return []; });
    table.querySelectorAll('tbody tr').forEach(function (row) {
      labels.push(row.querySelector('th').textContent.trim());
      row.querySelectorAll('td').forEach(function (td, i) { values[i].push(Number(td.textContent)); });
    });
    if (labels.length === 0) {
      return;
    }
    box.style.height = '320px';
    box.style.width = '100%';
    var line = box.getAttribute('data-kind') === 'line';
    var chart = window.echarts.init(box, null, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true, decal: { show: true } },
      tooltip: { trigger: 'axis' },
      legend: { show: columns.length > 1, top: 0 },
      grid: { left: 56, right: 24, top: columns.length > 1 ? 48 : 16, bottom: 64 },
      xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 12 ? 45 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: columns.map(function (name, i) {
        return {
          name: name,
          type: line ? 'line' : 'bar',
          data: values[i],
          symbol: symbols[i % symbols.length],
          symbolSize: 8,
          lineStyle: { type: ['solid', 'dashed', 'dotted'][i % 3], width: 2 },
          label: { show: !line && labels.length <= 12, position: 'top' }
        };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
}());
