// The impact-analysis page (/models/{modelId}/impact): start elements chosen by a name search, the
// options of POST /api/models/{modelId}/impact, and the result as a layered graph, a table, an
// explanation per element, summary counts and CSV/JSON downloads. Texts and colours come from the
// page's data-config attribute (message bundles, the diagrams' layer colours).
import { ApiProblem, analyse, findElements, saveBlob } from './api.js';
import { el, fold, format, nameOf } from './dom.js';
import { MAX_GRAPH_NODES, drawGraph } from './graph.js';
import { renderSummary, renderTable, renderWhy } from './render.js';
import { graphOf, indexResult } from './result.js';

const root = document.getElementById('impact');
const config = JSON.parse(root.dataset.config);
const t = config.texts;
const $ = (id) => document.getElementById(id);
const form = $('impact-form');
const chosenList = $('impact-chosen');
const searchBox = $('impact-q');
const hits = $('impact-hits');
const errorBox = $('impact-error');
const status = $('impact-status');
const resultSection = $('impact-result');
const graphBox = $('impact-graph');
const graphNote = $('impact-graph-note');
const whyPanel = $('impact-why');

const chosen = new Map(); // id -> {id, name, type}
let lastBody = null;
let index = null;
let graph = null;

// ---- start elements ---------------------------------------------------------------------------

function showChosen() {
  chosenList.replaceChildren(
    ...[...chosen.values()].map((e) =>
      el(
        'li',
        { dataset: { id: e.id } },
        el('span', { text: e.name }),
        el('button', {
          type: 'button',
          'aria-label': format(t.remove, e.name),
          text: '×',
          onclick: () => {
            chosen.delete(e.id);
            showChosen();
            searchBox.focus();
          },
        }),
      ),
    ),
  );
}

function choose(item) {
  chosen.set(item.id, { id: item.id, name: nameOf(item, config.lang), type: item.type });
  showChosen();
  hits.hidden = true;
  searchBox.value = '';
  searchBox.focus();
}

let searchTimer = 0;
let searchAbort = null;

function typeLabel(type) {
  return config.types[type] ? config.types[type].label : type;
}

async function search() {
  const q = searchBox.value.trim();
  if (searchAbort) {
    searchAbort.abort();
  }
  if (q.length < 2) {
    hits.hidden = true;
    return;
  }
  searchAbort = new AbortController();
  // the API matches one piece of text: ask for the longest word, keep names holding every word
  const words = fold(q).split(/\s+/).filter(Boolean);
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  try {
    const found = await findElements(config.modelId, words.length > 1 ? longest : q, words.length > 1 ? 200 : 15, searchAbort.signal, t);
    const items = found
      .filter((item) => words.every((w) => fold(`${item.name} ${item.nameEn || ''}`).includes(w)))
      .slice(0, 15);
    hits.replaceChildren(
      ...(items.length === 0
        ? [el('li', { class: 'none', text: t.no_hits })]
        : items.map((item) =>
            el(
              'li',
              {},
              el(
                'button',
                { type: 'button', dataset: { id: item.id }, onclick: () => choose(item) },
                nameOf(item, config.lang),
                el('span', { class: 'alt', text: ` ${typeLabel(item.type)}` }),
              ),
            ),
          )),
    );
    hits.hidden = false;
  } catch (e) {
    if (e.name !== 'AbortError') {
      showProblem(t.failed, e);
    }
  }
}

searchBox.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(search, 250);
});
searchBox.addEventListener('keydown', (event) => {
  const first = hits.querySelector('button');
  if (event.key === 'Enter' && !hits.hidden && first) {
    event.preventDefault(); // Enter picks the first hit instead of running
    first.click();
  } else if (event.key === 'ArrowDown' && first) {
    event.preventDefault();
    first.focus();
  } else if (event.key === 'Escape') {
    hits.hidden = true;
  }
});
hits.addEventListener('keydown', (event) => {
  const buttons = [...hits.querySelectorAll('button')];
  const i = buttons.indexOf(document.activeElement);
  if (event.key === 'ArrowDown' && i < buttons.length - 1) {
    event.preventDefault();
    buttons[i + 1].focus();
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    (i > 0 ? buttons[i - 1] : searchBox).focus();
  } else if (event.key === 'Escape') {
    hits.hidden = true;
    searchBox.focus();
  }
});

// ---- errors -----------------------------------------------------------------------------------

function showProblem(heading, error) {
  const problem = error instanceof ApiProblem ? error.problem : { title: String(error.message || error) };
  const details = (problem.errors || []).map((e) =>
    el('li', { text: [e.field || e.id || e.line, e.message].filter(Boolean).join(': ') }),
  );
  errorBox.replaceChildren(
    el(
      'div',
      {},
      el('strong', { text: problem.title ? `${heading}: ${problem.title}` : heading }),
      problem.detail ? el('p', { text: problem.detail }) : null,
      details.length ? el('ul', {}, details) : null,
    ),
  );
  errorBox.hidden = false;
}

function clearProblem() {
  errorBox.hidden = true;
  errorBox.replaceChildren();
}

// ---- the request ------------------------------------------------------------------------------

function checked(name) {
  const boxes = [...form.querySelectorAll(`input[name="${name}"]`)];
  const values = boxes.filter((b) => b.checked).map((b) => b.value);
  return { all: values.length === boxes.length, values };
}

/** The request body from the form, or a list of what is missing. */
function requestBody() {
  const problems = [];
  if (chosen.size === 0) {
    problems.push({ message: t.need_start });
  }
  const depthInput = $('impact-depth');
  const depth = Number(depthInput.value);
  const maxDepth = Number(depthInput.max);
  if (!Number.isInteger(depth) || depth < 1 || depth > maxDepth) {
    problems.push({ message: format(t.bad_depth, maxDepth) });
  }
  const types = checked('relationshipTypes');
  if (types.values.length === 0) {
    problems.push({ message: t.need_relationship_type });
  }
  const layers = checked('layers');
  if (layers.values.length === 0) {
    problems.push({ message: t.need_layer });
  }
  const body = {
    start: [...chosen.keys()],
    change: $('impact-change').value,
    direction: $('impact-direction').value,
    maxDepth: depth,
    includePotential: $('impact-potential').checked,
  };
  if (!types.all) {
    body.relationshipTypes = types.values;
  }
  if (!layers.all) {
    body.layers = layers.values;
  }
  return { body, problems };
}

/** Keeps the chosen start elements in the address and in the language switch. */
function rememberStart(ids) {
  const update = (href) => {
    const url = new URL(href, window.location.href);
    url.searchParams.delete('element');
    ids.forEach((id) => url.searchParams.append('element', id));
    return url.pathname + url.search;
  };
  window.history.replaceState(null, '', update(window.location.href));
  const languageSwitch = document.querySelector('header a[hreflang]');
  if (languageSwitch) {
    languageSwitch.href = update(languageSwitch.href);
  }
}

async function run(event) {
  event.preventDefault();
  clearProblem();
  const { body, problems } = requestBody();
  if (problems.length) {
    status.textContent = '';
    showProblem(t.failed, new ApiProblem({ title: '', errors: problems }));
    return;
  }
  const button = $('impact-run');
  button.disabled = true;
  status.textContent = t.running;
  try {
    const response = await analyse(config.modelId, body, t);
    lastBody = body;
    rememberStart(body.start);
    await show(response);
    status.textContent = format(t.done, response.summary ? response.summary.elements : 0);
  } catch (e) {
    status.textContent = '';
    showProblem(t.failed, e);
  } finally {
    button.disabled = false;
  }
}

// ---- the result -------------------------------------------------------------------------------

function explain(id) {
  if (!index) {
    return;
  }
  const path = renderWhy(whyPanel, config, index, id);
  if (graph) {
    graph.highlight(path.nodes, path.relationships);
  }
  resultSection.querySelectorAll('tr.selected').forEach((r) => r.classList.remove('selected'));
  const row = resultSection.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
  if (row) {
    row.classList.add('selected');
  }
  whyPanel.focus({ preventScroll: true });
  whyPanel.scrollIntoView({ block: 'nearest' });
}

async function show(response) {
  index = indexResult(response, Object.keys(config.layers));
  whyPanel.hidden = true;
  const startNames = (response.start || []).map((s) => nameOf(s, config.lang)).join(', ');
  $('impact-result-of').textContent = format(
    t.result_of,
    startNames,
    $('impact-change').selectedOptions[0].textContent,
    $('impact-direction').selectedOptions[0].textContent,
    response.maxDepth,
  );
  renderSummary($('impact-summary'), config, response);
  const elements = response.elements || [];
  const truncated = $('impact-truncated');
  truncated.hidden = !response.truncated;
  truncated.textContent = response.truncated
    ? format(t.truncated, elements.length, response.summary.elements)
    : '';
  $('impact-table-empty').hidden = elements.length > 0;
  $('impact-table').hidden = elements.length === 0;
  renderTable($('impact-table'), config, index, explain);
  resultSection.hidden = false;
  await showGraph();
}

async function showGraph() {
  if (graph) {
    graph.destroy();
    graph = null;
  }
  const g = graphOf(index, config.lang);
  graphBox.hidden = true;
  if (index.response.elements.length === 0) {
    graphNote.textContent = '';
    return;
  }
  if (g.nodes.length > MAX_GRAPH_NODES) {
    graphNote.textContent = format(t.graph_too_large, g.nodes.length, MAX_GRAPH_NODES);
    return;
  }
  graphNote.textContent = t.graph_loading;
  graphBox.hidden = false;
  graphBox.setAttribute('role', 'img');
  graphBox.setAttribute('aria-label', format(t.graph_label, g.nodes.length, g.edges.length));
  try {
    graph = await drawGraph(graphBox, g, config, explain);
    graphNote.textContent = t.graph_hint;
  } catch (e) {
    graphBox.hidden = true;
    graphNote.textContent = format(t.graph_failed, e.message || e);
  }
}

// ---- downloads --------------------------------------------------------------------------------

async function download(event) {
  const fileFormat = event.currentTarget.dataset.format;
  if (!lastBody) {
    return;
  }
  clearProblem();
  try {
    const blob = await analyse(config.modelId, lastBody, t, fileFormat);
    const more = lastBody.start.length > 1 ? `-${lastBody.start.length}` : '';
    saveBlob(blob, `impact-${config.modelId}-${lastBody.start[0]}${more}.${fileFormat}`);
  } catch (e) {
    showProblem(t.download_failed, e);
  }
}

// ---- start ------------------------------------------------------------------------------------

for (const s of config.start || []) {
  chosen.set(s.id, s);
}
showChosen();
form.addEventListener('submit', run);
$('impact-csv').addEventListener('click', download);
$('impact-json').addEventListener('click', download);
