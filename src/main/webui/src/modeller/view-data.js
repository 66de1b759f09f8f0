// The page's knowledge of the view and the model concepts it shows (elements, relationships,
// versions), and the import of a view's JSON into the diagram-js canvas in one pass.
import { isJunction, readBendpoints, waypointsOf } from './notation.js';

/** The shared state of the modeller page, handed to diagram-js modules as `eamsState`. */
export function createState(config) {
  const state = {
    config,
    lang: config.lang === 'en' ? 'en' : 'vi',
    texts: config.texts || {},
    notation: config.notation,
    elements: new Map(),
    relationships: new Map(),
    versions: new Map(),
    // concepts the server has, or will have once the queued edits are saved
    serverElements: new Set(),
    serverRelationships: new Set(),
    view: null,
    lastSeq: 0,
    readOnly: config.mode !== 'edit',
    isJunctionShape(shape) {
      const spec = shape.eams;
      const element = spec.elementId ? state.elements.get(spec.elementId) : null;
      return isJunction(state.notation, element ? element.type : spec.type);
    },
  };
  return state;
}

/** Takes in the concepts of a view's (or an edit answer's) `elements` and `relationships`. */
export function rememberConcepts(state, data) {
  for (const [id, element] of Object.entries(data.elements || {})) {
    state.elements.set(id, element);
    state.serverElements.add(id);
  }
  for (const [id, relationship] of Object.entries(data.relationships || {})) {
    state.relationships.set(id, relationship);
    state.serverRelationships.add(id);
  }
}

/** The diagram-js attributes of a node of the view JSON (without parent). */
export function shapeAttrs(state, node) {
  const element = node.elementId ? state.elements.get(node.elementId) : null;
  return {
    id: node.id,
    x: node.x,
    y: node.y,
    width: node.w,
    height: node.h,
    eams: {
      kind: node.kind || 'element',
      elementId: node.elementId || '',
      type: element ? element.type : node.type || '',
      label: node.label || '',
      labelEn: node.labelEn || '',
      style: node.style || {},
    },
  };
}

/** The diagram-js attributes of a connection of the view JSON, between two shapes. */
export function connectionAttrs(state, connection, source, target) {
  const relationship = connection.relationshipId ? state.relationships.get(connection.relationshipId) : null;
  return {
    id: connection.id,
    source,
    target,
    waypoints: waypointsOf(source, target, readBendpoints(connection.bendpoints)),
    eams: {
      relationshipId: connection.relationshipId || '',
      type: relationship ? relationship.type : connection.relationshipId ? '' : 'Line',
      style: connection.style || {},
    },
  };
}

/** Nodes ordered so that every parent comes before its children. */
export function parentsFirst(nodes) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = new Map();
  const depthOf = (node) => {
    let d = depth.get(node.id);
    if (d !== undefined) {
      return d;
    }
    d = 0;
    let p = node.parentId ? byId.get(node.parentId) : null;
    const seen = new Set([node.id]);
    while (p && !seen.has(p.id)) {
      seen.add(p.id);
      d += 1;
      p = p.parentId ? byId.get(p.parentId) : null;
    }
    depth.set(node.id, d);
    return d;
  };
  return nodes
    .map((n, i) => ({ n, i, d: depthOf(n) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.n);
}

/**
 * Draws a view's JSON on the canvas (which must be empty): nodes parents first, then connections.
 * Versions and concepts go into the state.
 */
export function importView(diagram, state, view) {
  const canvas = diagram.get('canvas');
  const factory = diagram.get('elementFactory');
  const registry = diagram.get('elementRegistry');
  state.view = {
    id: view.id,
    name: view.name || '',
    nameEn: view.nameEn || '',
    documentation: view.documentation || '',
    viewpoint: view.viewpoint || '',
    folderId: view.folderId || '',
    version: view.version,
  };
  state.lastSeq = Math.max(state.lastSeq, Number(view.seq) || 0);
  rememberConcepts(state, view);
  const root = canvas.getRootElement();
  for (const node of parentsFirst(view.nodes || [])) {
    const parent = (node.parentId && registry.get(node.parentId)) || root;
    canvas.addShape(factory.createShape(shapeAttrs(state, node)), parent);
    state.versions.set(node.id, node.version);
  }
  for (const connection of view.connections || []) {
    const source = registry.get(connection.sourceId);
    const target = registry.get(connection.targetId);
    if (!source || !target || source.waypoints || target.waypoints) {
      continue;
    }
    canvas.addConnection(factory.createConnection(connectionAttrs(state, connection, source, target)), root);
    state.versions.set(connection.id, connection.version);
  }
}
