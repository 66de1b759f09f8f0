// Turns what a user command changed on the canvas into the operations of
// POST /api/models/{m}/views/{v}/edits. The canvas is compared with the state the server has (or
// will have once the queue is saved): a snapshot per node and connection, by id. Undo and redo are
// compared the same way, so they save like any other command.

/** The view-level snapshot of a node shape: what the server stores of it. */
export function nodeSnapshot(shape, rootId) {
  const e = shape.eams;
  return {
    t: 'n',
    id: shape.id,
    kind: e.kind,
    elementId: e.elementId || '',
    parentId: shape.parent && shape.parent.id !== rootId ? shape.parent.id : '',
    x: Math.round(shape.x),
    y: Math.round(shape.y),
    w: Math.round(shape.width),
    h: Math.round(shape.height),
    label: e.label || '',
    labelEn: e.labelEn || '',
    style: JSON.stringify(e.style || {}),
  };
}

/** The view-level snapshot of a connection: its nodes and bendpoints. */
export function connectionSnapshot(connection) {
  const inner = connection.waypoints.slice(1, -1).map((p) => [Math.round(p.x), Math.round(p.y)]);
  return {
    t: 'c',
    id: connection.id,
    relationshipId: connection.eams.relationshipId || '',
    sourceId: connection.source.id,
    targetId: connection.target.id,
    bendpoints: JSON.stringify(inner),
    style: JSON.stringify(connection.eams.style || {}),
  };
}

/** Snapshots of every node and connection of a diagram, by id. */
export function snapshotAll(elementRegistry, rootId) {
  const all = new Map();
  elementRegistry.forEach((e) => {
    if (!e.eams) {
      return;
    }
    all.set(e.id, e.waypoints ? connectionSnapshot(e) : nodeSnapshot(e, rootId));
  });
  return all;
}

/** Snapshots of the given diagram objects only (those still on the canvas), by id. */
export function snapshotOf(elementRegistry, ids, rootId) {
  const some = new Map();
  for (const id of ids) {
    const e = elementRegistry.get(id);
    if (e && e.eams) {
      some.set(id, e.waypoints ? connectionSnapshot(e) : nodeSnapshot(e, rootId));
    }
  }
  return some;
}

const NODE_FIELDS = ['parentId', 'x', 'y', 'w', 'h', 'label', 'labelEn', 'style'];

function nodeValue(snapshot, field) {
  return field === 'style' ? JSON.parse(snapshot.style) : snapshot[field];
}

function bendpointsOf(snapshot) {
  return JSON.parse(snapshot.bendpoints).map(([x, y]) => ({ x, y }));
}

/** How deep a node is (for parents-first order), by the parent ids in a snapshot map. */
function depthIn(map, snapshot) {
  let d = 0;
  let p = snapshot.parentId ? map.get(snapshot.parentId) : null;
  while (p && d < 100) {
    d += 1;
    p = p.parentId ? map.get(p.parentId) : null;
  }
  return d;
}

/**
 * The operations from snapshot `before` to snapshot `after`. `concepts` tells which elements and
 * relationships the server has (`hasElement(id)`, `hasRelationship(id)`) and gives the data of new
 * ones (`element(id)`, `relationship(id)`); `wire` shapes bendpoints and relationship ends for the
 * API. Answers {ops, nestings, createdElements, createdRelationships, touched}; versions are left
 * out (the queue adds them when it sends). Removing a node removes its nested nodes and the
 * connections touching them on the server, so those are not listed again.
 */
export function diff(before, after, concepts, wire) {
  const removedConnections = [];
  const addedNodes = [];
  const updatedNodes = [];
  const removedNodes = [];
  const addedConnections = [];
  const updatedConnections = [];
  const nestings = [];
  const createdElements = [];
  const createdRelationships = [];
  const touched = new Set();
  for (const [id, old] of before) {
    if (!after.has(id)) {
      touched.add(id);
      if (old.t === 'n') {
        if (!(old.parentId && before.has(old.parentId) && !after.has(old.parentId))) {
          removedNodes.push(old);
        }
      } else {
        const endGone = [old.sourceId, old.targetId].some((n) => before.has(n) && !after.has(n));
        if (!endGone) {
          removedConnections.push(old);
        }
      }
    }
  }
  for (const [id, now] of after) {
    const old = before.get(id);
    if (old && old.t === now.t && (old.t === 'c' || old.kind === now.kind) && !(old.t === 'n' && old.elementId !== now.elementId)) {
      if (now.t === 'n') {
        const fields = NODE_FIELDS.filter((f) => old[f] !== now[f]);
        if (fields.length) {
          touched.add(id);
          updatedNodes.push({ now, fields });
          if (fields.includes('parentId') && now.kind === 'element' && now.parentId) {
            nestings.push({ parentId: now.parentId, childId: id });
          }
        }
      } else {
        const fields = ['sourceId', 'targetId', 'bendpoints', 'style'].filter((f) => old[f] !== now[f]);
        if (fields.length) {
          touched.add(id);
          updatedConnections.push({ now, fields });
        }
      }
      continue;
    }
    touched.add(id);
    if (now.t === 'n') {
      addedNodes.push(now);
      if (now.kind === 'element' && now.parentId) {
        nestings.push({ parentId: now.parentId, childId: id });
      }
    } else {
      addedConnections.push(now);
    }
  }
  const ops = [];
  for (const c of removedConnections) {
    ops.push({ op: 'removeConnection', id: c.id });
  }
  addedNodes.sort((a, b) => depthIn(after, a) - depthIn(after, b));
  for (const n of addedNodes) {
    const geometry = { id: n.id, parentId: n.parentId, x: n.x, y: n.y, w: n.w, h: n.h };
    if (n.kind === 'element' && !concepts.hasElement(n.elementId)) {
      const e = concepts.element(n.elementId);
      const element = { id: n.elementId, type: e.type, name: e.name };
      if (e.nameEn) {
        element.nameEn = e.nameEn;
      }
      if (e.documentation) {
        element.documentation = e.documentation;
      }
      ops.push({ op: 'createElement', element, node: geometry });
      createdElements.push(n.elementId);
      continue;
    }
    const node = { ...geometry, kind: n.kind };
    if (n.kind === 'element') {
      node.elementId = n.elementId;
    } else {
      node.label = n.label;
      if (n.labelEn) {
        node.labelEn = n.labelEn;
      }
    }
    const style = JSON.parse(n.style);
    if (Object.keys(style).length) {
      node.style = style;
    }
    ops.push({ op: 'addNode', node });
  }
  for (const { now, fields } of updatedNodes) {
    const node = { id: now.id };
    for (const f of fields) {
      node[f] = nodeValue(now, f);
    }
    ops.push({ op: 'updateNode', node });
  }
  removedNodes.sort((a, b) => depthIn(before, a) - depthIn(before, b));
  for (const n of removedNodes) {
    ops.push({ op: 'removeNode', id: n.id });
  }
  for (const c of addedConnections) {
    const connection = { id: c.id, sourceId: c.sourceId, targetId: c.targetId, bendpoints: wire.bendpoints(bendpointsOf(c)) };
    if (c.relationshipId && !concepts.hasRelationship(c.relationshipId)) {
      const r = concepts.relationship(c.relationshipId);
      ops.push({ op: 'createRelationship', relationship: wire.relationship({ id: r.id, type: r.type, sourceId: r.sourceId, targetId: r.targetId }), connection });
      createdRelationships.push(c.relationshipId);
      continue;
    }
    connection.relationshipId = c.relationshipId;
    const style = JSON.parse(c.style);
    if (Object.keys(style).length) {
      connection.style = style;
    }
    ops.push({ op: 'addConnection', connection });
  }
  for (const { now, fields } of updatedConnections) {
    const connection = { id: now.id };
    for (const f of fields) {
      if (f === 'bendpoints') {
        connection.bendpoints = wire.bendpoints(bendpointsOf(now));
      } else if (f === 'style') {
        connection.style = JSON.parse(now.style);
      } else {
        connection[f] = now[f];
      }
    }
    ops.push({ op: 'updateConnection', connection });
  }
  return { ops, nestings, createdElements, createdRelationships, touched };
}

/** The operations with the versions the client knows now (updates and removals carry them). */
export function withVersions(ops, versions) {
  return ops.map((op) => {
    if (op.op === 'updateNode' && versions.has(op.node.id)) {
      return { ...op, node: { ...op.node, version: versions.get(op.node.id) } };
    }
    if (op.op === 'updateConnection' && versions.has(op.connection.id)) {
      return { ...op, connection: { ...op.connection, version: versions.get(op.connection.id) } };
    }
    if ((op.op === 'removeNode' || op.op === 'removeConnection') && versions.has(op.id)) {
      return { ...op, version: versions.get(op.id) };
    }
    return op;
  });
}

/**
 * The wire format of the edits: bendpoints as [x, y] pairs; a new relationship's ends as
 * sourceId/targetId, as the relationships API has them.
 */
export const WIRE = {
  bendpoints: (points) => points.map((p) => [Math.round(p.x), Math.round(p.y)]),
  relationship: ({ id, type, sourceId, targetId }) => ({ id, type, sourceId, targetId }),
};
