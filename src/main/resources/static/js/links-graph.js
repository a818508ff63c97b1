// Draws the link view from the tables beside it (the same data, for readers who do not see
// the graph): people are circles, firearms squares, cases diamonds, so shape rather than
// colour tells them apart; each line is labelled with how the two are linked.
(function () {
  var box = document.getElementById('links-graph');
  if (!box || !window.echarts) {
    return;
  }
  box.style.height = '520px';
  box.style.width = '100%';
  var nodes = {};
  function node(name, symbol) {
    if (name && !nodes[name]) {
      nodes[name] = { name: name, symbol: symbol, symbolSize: symbol === 'circle' ? 20 : 16 };
    }
  }
  document.querySelectorAll('#link-people tbody tr').forEach(function (row) {
    node(row.getAttribute('data-name'), 'circle');
  });
  var links = [];
  function link(from, to, label, dashed) {
    if (from && to && nodes[from] && nodes[to]) {
      links.push({ source: from, target: to, how: label, lineStyle: { type: dashed ? 'dashed' : 'solid', width: 2 } });
    }
  }
  document.querySelectorAll('#link-weapons tbody tr').forEach(function (row) {
    node(row.getAttribute('data-record'), 'rect');
  });
  document.querySelectorAll('#link-cases tbody tr').forEach(function (row) {
    node(row.getAttribute('data-case'), 'diamond');
  });
  // a person's name is the start of what a link goes through ("Name (SZ-1)")
  function person(through) {
    var names = Object.keys(nodes);
    var best = null;
    names.forEach(function (n) {
      if (nodes[n].symbol === 'circle' && through.indexOf(n) === 0 && (!best || n.length > best.length)) {
        best = n;
      }
    });
    return best;
  }
  document.querySelectorAll('#link-weapons tbody tr').forEach(function (row) {
    var record = row.getAttribute('data-record');
    row.querySelectorAll('[data-how]').forEach(function (li) {
      var how = li.getAttribute('data-how');
      var through = li.getAttribute('data-through');
      if (how === 'IN_CASE') {
        var ref = through.split(' ')[0];
        link(record, ref, li.textContent, true);
      } else {
        link(person(through), record, li.textContent, false);
      }
    });
  });
  document.querySelectorAll('#link-cases tbody tr').forEach(function (row) {
    var ref = row.getAttribute('data-case');
    row.querySelectorAll('[data-how]').forEach(function (li) {
      var how = li.getAttribute('data-how');
      var through = li.getAttribute('data-through');
      link(how === 'NAMES' ? person(through) : through, ref, li.textContent, true);
    });
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
      force: { repulsion: 260, edgeLength: 120 },
      data: Object.keys(nodes).map(function (n) { return nodes[n]; }),
      links: links,
      label: { show: true, position: 'right', color: '#0b0c0c' },
      itemStyle: { color: '#1d70b8', borderColor: '#0b0c0c', borderWidth: 1 },
      lineStyle: { color: '#505a5f' },
      edgeLabel: { show: false },
      emphasis: { edgeLabel: { show: true, formatter: function (p) { return p.data.how; } } }
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
}());
