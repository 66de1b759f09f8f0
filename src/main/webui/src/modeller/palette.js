// The palette (element types by layer, limited to the view's viewpoint, then group and note and the
// tools) and the context pad (connect, remove from view) of the editor.
import { newId } from './layout.js';
import { typeLabel } from './notation.js';

function escapeXml(text) {
  return String(text).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A small picture of an element type (box in its colour with its icon) as a data: URL. */
export function typeImage(notation, type) {
  const info = notation.types[type] || {};
  const body = info.junction
    ? `<circle cx="14" cy="11" r="6" fill="${type === 'AndJunction' ? '#000' : '#fff'}" stroke="#000"/>`
    : `<rect x="0.5" y="0.5" width="27" height="21" rx="${Math.min(info.corner || 0, 6)}" fill="${escapeXml(info.fill || '#fff')}" stroke="#333"/>` +
      `<g transform="translate(5,4)" fill="none" stroke="#000">${info.icon || ''}</g>`;
  const svgText = `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="22" viewBox="0 0 28 22">${body}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
}

const GROUP_IMAGE = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="22"><rect x="1" y="1" width="26" height="20" fill="#f7f7f7" stroke="#555" stroke-dasharray="4 2"/></svg>',
)}`;
const NOTE_IMAGE = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="22"><path d="M1,1 h20 l6,6 v14 h-26 z" fill="#fff" stroke="#555"/><path d="M5,8 h14 M5,12 h16 M5,16 h10" stroke="#999"/></svg>',
)}`;

const icon = (body) =>
  `<svg width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.5" aria-hidden="true">${body}</svg>`;
const HAND_ICON = icon('<path d="M6 11V5.5a1.2 1.2 0 0 1 2.4 0V10M8.4 9.5V4a1.2 1.2 0 0 1 2.4 0v5.5M10.8 9.5V5a1.2 1.2 0 0 1 2.4 0v5M13.2 10V7.5a1.2 1.2 0 0 1 2.4 0V13a5 5 0 0 1-5 5h-1a5 5 0 0 1-4.2-2.3L3.5 12.5a1.2 1.2 0 0 1 2-1.3L6 12"/>');
const LASSO_ICON = icon('<rect x="3" y="4" width="14" height="11" stroke-dasharray="2.5 2"/>');
const CONNECT_ICON = icon('<circle cx="4.5" cy="15.5" r="2"/><path d="M6 14 L15.5 4.5 M10.5 4.5 h5 v5"/>');

const ENTRY_HTML = '<div class="entry" draggable="true" tabindex="0"></div>';

/** The element types the palette offers, by layer, limited to the viewpoint's types when set. */
export function paletteLayers(notation) {
  const only = notation.viewpoint && Array.isArray(notation.viewpoint.elementTypes) && notation.viewpoint.elementTypes.length
    ? new Set(notation.viewpoint.elementTypes)
    : null;
  return (notation.layers || [])
    .map((layer) => ({ ...layer, types: (layer.types || []).filter((t) => notation.types[t] && (!only || only.has(t))) }))
    .filter((layer) => layer.types.length);
}

/** A new element node of a type (and its element, kept in the state until it is saved). */
export function newElementShape(elementFactory, state, type) {
  const info = state.notation.types[type] || {};
  const elementId = newId();
  state.elements.set(elementId, {
    id: elementId,
    type,
    name: typeLabel(state.notation, type, 'vi'),
    nameEn: typeLabel(state.notation, type, 'en'),
  });
  return elementFactory.createShape({
    width: info.defaultWidth || 120,
    height: info.defaultHeight || 55,
    eams: { kind: 'element', elementId, type, label: '', labelEn: '', style: {} },
  });
}

/** A new node showing an element that the model already has. */
export function existingElementShape(elementFactory, state, element) {
  const info = state.notation.types[element.type] || {};
  if (!state.elements.has(element.id) || (state.elements.get(element.id).version || 0) <= (element.version || 0)) {
    state.elements.set(element.id, element);
  }
  state.serverElements.add(element.id);
  return elementFactory.createShape({
    width: info.defaultWidth || 120,
    height: info.defaultHeight || 55,
    eams: { kind: 'element', elementId: element.id, type: element.type, label: '', labelEn: '', style: {} },
  });
}

/** The palette's entries. */
export class ArchimatePalette {
  constructor(palette, create, elementFactory, eamsState, handTool, lassoTool, globalConnect, eamsTexts, eventBus, canvas, modeling, selection) {
    this.create = create;
    this.factory = elementFactory;
    this.state = eamsState;
    this.tools = { handTool, lassoTool, globalConnect };
    this.t = eamsTexts;
    this.makers = new Map();
    palette.registerProvider(this);
    let paletteContainer = null;
    eventBus.on('palette.create', ({ container }) => {
      paletteContainer = container;
      container.setAttribute('aria-label', eamsTexts('palette'));
      container.addEventListener('keydown', (event) => this.onKey(event, container, { canvas, modeling, selection }));
    });
    // the type names as tooltips for the mouse (diagram-js gives them to screen readers only)
    eventBus.on('palette.changed', () => {
      paletteContainer?.querySelectorAll('.entry[aria-label]').forEach((entry) => {
        entry.title = entry.getAttribute('aria-label');
      });
    });
    // boxes keep room for their label; junctions may stay small
    eventBus.on('resize.start', 1500, (event) => {
      const shape = event.context.shape;
      if (shape && shape.eams && !eamsState.isJunctionShape(shape)) {
        event.context.minDimensions = { width: 40, height: 20 };
      }
    });
  }

  /** Keyboard use: arrows move between entries, Enter or Space adds the type at the view's centre. */
  onKey(event, container, { canvas, modeling, selection }) {
    const entries = [...container.querySelectorAll('.entry[data-action]')];
    const i = entries.indexOf(event.target);
    if (i < 0) {
      return;
    }
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 5, ArrowUp: -5 }[event.key];
    if (step) {
      event.preventDefault();
      entries[Math.max(0, Math.min(entries.length - 1, i + step))].focus();
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') {
      return;
    }
    event.preventDefault();
    const make = this.makers.get(event.target.dataset.action);
    if (!make) {
      event.target.click();
      return;
    }
    const box = canvas.viewbox();
    const shape = modeling.createShape(make(), { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) }, canvas.getRootElement());
    selection.select(shape);
    canvas.focus();
  }

  getPaletteEntries() {
    const { state, create, factory, t } = this;
    const entries = {
      'hand-tool': {
        group: 'tools',
        className: 'eams-palette-tool',
        html: `<div class="entry" role="button" tabindex="0">${HAND_ICON}</div>`,
        title: t('tool_hand'),
        action: { click: (event) => this.tools.handTool.activateHand(event) },
      },
      'lasso-tool': {
        group: 'tools',
        html: `<div class="entry" role="button" tabindex="0">${LASSO_ICON}</div>`,
        title: t('tool_lasso'),
        action: { click: (event) => this.tools.lassoTool.activateSelection(event) },
      },
      'global-connect-tool': {
        group: 'tools',
        html: `<div class="entry" role="button" tabindex="0">${CONNECT_ICON}</div>`,
        title: t('tool_connect'),
        action: { click: (event) => this.tools.globalConnect.start(event) },
      },
    };
    const start = (make) => (event) => create.start(event, make());
    for (const layer of paletteLayers(state.notation)) {
      for (const type of layer.types) {
        const make = () => newElementShape(factory, state, type);
        this.makers.set(`create.${type}`, make);
        entries[`create.${type}`] = {
          group: `layer-${layer.id}`,
          html: ENTRY_HTML,
          imageUrl: typeImage(state.notation, type),
          title: typeLabel(state.notation, type, state.lang),
          action: { click: start(make), dragstart: start(make) },
        };
      }
    }
    const makeGroup = () =>
      factory.createShape({ width: 300, height: 200, eams: { kind: 'group', elementId: '', label: t('new_group'), labelEn: '', style: {} } });
    const makeNote = () =>
      factory.createShape({ width: 185, height: 80, eams: { kind: 'note', elementId: '', label: '', labelEn: '', style: {} } });
    this.makers.set('create.group', makeGroup);
    this.makers.set('create.note', makeNote);
    entries['create.group'] = { group: 'other', html: ENTRY_HTML, imageUrl: GROUP_IMAGE, title: t('group'), action: { click: start(makeGroup), dragstart: start(makeGroup) } };
    entries['create.note'] = { group: 'other', html: ENTRY_HTML, imageUrl: NOTE_IMAGE, title: t('note'), action: { click: start(makeNote), dragstart: start(makeNote) } };
    return entries;
  }
}

ArchimatePalette.$inject = ['palette', 'create', 'elementFactory', 'eamsState', 'handTool', 'lassoTool', 'globalConnect', 'eamsTexts', 'eventBus', 'canvas', 'modeling', 'selection'];

const ALIGN = [
  ['left', '⇤'],
  ['center', '↔'],
  ['right', '⇥'],
  ['top', '⤒'],
  ['middle', '↕'],
  ['bottom', '⤓'],
];

/** The context pad: connect (nodes), remove from the view; align and distribute for several. */
export class ArchimateContextPad {
  constructor(contextPad, connect, modeling, eamsTexts, alignElements, distributeElements) {
    this.connect = connect;
    this.modeling = modeling;
    this.t = eamsTexts;
    this.align = alignElements;
    this.distribute = distributeElements;
    contextPad.registerProvider(this);
  }

  getMultiElementContextPadEntries(elements) {
    const { t } = this;
    const nodes = elements.filter((e) => e.eams && !e.waypoints);
    const entries = {};
    if (nodes.length >= 2) {
      for (const [type, glyph] of ALIGN) {
        entries[`align-${type}`] = {
          group: 'align',
          html: `<div class="entry" role="button">${glyph}</div>`,
          title: t(`align_${type}`),
          action: { click: () => this.align.trigger(nodes, type) },
        };
      }
    }
    if (nodes.length >= 3) {
      entries['distribute-horizontal'] = {
        group: 'distribute',
        html: '<div class="entry" role="button">⋯</div>',
        title: t('distribute_horizontal'),
        action: { click: () => this.distribute.trigger(nodes, 'horizontal') },
      };
      entries['distribute-vertical'] = {
        group: 'distribute',
        html: '<div class="entry" role="button">⋮</div>',
        title: t('distribute_vertical'),
        action: { click: () => this.distribute.trigger(nodes, 'vertical') },
      };
    }
    entries.delete = {
      group: 'edit',
      html: '<div class="entry" role="button">✕</div>',
      title: t('remove_from_view'),
      action: { click: () => this.modeling.removeElements(elements.slice()) },
    };
    return entries;
  }

  getContextPadEntries(element) {
    const entries = {};
    const { t } = this;
    if (!element.waypoints && element.eams && element.eams.kind !== 'group') {
      entries.connect = {
        group: 'connect',
        html: '<div class="entry" role="button" draggable="true">↗</div>',
        title: t('connect'),
        action: {
          click: (event, target) => this.connect.start(event, target, true),
          dragstart: (event, target) => this.connect.start(event, target),
        },
      };
    }
    entries.delete = {
      group: 'edit',
      html: '<div class="entry" role="button">✕</div>',
      title: t('remove_from_view'),
      action: { click: (event, target) => this.modeling.removeElements([target]) },
    };
    return entries;
  }
}

ArchimateContextPad.$inject = ['contextPad', 'connect', 'modeling', 'eamsTexts', 'alignElements', 'distributeElements'];
