// Draws a shipment network from the tables beside it (the same data, for readers who do
// not see the graph): seizures are circles labelled with their reference, links are lines
// labelled with what the two shipments share, drawn solid or dashed so colour is not needed.
(function () {
  var box = document.getElementById('network-graph');
  if (!box || !window.echarts) {
    return;
  }
  box.style.height = '480px';
  box.style.width = '100%';
  var nodes = Array.prototype.map.call(document.querySelectorAll('#members tbody tr'), function (row) {
    return { name: row.getAttribute('data-reference'), value: row.getAttribute('data-date'), symbolSize: 18 };
  });
  var links = Array.prototype.map.call(document.querySelectorAll('#links tbody tr'), function (row, i) {
    return {
      source: row.getAttribute('data-from'),
      target: row.getAttribute('data-to'),
      kinds: row.getAttribute('data-kinds'),
      lineStyle: { type: i % 2 === 0 ? 'solid' : 'dashed', width: 2 }
    };
  });
  var chart = window.echarts.init(box, null, { renderer: 'svg' });
  chart.setOption({
    aria: { enabled: true, decal: { show: true } },
    tooltip: {},
    series: [{
      type: 'graph',
      layout: 'force',
      roam: true,
      draggable: true,
      force: { repulsion: 220, edgeLength: 110 },
      data: nodes,
      links: links,
      label: { show: true, position: 'right', color: '#0b0c0c' },
      itemStyle: { color: '#1d70b8', borderColor: '#0b0c0c', borderWidth: 1 },
      lineStyle: { color: '#505a5f' },
      edgeLabel: { show: true, fontSize: 11, color: '#0b0c0c', formatter: function (p) { return p.data.kinds; } }
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
}());
