// Applies changes made elsewhere (other users' edits, the server's current state after a conflict)
// to the canvas without going through the command stack: they are not the user's to undo.
import { readBendpoints, waypointsOf } from './notation.js';
import { connectionAttrs, parentsFirst, shapeAttrs } from './view-data.js';

function removeFrom(list, item) {
  const i = list.indexOf(item);
  if (i >= 0) {
    list.splice(i, 1);
  }
}

/** The applier of others' changes to a diagram: edits of the view, changed or deleted concepts. */
export function createRemote(diagram, state) {
  const canvas = diagram.get('canvas');
  const registry = diagram.get('elementRegistry');
  const factory = diagram.get('elementFactory');
  const eventBus = diagram.get('eventBus');

  function removeConnection(connection) {
    if (registry.get(connection.id)) {
      canvas.removeConnection(connection);
    }
    state.versions.delete(connection.id);
  }

  function removeShape(shape) {
    for (const c of [...shape.incoming, ...shape.outgoing]) {
      removeConnection(c);
    }
    for (const child of [...(shape.children || [])]) {
      if (child.waypoints) {
        removeConnection(child);
      } else {
        removeShape(child);
      }
    }
    if (registry.get(shape.id)) {
      canvas.removeShape(shape);
    }
    state.versions.delete(shape.id);
  }

  function relayout(connection, bendpoints) {
    const inner = bendpoints || connection.waypoints.slice(1, -1);
    connection.waypoints = waypointsOf(connection.source, connection.target, inner);
  }

  function upsertNode(node, changed) {
    const root = canvas.getRootElement();
    const parent = (node.parentId && registry.get(node.parentId)) || root;
    const shape = registry.get(node.id);
    if (!shape) {
      canvas.addShape(factory.createShape(shapeAttrs(state, node)), parent);
      state.versions.set(node.id, node.version);
      return;
    }
    const attrs = shapeAttrs(state, node);
    Object.assign(shape, { x: attrs.x, y: attrs.y, width: attrs.width, height: attrs.height });
    shape.eams = { ...shape.eams, ...attrs.eams, type: attrs.eams.type || shape.eams.type };
    if (shape.parent !== parent) {
      removeFrom(shape.parent.children, shape);
      parent.children.push(shape);
      shape.parent = parent;
    }
    changed.add(shape);
    // nested nodes keep their own absolute positions (the server moves them with their own updates)
    for (const c of [...shape.incoming, ...shape.outgoing]) {
      relayout(c);
      changed.add(c);
    }
    state.versions.set(node.id, node.version);
  }

  function upsertConnection(connection, changed) {
    const source = registry.get(connection.sourceId);
    const target = registry.get(connection.targetId);
    const existing = registry.get(connection.id);
    if (!source || !target) {
      if (existing) {
        removeConnection(existing);
      }
      return;
    }
    if (!existing) {
      canvas.addConnection(factory.createConnection(connectionAttrs(state, connection, source, target)), canvas.getRootElement());
      state.versions.set(connection.id, connection.version);
      return;
    }
    if (existing.source !== source) {
      removeFrom(existing.source.outgoing, existing);
      source.outgoing.push(existing);
      existing.source = source;
    }
    if (existing.target !== target) {
      removeFrom(existing.target.incoming, existing);
      target.incoming.push(existing);
      existing.target = target;
    }
    existing.eams = { ...existing.eams, relationshipId: connection.relationshipId || '', style: connection.style || {} };
    relayout(existing, readBendpoints(connection.bendpoints));
    changed.add(existing);
    state.versions.set(connection.id, connection.version);
  }

  /**
   * Applies edits [{op: upsertNode|removeNode|upsertConnection|removeConnection, ...}]. Answers the
   * ids touched.
   */
  function apply(edits) {
    const changed = new Set();
    const touched = new Set();
    const nodes = edits.filter((e) => e.op === 'upsertNode').map((e) => e.node);
    for (const edit of edits) {
      if (edit.op === 'removeConnection') {
        const c = registry.get(edit.id);
        if (c) {
          removeConnection(c);
        }
        touched.add(edit.id);
      }
    }
    for (const node of parentsFirst(nodes)) {
      upsertNode(node, changed);
      touched.add(node.id);
    }
    for (const edit of edits) {
      if (edit.op === 'removeNode') {
        const s = registry.get(edit.id);
        if (s) {
          removeShape(s);
        }
        touched.add(edit.id);
      }
    }
    for (const edit of edits) {
      if (edit.op === 'upsertConnection') {
        upsertConnection(edit.connection, changed);
        touched.add(edit.connection.id);
      }
    }
    const live = [...changed].filter((e) => registry.get(e.id));
    if (live.length) {
      eventBus.fire('elements.changed', { elements: live });
    }
    return touched;
  }

  /** Redraws every shape showing one of these elements, and connections of these relationships. */
  function redrawConcepts(elementIds, relationshipIds) {
    const elements = registry.filter(
      (e) => e.eams && ((e.eams.elementId && elementIds.has(e.eams.elementId)) || (e.eams.relationshipId && relationshipIds.has(e.eams.relationshipId))),
    );
    if (elements.length) {
      eventBus.fire('elements.changed', { elements });
    }
    return elements;
  }

  /** Removes every shape showing a deleted element, and the connections of a deleted relationship. */
  function removeConcept(kind, id) {
    const gone = registry.filter((e) => e.eams && (kind === 'element' ? e.eams.elementId === id : e.eams.relationshipId === id));
    const touched = new Set();
    for (const e of gone) {
      if (!registry.get(e.id)) {
        continue;
      }
      touched.add(e.id);
      if (e.waypoints) {
        removeConnection(e);
      } else {
        for (const c of [...e.incoming, ...e.outgoing]) {
          touched.add(c.id);
        }
        removeShape(e);
      }
    }
    return touched;
  }

  return { apply, redrawConcepts, removeConcept };
}
