// Saves every user command at once: after each command (undo and redo too) the canvas is compared
// with what the server has, the differences become one POST …/edits, and the requests go out one
// after the other. A conflict (409) asks the user whose version to keep; a refusal (422) takes the
// command back and says why; a network failure keeps the edit and retries until it is saved.
import { el } from '../dom.js';
import { call, problemText } from './http.js';
import { newId } from './layout.js';
import { NESTING_CREATE } from './metamodel.js';
import { localName, typeLabel, typeNamed } from './notation.js';
import { WIRE, diff, snapshotAll, snapshotOf, withVersions } from './ops.js';
import { elementTypeOf, nestingRelationship } from './rules.js';
import { conflictDialog } from './ui.js';
import { importView } from './view-data.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts saving the commands of `diagram`; answers the saver. */
export function createSaver(context) {
  const { diagram, state, urls, messages, t, metamodel, remote } = context;
  const texts = state.texts;
  const canvas = diagram.get('canvas');
  const registry = diagram.get('elementRegistry');
  const commandStack = diagram.get('commandStack');
  const eventBus = diagram.get('eventBus');
  const rootId = () => canvas.getRootElement().id;

  let saved = snapshotAll(registry, rootId());
  let suppress = false;
  let busy = false;
  let reloadWhenIdle = false;
  // edits wait for the network or the server to come back
  let waiting = false;
  const queue = [];
  const ownSeqs = new Set();
  const idleWaiters = [];
  // ids the commands still on the undo stack changed: others' edits to them make the stack stale
  let undoTouched = new Set();

  const concepts = {
    hasElement: (id) => state.serverElements.has(id),
    hasRelationship: (id) => state.serverRelationships.has(id),
    element: (id) => state.elements.get(id),
    relationship: (id) => state.relationships.get(id),
  };

  function setSaving(on) {
    document.body.dataset.saving = on ? 'true' : 'false';
  }
  setSaving(false);

  function topActionId() {
    const entry = commandStack._stack[commandStack._stackIdx];
    return entry ? entry.id : null;
  }

  function redoableActionId() {
    const entry = commandStack._stack[commandStack._stackIdx + 1];
    return entry ? entry.id : null;
  }

  eventBus.on('commandStack.changed', (event) => {
    const next = snapshotAll(registry, rootId());
    if (event.trigger === 'clear') {
      undoTouched = new Set();
    }
    if (suppress) {
      saved = next;
      return;
    }
    const batch = diff(saved, next, concepts, WIRE);
    saved = next;
    if (!batch.ops.length && !batch.nestings.length) {
      return;
    }
    batch.touched.forEach((id) => undoTouched.add(id));
    batch.createdElements.forEach((id) => state.serverElements.add(id));
    batch.createdRelationships.forEach((id) => state.serverRelationships.add(id));
    batch.trigger = event.trigger;
    // the action this batch saves: the top of the stack, or after an undo the one just undone
    batch.actionId = event.trigger === 'undo' ? redoableActionId() : topActionId();
    batch.extra = [];
    queue.push(batch);
    pump();
  });

  /** Takes the last command back without saving that (after the server refused it). */
  function revertLocally(batch) {
    batch.createdElements.forEach((id) => state.serverElements.delete(id));
    batch.createdRelationships.forEach((id) => state.serverRelationships.delete(id));
    batch.extra.forEach((op) => op.relationship && state.serverRelationships.delete(op.relationship.id));
    const latest = queue.length === 0 && topActionId() === batch.actionId;
    const undone = batch.trigger === 'undo';
    if (latest && !undone && commandStack.canUndo()) {
      suppress = true;
      try {
        commandStack.undo();
      } finally {
        suppress = false;
      }
      return;
    }
    if (queue.length === 0 && undone && redoableActionId() === batch.actionId) {
      suppress = true;
      try {
        commandStack.redo();
      } finally {
        suppress = false;
      }
      return;
    }
    reloadWhenIdle = true;
  }

  /** Reads the view again and draws it anew (after a refusal that can't be undone alone). */
  async function reload() {
    const answer = await call('GET', urls.view);
    if (!answer.ok) {
      messages.show(t('load_failed', problemText(answer.problem) || answer.status), 'error');
      return;
    }
    const viewbox = canvas.viewbox();
    suppress = true;
    try {
      diagram.clear();
      state.versions.clear();
      importView(diagram, state, answer.data);
      commandStack.clear();
    } finally {
      suppress = false;
    }
    saved = snapshotAll(registry, rootId());
    canvas.viewbox(viewbox);
    eventBus.fire('eams.reloaded');
  }

  /** Adds the relationships that nesting needs (reused when one exists, else created). */
  async function prepareNestings(batch) {
    for (const { parentId, childId } of batch.nestings) {
      const parent = registry.get(parentId);
      const child = registry.get(childId);
      if (!parent || !child || child.parent !== parent || parent.eams.kind !== 'element') {
        continue;
      }
      const parentElement = parent.eams.elementId;
      const childElement = child.eams.elementId;
      if (nestingRelationship(state, parentElement, childElement)) {
        continue;
      }
      const existing = await call('GET', `${urls.relationships}?source=${encodeURIComponent(parentElement)}&target=${encodeURIComponent(childElement)}&limit=50`);
      if (existing.ok && existing.data && Array.isArray(existing.data.items)) {
        existing.data.items.forEach((r) => {
          state.relationships.set(r.id, r);
          state.serverRelationships.add(r.id);
        });
        if (nestingRelationship(state, parentElement, childElement)) {
          continue;
        }
      }
      const parentType = elementTypeOf(state, parent);
      const childType = elementTypeOf(state, child);
      const allowed = (await metamodel.allowed(parentType, childType)) || [];
      const type = NESTING_CREATE.find((x) => allowed.includes(x));
      if (!type) {
        return { refused: t('nesting_refused', typeNamed(state.notation, childType, state.lang), typeNamed(state.notation, parentType, state.lang)) };
      }
      const relationship = { id: newId(), type, sourceId: parentElement, targetId: childElement };
      state.relationships.set(relationship.id, relationship);
      state.serverRelationships.add(relationship.id);
      batch.extra.push({ op: 'createRelationship', relationship: WIRE.relationship(relationship) });
    }
    return {};
  }

  function takeAnswer(data) {
    for (const n of data.nodes || []) {
      state.versions.set(n.id, n.version);
    }
    for (const c of data.connections || []) {
      state.versions.set(c.id, c.version);
    }
    for (const id of [...(data.removedNodes || []), ...(data.removedConnections || [])]) {
      state.versions.delete(id);
    }
    for (const [id, e] of Object.entries(data.elements || {})) {
      state.elements.set(id, e);
      state.serverElements.add(id);
    }
    for (const [id, r] of Object.entries(data.relationships || {})) {
      state.relationships.set(id, r);
      state.serverRelationships.add(id);
    }
    if (data.version !== undefined && state.view) {
      state.view.version = data.version;
    }
    if (data.seq !== undefined) {
      ownSeqs.add(Number(data.seq));
      state.lastSeq = Math.max(state.lastSeq, Number(data.seq));
    }
  }

  async function pump() {
    if (busy) {
      return;
    }
    busy = true;
    setSaving(true);
    let delay = 1000;
    try {
      while (queue.length) {
        const batch = queue[0];
        if (!batch.prepared) {
          const prepared = await prepareNestings(batch);
          if (prepared.refused) {
            queue.shift();
            revertLocally(batch);
            messages.show(prepared.refused, 'error');
            continue;
          }
          batch.prepared = true;
        }
        const operations = withVersions([...batch.ops, ...batch.extra], state.versions);
        if (!operations.length) {
          queue.shift();
          continue;
        }
        const answer = await call('POST', urls.edits, { body: { operations } });
        if (answer.ok) {
          waiting = false;
          queue.shift();
          takeAnswer(answer.data || {});
          if (delay > 1000) {
            messages.show(t('saved_again'), 'info');
          }
          delay = 1000;
          continue;
        }
        const status = answer.status;
        if (status === 409 && answer.problem && (answer.problem.current || (answer.problem.errors || []).some((e) => e.id))) {
          const keepMine = await resolveConflict(batch, answer.problem);
          if (!keepMine) {
            queue.shift();
          }
          continue;
        }
        if (status === 0 || status >= 500 || status === 401 || status === 403 || status === 408 || status === 429) {
          const key = status === 0 ? 'offline' : status === 401 || status === 403 ? 'save_unauthorised' : 'save_retrying';
          messages.show(t(key, Math.round(delay / 1000)), 'warning');
          waiting = true;
          await sleep(delay);
          delay = Math.min(delay * 2, 30000);
          continue;
        }
        // 400, 404, 409 without detail, 422: the server refuses the edit
        queue.shift();
        revertLocally(batch);
        if (status === 404) {
          eventBus.fire('eams.viewGone');
        } else {
          messages.show(t('save_refused', problemText(answer.problem) || status), 'error');
        }
      }
      if (reloadWhenIdle) {
        reloadWhenIdle = false;
        await reload();
      }
    } finally {
      busy = false;
      setSaving(false);
      idleWaiters.splice(0).forEach((fn) => fn());
    }
  }

  function describe(id) {
    const shape = registry.get(id);
    if (!shape || !shape.eams) {
      return id;
    }
    if (shape.waypoints) {
      const r = state.relationships.get(shape.eams.relationshipId);
      return r ? typeLabel(state.notation, r.type, state.lang) : t('line');
    }
    if (shape.eams.kind === 'element') {
      const e = state.elements.get(shape.eams.elementId);
      return e ? localName(e.name, e.nameEn, state.lang) : id;
    }
    return localName(shape.eams.label, shape.eams.labelEn, state.lang) || t(shape.eams.kind);
  }

  function show(value) {
    if (value === undefined || value === null) {
      return '—';
    }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  /** Field by field, mine and theirs, for the objects the server says are stale. */
  function conflictRows(batch, problem) {
    const current = problem.current || {};
    const theirs = new Map();
    for (const n of current.nodes || []) {
      theirs.set(n.id, n);
    }
    for (const c of current.connections || []) {
      theirs.set(c.id, c);
    }
    const ids = new Set([...(problem.errors || []).map((e) => e.id).filter(Boolean), ...theirs.keys()]);
    const rows = [];
    for (const op of batch.ops) {
      const mine = op.node || op.connection || (op.id ? { id: op.id, removed: true } : null);
      if (!mine || !ids.has(mine.id)) {
        continue;
      }
      const other = theirs.get(mine.id);
      if (mine.removed) {
        rows.push({ what: describe(mine.id), field: t('field_removed'), mine: t('removed'), theirs: other ? t('changed') : t('removed') });
        continue;
      }
      for (const [field, value] of Object.entries(mine)) {
        if (field === 'id' || field === 'version') {
          continue;
        }
        const label = texts[`field_${field}`] === undefined ? field : t(`field_${field}`);
        rows.push({ what: describe(mine.id), field: label, mine: show(value), theirs: other ? show(other[field]) : t('removed') });
      }
    }
    return { rows, theirs, ids };
  }

  /** Shows the conflict dialog; resolves true to send mine again, false after taking theirs. */
  function resolveConflict(batch, problem) {
    const { rows, theirs, ids } = conflictRows(batch, problem);
    return new Promise((resolve) => {
      let dialog = null;
      const takeTheirs = async () => {
        dialog.close();
        const edits = [];
        for (const id of ids) {
          const other = theirs.get(id);
          if (other && other.sourceId !== undefined) {
            edits.push({ op: 'upsertConnection', connection: other });
          } else if (other) {
            edits.push({ op: 'upsertNode', node: other });
          }
        }
        const missing = [...ids].filter((id) => !theirs.has(id));
        applyRemote(edits);
        if (missing.length) {
          await reload();
        }
        commandStack.clear();
        resolve(false);
      };
      const keepMine = () => {
        dialog.close();
        for (const [id, other] of theirs) {
          state.versions.set(id, other.version);
        }
        // what others removed cannot be changed any more: those operations are dropped
        const gone = new Set([...ids].filter((id) => !theirs.has(id)));
        if (gone.size) {
          const refersTo = (op) => op.id || (op.node && op.node.id) || (op.connection && op.connection.id);
          const touchesGone = (op) =>
            gone.has(refersTo(op)) || (op.node && gone.has(op.node.parentId)) || (op.connection && (gone.has(op.connection.sourceId) || gone.has(op.connection.targetId)));
          batch.ops = batch.ops.filter((op) => !touchesGone(op));
          applyRemote([...gone].map((id) => (registry.get(id) && registry.get(id).waypoints ? { op: 'removeConnection', id } : { op: 'removeNode', id })));
        }
        resolve(batch.ops.length > 0 || batch.extra.length > 0);
      };
      dialog = conflictDialog(t, rows, { keepTheirs: takeTheirs, keepMine });
    });
  }

  /** Applies others' edits to the canvas, not as commands; the undo history is dropped if stale. */
  function applyRemote(edits) {
    const touched = remote.apply(edits);
    // only what changed: a large view is not snapshotted whole for one box someone else moved
    const now = snapshotOf(registry, touched, rootId());
    for (const id of touched) {
      if (now.has(id)) {
        saved.set(id, now.get(id));
      } else {
        saved.delete(id);
      }
    }
    if ([...touched].some((id) => undoTouched.has(id)) && (commandStack.canUndo() || commandStack.canRedo())) {
      commandStack.clear();
      messages.show(t('undo_cleared'), 'info');
    }
    return touched;
  }

  /** Forgets what was removed by others (elements deleted from the model), without saving. */
  function forget(touched) {
    for (const id of touched) {
      saved.delete(id);
    }
    if ([...touched].some((id) => undoTouched.has(id))) {
      commandStack.clear();
    }
  }

  return {
    applyRemote,
    forget,
    reload,
    isOwnSeq: (seq) => ownSeqs.has(Number(seq)),
    get busy() {
      return busy || queue.length > 0;
    },
    /** Whether edits are kept for a server that cannot be reached now. */
    get waiting() {
      return waiting && queue.length > 0;
    },
    /** Runs `fn` once no request is in flight or waiting. */
    whenIdle(fn) {
      if (!busy && !queue.length) {
        fn();
      } else {
        idleWaiters.push(fn);
      }
    },
  };
}
