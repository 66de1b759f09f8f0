// The import page: sends the files to /api/import/jobs and follows the job's server-sent events.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  var status = document.getElementById('import-status');
  var bar = document.getElementById('import-bar');
  var phase = document.getElementById('import-phase');

  function rows(table, list, cells) {
    var body = table.querySelector('tbody');
    body.textContent = '';
    list.forEach(function (item) {
      var tr = document.createElement('tr');
      cells(item).forEach(function (text) {
        var td = document.createElement('td');
        td.textContent = text === undefined || text === null ? '' : String(text);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.hidden = list.length === 0;
  }

  function problemCells(e) {
    return [e.line || e.field || '', e.id || '', e.message];
  }

  function show(state) {
    bar.value = state.percent;
    var text = status.dataset[state.phase] || state.phase;
    if (state.phase === 'reading' && state.totalBytes > 0) {
      text += ' (' + Math.round(state.bytes / 1024) + ' / ' + Math.round(state.totalBytes / 1024) + ' KB)';
    }
    if (state.problem) {
      text += ': ' + (state.problem.detail || state.problem.title);
    }
    phase.textContent = text;
    if (state.report) {
      var r = state.report;
      rows(document.getElementById('import-changes'), Object.keys(r.changes), function (kind) {
        var c = r.changes[kind];
        return [status.dataset[kind] || kind, c.created, c.updated, c.unchanged, c.deleted];
      });
      rows(document.getElementById('import-warnings'), r.warnings || [], problemCells);
      var open = document.getElementById('import-open');
      open.hidden = r.dryRun;
      open.querySelector('a').href = '/models/' + encodeURIComponent(r.modelId);
    }
    if (state.problem) {
      rows(document.getElementById('import-problems'), state.problem.errors || [], problemCells);
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = new FormData();
    Array.prototype.forEach.call(document.getElementById('i-files').files, function (f) {
      data.append('file', f, f.name);
    });
    var q = new URLSearchParams();
    var model = document.getElementById('i-model').value.trim();
    if (model) { q.set('modelId', model); }
    var mode = document.getElementById('i-mode').value;
    if (mode) { q.set('mode', mode); }
    if (document.getElementById('i-keep').checked) { q.set('forbidden', 'keep'); }
    q.set('dryRun', document.getElementById('i-dry').checked ? 'true' : 'false');
    status.hidden = false;
    ['import-changes', 'import-problems', 'import-warnings', 'import-open'].forEach(function (id) {
      document.getElementById(id).hidden = true;
    });
    bar.removeAttribute('value');
    phase.textContent = status.dataset.queued;
    var csrf = document.querySelector('meta[name="csrf-token"]');
    var headers = csrf && csrf.content ? { 'X-CSRF-Token': csrf.content } : {};
    fetch('/api/import/jobs?' + q.toString(), { method: 'POST', body: data, headers: headers })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (r) {
        if (!r.ok) { // refused before it started (a bad option, too large)
          show({ phase: 'failed', percent: 100, problem: r.body });
          return;
        }
        var events = new EventSource(r.body.events);
        events.onmessage = function (message) {
          var state = JSON.parse(message.data);
          show(state);
          if (state.phase === 'done' || state.phase === 'failed') { events.close(); }
        };
        events.onerror = function () {
          events.close();
          fetch(r.body.status).then(function (s) { return s.json(); }).then(show);
        };
      });
  });
}());
