// The impact API's answer, indexed for the page: names of every element it mentions, the
// explanation chain of an element, the table groups, and the graph of the explanation paths.
import { nameOf } from './dom.js';

/** Indexes a response of POST /api/models/{modelId}/impact. */
export function indexResult(response, layerOrder) {
  const known = new Map();
  for (const [id, node] of Object.entries(response.nodes || {})) {
    known.set(id, { id, ...node });
  }
  for (const e of response.start || []) {
    known.set(e.id, { ...known.get(e.id), ...e, start: true });
  }
  for (const e of response.elements || []) {
    known.set(e.id, { ...known.get(e.id), ...e, listed: true });
  }
  return { response, known, layerOrder };
}

/**
 * The explanation of one element: the elements and relationships from a start element to it, as
 * [element, step, element, step, …, element]; a step says the relationship type and whether it
 * was followed from its source to its target (forward) or against it.
 */
export function chain(index, id) {
  const element = index.known.get(id);
  const path = (element && element.path) || [];
  if (path.length === 0) {
    return [index.known.get(id) || { id }];
  }
  const first = path[0];
  const parts = [index.known.get(first.forward ? first.source : first.target) || { id: first.forward ? first.source : first.target }];
  for (const step of path) {
    const next = step.forward ? step.target : step.source;
    parts.push({ relationship: step.id, type: step.type, forward: step.forward });
    parts.push(index.known.get(next) || { id: next });
  }
  return parts;
}

/** The listed elements grouped by layer (in layer order), then by distance. */
export function groups(index) {
  const byKey = new Map();
  for (const e of index.response.elements || []) {
    const key = `${e.layer}\u0000${e.distance}`;
    if (!byKey.has(key)) {
      byKey.set(key, { layer: e.layer, distance: e.distance, elements: [] });
    }
    byKey.get(key).elements.push(e);
  }
  const rank = (layer) => {
    const i = index.layerOrder.indexOf(layer);
    return i < 0 ? index.layerOrder.length : i;
  };
  return [...byKey.values()].sort((a, b) => rank(a.layer) - rank(b.layer) || a.distance - b.distance);
}

/**
 * The graph to draw: the start and listed elements plus the elements their explanation paths go
 * through (`via`), and the relationships of those paths. `from`/`to` orient an edge the way the
 * analysis followed it, for the layered layout; `source`/`target` are the relationship's own.
 */
export function graphOf(index, lang) {
  const nodes = new Map();
  const edges = new Map();
  const addNode = (id) => {
    if (!nodes.has(id)) {
      const e = index.known.get(id) || { id };
      nodes.set(id, {
        id,
        label: nameOf(e, lang),
        type: e.type || '',
        start: Boolean(e.start),
        listed: Boolean(e.listed),
        potential: Boolean(e.potential),
      });
    }
  };
  for (const e of index.response.start || []) {
    addNode(e.id);
  }
  for (const e of index.response.elements || []) {
    addNode(e.id);
    for (const step of e.path || []) {
      addNode(step.source);
      addNode(step.target);
      const edge = edges.get(step.id) || {
        id: step.id,
        type: step.type,
        source: step.source,
        target: step.target,
        from: step.forward ? step.source : step.target,
        to: step.forward ? step.target : step.source,
        potential: true,
      };
      // dashed only when every element explained through it is a potential one
      edge.potential = edge.potential && Boolean(e.potential);
      edges.set(step.id, edge);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
