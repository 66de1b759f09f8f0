// Auto-layout of the view (or of the selected nodes) with ELK's layered algorithm, loaded on demand.
// Every move goes into one command, so one undo takes the whole layout back.

const SPACING = { node: 30, layers: 70 };

/** The nodes to lay out: the selected ones (without their nested nodes), or every top-level node. */
export function layoutTargets(selected, root) {
  const nodes = selected.filter((e) => e.eams && !e.waypoints);
  if (nodes.length >= 2) {
    const set = new Set(nodes);
    return nodes.filter((n) => {
      for (let p = n.parent; p; p = p.parent) {
        if (set.has(p)) {
          return false;
        }
      }
      return true;
    });
  }
  return (root.children || []).filter((e) => e.eams && !e.waypoints);
}

/** The node among `set` that contains `shape` (itself or an ancestor), or null. */
function holder(shape, set) {
  for (let s = shape; s; s = s.parent) {
    if (set.has(s)) {
      return s;
    }
  }
  return null;
}

/**
 * Computes new positions with ELK (layered, left to right) for `nodes`, keeping the group's top-left
 * corner. Answers [{shape, dx, dy}] and the connections between them.
 */
export async function computeLayout(nodes, connections) {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const set = new Set(nodes);
  const edges = [];
  const inside = [];
  const seen = new Set();
  for (const c of connections) {
    const a = holder(c.source, set);
    const b = holder(c.target, set);
    if (!a || !b) {
      continue;
    }
    inside.push(c);
    if (a !== b && !seen.has(`${a.id}>${b.id}`)) {
      seen.add(`${a.id}>${b.id}`);
      edges.push({ id: `e${edges.length}`, sources: [a.id], targets: [b.id] });
    }
  }
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': String(SPACING.node),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.layers),
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.separateConnectedComponents': 'true',
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges,
  });
  const minX = Math.min(...nodes.map((n) => n.x));
  const minY = Math.min(...nodes.map((n) => n.y));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const moves = graph.children.map((c) => {
    const shape = byId.get(c.id);
    return { shape, dx: Math.round(minX + c.x - shape.x), dy: Math.round(minY + c.y - shape.y) };
  });
  return { moves, connections: inside };
}

/** The command handler that applies a computed layout as one undoable step. */
export class LayoutHandler {
  constructor(modeling) {
    this.modeling = modeling;
  }

  preExecute(context) {
    for (const { shape, dx, dy } of context.moves) {
      if (dx || dy) {
        this.modeling.moveShape(shape, { x: dx, y: dy });
      }
    }
    for (const c of context.connections) {
      if (c.waypoints.length > 2) {
        this.modeling.updateWaypoints(c, [c.waypoints[0], c.waypoints[c.waypoints.length - 1]]);
      }
      this.modeling.layoutConnection(c);
    }
  }

  execute() {
    return [];
  }

  revert() {
    return [];
  }
}

LayoutHandler.$inject = ['modeling'];
