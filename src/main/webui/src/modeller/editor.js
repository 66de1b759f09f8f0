// The editor of the modeller page, loaded only in edit mode: diagram-js's editing features with our
// rules, palette and context pad; connecting through the relationship chooser; saving every
// command; live updates and presence; the model tree and the properties panel; delete from model.
import AlignElementsModule from 'diagram-js/lib/features/align-elements';
import AutoScrollModule from 'diagram-js/lib/features/auto-scroll';
import BendpointsModule from 'diagram-js/lib/features/bendpoints';
import ConnectModule from 'diagram-js/lib/features/connect';
import ConnectPreviewModule from 'diagram-js/lib/features/connection-preview';
import ContextPadModule from 'diagram-js/lib/features/context-pad';
import CopyPasteModule from 'diagram-js/lib/features/copy-paste';
import CreateModule from 'diagram-js/lib/features/create';
import DistributeElementsModule from 'diagram-js/lib/features/distribute-elements';
import EditorActionsModule from 'diagram-js/lib/features/editor-actions';
import GlobalConnectModule from 'diagram-js/lib/features/global-connect';
import HandToolModule from 'diagram-js/lib/features/hand-tool';
import KeyboardModule from 'diagram-js/lib/features/keyboard';
import KeyboardMoveSelectionModule from 'diagram-js/lib/features/keyboard-move-selection';
import LassoToolModule from 'diagram-js/lib/features/lasso-tool';
import ModelingModule from 'diagram-js/lib/features/modeling';
import MoveModule from 'diagram-js/lib/features/move';
import OutlineModule from 'diagram-js/lib/features/outline';
import PaletteModule from 'diagram-js/lib/features/palette';
import ResizeModule from 'diagram-js/lib/features/resize';
import RulesModule from 'diagram-js/lib/features/rules';
import SelectionModule from 'diagram-js/lib/features/selection';
import SnappingModule from 'diagram-js/lib/features/snapping';
import { el } from '../dom.js';
import { LayoutHandler, computeLayout, layoutTargets } from './auto-layout.js';
import { call, problemText } from './http.js';
import { newId } from './layout.js';
import { followChanges, showPresence } from './live.js';
import { createMetamodel } from './metamodel.js';
import { localName, typeLabel, typeNamed } from './notation.js';
import { ArchimateContextPad, ArchimatePalette } from './palette.js';
import { buildProperties } from './properties.js';
import { createRemote } from './remote.js';
import ArchimateRules, { elementTypeOf } from './rules.js';
import { createSaver } from './saver.js';
import { buildTree } from './tree.js';
import { choose, confirmDialog } from './ui.js';

/** Changes a group's or note's label (a view edit, so undoable like any command). */
class UpdateNodeHandler {
  execute(context) {
    context.old = context.shape.eams;
    context.shape.eams = { ...context.shape.eams, ...context.changes };
    return context.shape;
  }

  revert(context) {
    context.shape.eams = context.old;
    return context.shape;
  }
}

/** Registers our commands with the command stack. */
class ArchimateCommands {
  constructor(commandStack) {
    commandStack.registerHandler('eams.updateNode', UpdateNodeHandler);
    commandStack.registerHandler('eams.layout', LayoutHandler);
  }
}
ArchimateCommands.$inject = ['commandStack'];

/** The diagram-js modules of the editor, with the page's state and texts. */
export function modules(state, t, paths) {
  return [
    ModelingModule,
    MoveModule,
    ResizeModule,
    BendpointsModule,
    ConnectModule,
    ConnectPreviewModule,
    CreateModule,
    PaletteModule,
    ContextPadModule,
    KeyboardModule,
    KeyboardMoveSelectionModule,
    AlignElementsModule,
    DistributeElementsModule,
    LassoToolModule,
    HandToolModule,
    GlobalConnectModule,
    SelectionModule,
    OutlineModule,
    CopyPasteModule,
    EditorActionsModule,
    AutoScrollModule,
    SnappingModule,
    RulesModule,
    {
      __init__: ['archimateRules', 'archimatePalette', 'archimateContextPad', 'archimateCommands'],
      eamsTexts: ['value', t],
      eamsMetamodel: ['value', createMetamodel(paths)],
      archimateRules: ['type', ArchimateRules],
      archimatePalette: ['type', ArchimatePalette],
      archimateContextPad: ['type', ArchimateContextPad],
      archimateCommands: ['type', ArchimateCommands],
    },
  ];
}

/** A small picture of a relationship's line for the chooser. */
function lineIcon(state, type) {
  const line = state.notation.lines[type] || {};
  const svgNode = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svgNode.setAttribute('width', '40');
  svgNode.setAttribute('height', '12');
  svgNode.setAttribute('aria-hidden', 'true');
  svgNode.innerHTML = `<path d="M6,6 H34" stroke="#000" fill="none"${line.dash ? ` stroke-dasharray="${line.dash}"` : ''}${line.start ? ` marker-start="url(#${line.start})"` : ''}${line.end ? ` marker-end="url(#${line.end})"` : ''}/>`;
  return svgNode;
}

/** Connecting two elements: the chooser of the relationship types the metamodel allows. */
function connectThroughChooser(context) {
  const { diagram, state, t, messages, metamodel } = context;
  const eventBus = diagram.get('eventBus');
  const modeling = diagram.get('modeling');
  const registry = diagram.get('elementRegistry');
  eventBus.on('connect.end', 1500, (event) => {
    const { source, target, canExecute, start, hover } = event.context;
    if (!canExecute) {
      const group = [start, hover].find((e) => e && e.eams && e.eams.kind === 'group');
      if (group && start !== hover) {
        messages.show(t('connect_group'), 'error');
      }
      return;
    }
    if (!source || !target) {
      return;
    }
    if (canExecute.eamsLine) {
      modeling.connect(source, target, { eams: { relationshipId: '', type: 'Line', style: {} } });
      return false;
    }
    const original = event.originalEvent || {};
    const x = original.clientX || 100;
    const y = original.clientY || 100;
    chooseRelationship(source, target, x, y);
    return false;
  });

  async function chooseRelationship(source, target, x, y) {
    const sourceType = elementTypeOf(state, source);
    const targetType = elementTypeOf(state, target);
    const types = await metamodel.allowed(sourceType, targetType);
    const sourceLabel = typeNamed(state.notation, sourceType, state.lang);
    const targetLabel = typeNamed(state.notation, targetType, state.lang);
    if (types === null) {
      messages.show(t('allowed_failed'), 'error');
      return;
    }
    if (!types.length) {
      messages.show(t('relationship_none', sourceLabel, targetLabel), 'error');
      return;
    }
    await metamodel.load();
    const type = await choose({
      className: 'eams-rel-chooser',
      title: t('relationship_choose', sourceLabel, targetLabel),
      x,
      y,
      choices: types.map((value) => ({ value, label: metamodel.relationshipLabel(value, state.lang), icon: lineIcon(state, value) })),
    });
    if (!type || !registry.get(source.id) || !registry.get(target.id)) {
      return;
    }
    const relationship = { id: newId(), type, sourceId: source.eams.elementId, targetId: target.eams.elementId };
    state.relationships.set(relationship.id, relationship);
    const connection = modeling.connect(source, target, { eams: { relationshipId: relationship.id, type, style: {} } });
    diagram.get('selection').select(connection);
  }
}

/** Whether a key event belongs to a text field (where the diagram's shortcuts must not act). */
function inField(target) {
  return Boolean(target && target.closest && target.closest('input, textarea, select, [contenteditable], .eams-dialog, .eams-popup'));
}

/** Keys diagram-js leaves out: Ctrl+A selects all, + and - zoom; shortcuts work off the canvas too. */
function extraKeys(diagram) {
  const keyboard = diagram.get('keyboard');
  const svgRoot = diagram.get('canvas')._svg;
  // after a toolbar button or a panel item, Ctrl+Z and the like still act on the diagram
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || inField(event.target) || svgRoot.contains(event.target)) {
      return;
    }
    if (event.ctrlKey || event.metaKey || event.key === 'Delete') {
      keyboard._keyHandler(event);
    }
  });
  const canvas = diagram.get('canvas');
  const selection = diagram.get('selection');
  const registry = diagram.get('elementRegistry');
  keyboard.addListener(2000, (context) => {
    const event = context.keyEvent;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'a' || event.key === 'A')) {
      selection.select(registry.filter((e) => e.eams));
      return true;
    }
    if (!event.ctrlKey && !event.metaKey && !event.altKey && (event.key === '+' || event.key === '-' || event.key === '=')) {
      const factor = event.key === '-' ? 1 / 1.2 : 1.2;
      canvas.zoom(Math.max(0.1, Math.min(4, canvas.zoom() * factor)), 'auto');
      return true;
    }
    return undefined;
  });
}

/** Copy and paste keep what a node shows (a pasted node shows the same element). */
function copyPasteData(diagram) {
  diagram.get('eventBus').on('copyPaste.copyElement', (event) => {
    if (event.element.eams) {
      event.descriptor.eams = JSON.parse(JSON.stringify(event.element.eams));
    }
  });
}

/** The views that show the element (GET …/elements/{id}/views): what deleting it touches. */
async function viewsShowing(elementUrl) {
  const answer = await call('GET', `${elementUrl}/views`);
  return answer.ok && answer.data ? answer.data.items || [] : [];
}

/** Delete the selected element (or relationship) from the model, after an explicit confirmation. */
async function deleteFromModel(context) {
  const { diagram, state, urls, t, messages, config } = context;
  const selected = diagram.get('selection').get().filter((e) => e.eams);
  const shape = selected.length === 1 ? selected[0] : null;
  const isRelationship = shape && shape.waypoints && shape.eams.relationshipId;
  const isElement = shape && !shape.waypoints && shape.eams.kind === 'element';
  if (!isRelationship && !isElement) {
    messages.show(t('delete_choose'), 'info');
    return;
  }
  const kind = isElement ? 'element' : 'relationship';
  const id = isElement ? shape.eams.elementId : shape.eams.relationshipId;
  const concept = (isElement ? state.elements : state.relationships).get(id);
  if (!concept) {
    return;
  }
  const nameOf = (c) => (c ? localName(c.name, c.nameEn, state.lang) || c.id : '');
  const body = [];
  if (isElement) {
    body.push(el('p', { text: t('delete_element_text', nameOf(concept), typeLabel(state.notation, concept.type, state.lang)) }));
    const [out, inc, views] = await Promise.all([
      call('GET', `${urls.relationships}?source=${encodeURIComponent(id)}&limit=200`),
      call('GET', `${urls.relationships}?target=${encodeURIComponent(id)}&limit=200`),
      viewsShowing(urls.element(id)),
    ]);
    const rels = [...((out.ok && out.data.items) || []), ...((inc.ok && inc.data.items) || [])];
    body.push(el('h3', { text: t('delete_relationships', rels.length) }));
    if (rels.length) {
      body.push(
        el(
          'ul',
          {},
          rels.slice(0, 50).map((r) => {
            const other = state.elements.get(r.sourceId === id ? r.targetId : r.sourceId);
            return el('li', { text: `${context.metamodel.relationshipLabel(r.type, state.lang)} ${r.sourceId === id ? '→' : '←'} ${other ? nameOf(other) : r.sourceId === id ? r.targetId : r.sourceId}` });
          }),
        ),
      );
    }
    const others = views.filter((v) => v.id !== config.viewId);
    body.push(el('h3', { text: t('delete_views', others.length) }));
    if (others.length) {
      body.push(el('ul', {}, others.map((v) => el('li', { text: localName(v.name, v.nameEn, state.lang) }))));
    }
  } else {
    const source = state.elements.get(concept.sourceId);
    const target = state.elements.get(concept.targetId);
    body.push(el('p', { text: t('delete_relationship_text', context.metamodel.relationshipLabel(concept.type, state.lang), nameOf(source), nameOf(target)) }));
  }
  body.push(el('p', { class: 'eams-warning', text: t('delete_warning') }));
  const ok = await confirmDialog(t, { title: t('delete_title'), body, confirmLabel: t('delete_confirm'), danger: true });
  if (!ok) {
    return;
  }
  const url = isElement ? urls.element(id) : urls.relationship(id);
  const answer = await call('DELETE', url, { ifMatch: concept.version });
  if (!answer.ok) {
    messages.show(t('delete_failed', problemText(answer.problem) || answer.status), 'error');
    return;
  }
  (isElement ? state.elements : state.relationships).delete(id);
  context.saver.forget(context.remote.removeConcept(kind, id));
  diagram.get('selection').select(null);
  messages.show(t('deleted', nameOf(concept)), 'info');
}

/** Turns the page read-only (the view was deleted elsewhere). */
function readOnly(context) {
  const { diagram, frame, t, messages, state } = context;
  if (state.readOnly) {
    return;
  }
  state.readOnly = true;
  messages.show(t('view_deleted'), 'error');
  diagram.get('commandStack').clear();
  frame.frame.classList.add('eams-read-only');
  for (const panel of [frame.tree, frame.properties]) {
    panel.inert = true;
  }
  frame.toolbar.querySelectorAll('#eams-undo, #eams-redo, #eams-layout, #eams-align, #eams-delete-from-model').forEach((b) => {
    b.disabled = true;
  });
  diagram.get('palette').close?.();
  document.body.dataset.modellerState = 'read-only';
}

const ALIGNMENTS = ['left', 'center', 'right', 'top', 'middle', 'bottom'];

/** The toolbar's align and distribute menu, for the selected nodes. */
async function alignSelection(context, anchor) {
  const { diagram, t, messages } = context;
  const nodes = diagram.get('selection').get().filter((e) => e.eams && !e.waypoints);
  if (nodes.length < 2) {
    messages.show(t('align_choose'), 'info');
    return;
  }
  const choices = ALIGNMENTS.map((type) => ({ value: `align-${type}`, label: t(`align_${type}`) }));
  if (nodes.length >= 3) {
    choices.push({ value: 'distribute-horizontal', label: t('distribute_horizontal') }, { value: 'distribute-vertical', label: t('distribute_vertical') });
  }
  const rect = anchor.getBoundingClientRect();
  const chosen = await choose({ className: 'eams-align-menu', title: t('align'), x: rect.left, y: rect.bottom + 4, choices });
  if (!chosen) {
    return;
  }
  const [kind, how] = chosen.split('-');
  if (kind === 'align') {
    diagram.get('alignElements').trigger(nodes, how);
  } else {
    diagram.get('distributeElements').trigger(nodes, how);
  }
}

/** Takes in a view's new properties; a new viewpoint changes what the palette offers. */
function followViewpoint(context, view) {
  const { state, diagram } = context;
  if (!view || view.name === undefined) {
    return;
  }
  Object.assign(state.view, {
    name: view.name || '',
    nameEn: view.nameEn || '',
    documentation: view.documentation || '',
    viewpoint: view.viewpoint || '',
    version: view.version === undefined ? state.view.version : view.version,
  });
  const current = state.notation.viewpoint ? state.notation.viewpoint.id : '';
  if (current === state.view.viewpoint) {
    return;
  }
  const viewpoints = (context.metamodel.data && context.metamodel.data.viewpoints) || [];
  const vp = viewpoints.find((v) => v.id === state.view.viewpoint);
  state.notation.viewpoint = vp ? { id: vp.id, elementTypes: vp.elementTypes || [] } : null;
  diagram.get('palette')._rebuild();
}

/** Wires the editor on the page (after the first render). */
export function startEditing(context) {
  const { diagram, state, t, messages } = context;
  const commandStack = diagram.get('commandStack');
  const eventBus = diagram.get('eventBus');
  const canvas = diagram.get('canvas');
  context.metamodel = diagram.get('eamsMetamodel');
  context.remote = createRemote(diagram, state);
  context.saver = createSaver(context);
  context.updateNode = (shape, changes) => commandStack.execute('eams.updateNode', { shape, changes });
  context.metamodel.load();
  connectThroughChooser(context);
  extraKeys(diagram);
  copyPasteData(diagram);
  buildTree(context);
  buildProperties(context);
  showPresence(context);
  followChanges(context);
  eventBus.on('eams.viewGone', () => readOnly(context));
  // edits kept while the server cannot be reached: the browser asks before the page is left
  window.addEventListener('beforeunload', (event) => {
    if (context.saver.waiting) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  eventBus.on('eams.viewChanged', 1500, (event) => followViewpoint(context, event.view));

  const undo = context.frame.toolbar.querySelector('#eams-undo');
  const redo = context.frame.toolbar.querySelector('#eams-redo');
  const refresh = () => {
    undo.disabled = !commandStack.canUndo();
    redo.disabled = !commandStack.canRedo();
  };
  eventBus.on('commandStack.changed', refresh);
  refresh();

  let layingOut = false;
  context.actions = {
    align: (anchor) => alignSelection(context, anchor),
    undo: () => commandStack.undo(),
    redo: () => commandStack.redo(),
    deleteFromModel: () => deleteFromModel(context).catch((e) => messages.show(String(e.message || e), 'error')),
    layout: async () => {
      if (layingOut) {
        return;
      }
      layingOut = true;
      document.body.dataset.layout = 'running';
      try {
        const nodes = layoutTargets(diagram.get('selection').get(), canvas.getRootElement());
        if (nodes.length < 2) {
          messages.show(t('layout_nothing'), 'info');
          return;
        }
        const connections = diagram.get('elementRegistry').filter((e) => e.waypoints && e.eams);
        const { moves, connections: inside } = await computeLayout(nodes, connections);
        commandStack.execute('eams.layout', { moves, connections: inside });
      } catch (e) {
        messages.show(t('layout_failed', String(e.message || e)), 'error');
      } finally {
        layingOut = false;
        document.body.dataset.layout = 'done';
      }
    },
  };
}
