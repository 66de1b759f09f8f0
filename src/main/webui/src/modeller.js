// The ArchiMate modeller and diagram viewer pages (/models/{m}/views/{v}/edit and /models/{m}/views/{v}):
// diagram-js with our notation renderer draws the view read from GET /api/models/{m}/views/{v}.
// The viewer pans, zooms and links elements to their pages; the editor (loaded only in edit mode)
// adds palette, connecting, the model tree, properties, saving every change and live updates.
// Configuration and texts come from the container's data-config attribute (ModellerPage.config:
// mode, modelId, viewId, lang, user, canEdit, texts, notation, links; `view` for a reader without
// an account). What the browser tests and the benchmark rely on: window.eamsModeller {ready, diagram,
// lastSeq}; body[data-modeller-state=ready|static|failed] and body[data-saving]; diagram objects as
// .djs-element[data-element-id]; palette entries [data-action="create.<Type>"]; the context pad's
// [data-action="connect"]; .eams-rel-chooser button[data-type]; .eams-message; #eams-toolbar with
// #eams-undo, #eams-redo, #eams-layout, #eams-export-svg, #eams-export-png; #eams-properties with
// #eams-prop-name; #eams-presence .eams-viewer; .eams-conflict with #eams-conflict-theirs and
// #eams-conflict-mine.
import Diagram from 'diagram-js';
import MoveCanvasModule from 'diagram-js/lib/navigation/movecanvas';
import ZoomScrollModule from 'diagram-js/lib/navigation/zoomscroll';
import ChangeSupportModule from 'diagram-js/lib/features/change-support';
import InteractionEventsModule from 'diagram-js/lib/features/interaction-events';
import MinimapModule from 'diagram-js-minimap';
import { call, paths, problemText } from './modeller/http.js';
import { followChanges, showPresence } from './modeller/live.js';
import { layoutModule } from './modeller/layout.js';
import { localName, typeLabel } from './modeller/notation.js';
import { createRemote } from './modeller/remote.js';
import ArchimateRenderer from './modeller/renderer.js';
import { buildToolbar } from './modeller/toolbar.js';
import { buildFrame, createMessages, fitHeight, textOf } from './modeller/ui.js';
import { createState, importView } from './modeller/view-data.js';

const container = document.getElementById('eams-diagram');
const config = JSON.parse(container.dataset.config);
const t = (key, ...args) => textOf(config.texts || {}, key, ...args);
const state = createState(config);

let markReady;
const ready = new Promise((resolve) => {
  markReady = resolve;
});
const api = { ready, diagram: null, lastSeq: 0 };
Object.defineProperty(api, 'lastSeq', { get: () => state.lastSeq, enumerable: true });
window.eamsModeller = api;

const frame = buildFrame(container, config.mode === 'edit' ? 'edit' : 'view', t);
const messages = createMessages(frame.message, t);
messages.clear();
fitHeight(frame.body, () => api.diagram && api.diagram.get('canvas').resized());

const LIBRARY_TEXTS = { 'Close minimap': 'minimap_close', 'Open minimap': 'minimap_open' };

/** diagram-js's translate service: the few texts of the libraries, from our bundle. */
function translate(template, replacements = {}) {
  const text = LIBRARY_TEXTS[template] ? t(LIBRARY_TEXTS[template]) : template;
  return text.replace(/{([^}]+)}/g, (match, key) => (key in replacements ? replacements[key] : match));
}

const archimateModule = {
  __init__: ['archimateRenderer'],
  translate: ['value', translate],
  archimateRenderer: ['type', ArchimateRenderer],
  eamsState: ['value', state],
};

async function start() {
  const edit = config.mode === 'edit';
  const urls = paths(config.modelId, config.viewId);
  // the view's JSON comes while the editor's code loads
  // (a reader without an account gets it in the page: the API needs one)
  const reading = config.view ? Promise.resolve({ ok: true, status: 200, data: config.view }) : call('GET', urls.view);
  const editor = edit ? await import('./modeller/editor.js') : null;
  const diagram = new Diagram({
    canvas: { container: frame.canvasHost },
    keyboard: { bind: edit },
    // our layouter, docking and ids last: the editing modules bring diagram-js's defaults
    modules: [archimateModule, ChangeSupportModule, InteractionEventsModule, MoveCanvasModule, ZoomScrollModule, MinimapModule, ...(editor ? editor.modules(state, t, urls) : []), layoutModule],
  });
  api.diagram = diagram;
  const answer = await reading;
  if (!answer.ok) {
    if (!edit && (answer.status === 401 || answer.status === 403) && showServerDrawing(diagram)) {
      return;
    }
    messages.show(t('load_failed', problemText(answer.problem) || answer.status), 'error');
    document.body.dataset.modellerState = 'failed';
    return;
  }
  importView(diagram, state, answer.data);
  if (answer.etag && !state.view.version) {
    state.view.version = Number(answer.etag);
  }
  const canvas = diagram.get('canvas');
  if ((answer.data.nodes || []).length) {
    canvas.zoom('fit-viewport', 'auto');
  } else {
    // an empty view starts with its origin at the top left, right of the palette
    const size = canvas.getSize();
    canvas.viewbox({ x: edit ? -200 : -20, y: -20, width: size.width, height: size.height });
  }
  const context = { diagram, state, config, t, messages, frame, urls };
  buildToolbar(context, editor);
  hoverTitles(diagram);
  const svgRoot = frame.canvasHost.querySelector('svg');
  svgRoot.setAttribute('role', edit ? 'application' : 'img');
  svgRoot.setAttribute('aria-label', localName(state.view.name, state.view.nameEn, state.lang) || state.view.id);
  if (editor) {
    editor.startEditing(context);
  } else {
    startViewing(context);
  }
  document.body.dataset.modellerState = 'ready';
  markReady(api);
  // the minimap helps when the view is larger than the canvas; it copies the whole drawing, so it
  // opens once the view is on screen
  if (canvas.zoom() < 0.9) {
    const openMinimap = () => diagram.get('minimap').open();
    if (window.requestIdleCallback) {
      window.requestIdleCallback(openMinimap, { timeout: 1500 });
    } else {
      setTimeout(openMinimap, 300);
    }
  }
}

/**
 * A reader who may see the page but not read the view through the API (not signed in) gets the
 * server's drawing that the page keeps for browsers without JavaScript. Answers whether there was one.
 */
function showServerDrawing(diagram) {
  const kept = document.querySelector('noscript');
  const holder = document.createElement('div');
  holder.innerHTML = kept ? kept.textContent : '';
  const drawing = holder.querySelector('svg');
  if (!drawing) {
    return false;
  }
  diagram.destroy();
  frame.toolbar.hidden = true;
  frame.canvasHost.replaceChildren(drawing);
  frame.canvasHost.classList.add('eams-static');
  messages.show(t('static_view'), 'info');
  document.body.dataset.modellerState = 'static';
  return true;
}

/** Full names on hover (labels may be cut short in their boxes). */
function hoverTitles(diagram) {
  diagram.get('eventBus').on('element.hover', (event) => {
    const shape = event.element;
    const gfx = event.gfx;
    if (!gfx || !shape || !shape.eams || shape.eams.kind !== 'element') {
      return;
    }
    const element = state.elements.get(shape.eams.elementId);
    // inside the visual, which a redraw clears: diagram-js takes the first child of the element's
    // group for the visual, so nothing may go before it
    const visual = gfx.querySelector(':scope > .djs-visual');
    if (!visual) {
      return;
    }
    let title = visual.querySelector(':scope > title');
    if (!title) {
      title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      visual.prepend(title);
    }
    title.textContent = element ? `${localName(element.name, element.nameEn, state.lang)} (${typeLabel(state.notation, element.type, state.lang)})` : '';
  });
}

/**
 * Viewer mode: a click on an element opens its page; a signed-in reader sees others' changes as they
 * are made (nothing of theirs is saved from here).
 */
function startViewing(context) {
  const { diagram } = context;
  const eventBus = diagram.get('eventBus');
  if (document.querySelector('meta[name="csrf-token"]')) {
    const remote = createRemote(diagram, state);
    const follower = {
      isOwnSeq: () => false,
      whenIdle: (fn) => fn(),
      applyRemote: (edits) => remote.apply(edits),
      forget: () => {},
    };
    followChanges({ ...context, remote, saver: follower }, { quiet: true });
    // a signed-in reader is listed among the view's viewers too
    showPresence(context);
    eventBus.on('eams.viewGone', () => messages.show(t('view_deleted_viewer'), 'warning'));
  }
  eventBus.on('element.click', (event) => {
    const shape = event.element;
    if (shape && shape.eams && shape.eams.kind === 'element' && shape.eams.elementId && config.elementHref) {
      window.location.assign(config.elementHref + encodeURIComponent(shape.eams.elementId));
    }
  });
}

start().catch((e) => {
  messages.show(t('load_failed', String(e && e.message ? e.message : e)), 'error');
  document.body.dataset.modellerState = 'failed';
  throw e;
});
