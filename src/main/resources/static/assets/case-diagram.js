// The case file's process diagram: bpmn-js (vendored, read-only viewer) draws the model the instance ran and
// marks the activities it went through (taken) and those open now (current).
(function () {
  var el = document.getElementById('diagram');
  var status = document.getElementById('diagram-status');
  if (!el || typeof BpmnJS === 'undefined') { return; }
  var visited = (el.dataset.visited || '').split(',').filter(Boolean);
  var active = (el.dataset.active || '').split(',').filter(Boolean);
  var viewer = new BpmnJS({ container: el });
  fetch(el.dataset.xml, { credentials: 'same-origin' })
    .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.text(); })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      visited.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'taken'); } });
      active.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'current'); } });
      // A sequence flow counts as taken when both its ends were visited.
      registry.filter(function (e) { return e.type === 'bpmn:SequenceFlow'; }).forEach(function (flow) {
        if (flow.source && flow.target && visited.indexOf(flow.source.id) >= 0 && visited.indexOf(flow.target.id) >= 0) {
          canvas.addMarker(flow.id, 'taken');
        }
      });
      canvas.zoom('fit-viewport');
      el.setAttribute('data-rendered', String(visited.length));
      status.textContent = '已标出经过的 ' + visited.length + ' 个环节' + (active.length ? '，当前环节 ' + active.length + ' 个' : '') + '。';
    })
    .catch(function (e) { status.textContent = '流程图无法显示：' + e.message; });
})();
