// Draws the map of flows from the table beside it, on the world boundaries bundled with
// the application (no request leaves the server). Manufacture flows are solid lines,
// last-import flows dashed; a line's width grows with its firearms; both ends are
// labelled with their country codes, so colour is never needed to read it.
(function () {
  var box = document.getElementById('flow-map');
  if (!box || !window.echarts || !window.fetch) {
    return;
  }
  box.style.height = '520px';
  box.style.width = '100%';
  fetch(box.getAttribute('data-geo')).then(function (answer) { return answer.json(); }).then(function (world) {
    var centres = {};
    world.features.forEach(function (f) { centres[f.properties.name] = f.properties.centroid; });
    window.echarts.registerMap('world', world);
    var rows = Array.prototype.slice.call(document.querySelectorAll('#flows tbody tr'));
    var most = rows.reduce(function (m, r) { return Math.max(m, Number(r.getAttribute('data-firearms'))); }, 1);
    var lines = [];
    var places = {};
    rows.forEach(function (r) {
      var from = r.getAttribute('data-from');
      var to = r.getAttribute('data-to');
      if (!centres[from] || !centres[to] || from === to) {
        return;
      }
      var n = Number(r.getAttribute('data-firearms'));
      places[from] = true;
      places[to] = true;
      lines.push({
        coords: [centres[from], centres[to]],
        value: n,
        name: from + ' → ' + to + ': ' + n,
        lineStyle: { type: r.getAttribute('data-kind') === 'MANUFACTURE' ? 'solid' : 'dashed', width: 1 + 5 * n / most }
      });
    });
    var chart = window.echarts.init(box, null, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: 'item' },
      geo: {
        map: 'world', roam: true,
        itemStyle: { areaColor: '#f3f2f1', borderColor: '#505a5f' },
        emphasis: { itemStyle: { areaColor: '#dbdad9' }, label: { show: false } }
      },
      series: [
        { type: 'lines', coordinateSystem: 'geo', data: lines, lineStyle: { color: '#1d70b8', curveness: 0.2, opacity: 0.8 } },
        {
          type: 'scatter', coordinateSystem: 'geo', symbolSize: 6, itemStyle: { color: '#0b0c0c' },
          label: { show: true, position: 'right', formatter: '{b}', color: '#0b0c0c' },
          data: Object.keys(places).map(function (c) { return { name: c, value: centres[c] }; })
        }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
}());
