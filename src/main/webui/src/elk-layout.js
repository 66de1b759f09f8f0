// The ELK layered layout, in its own file: the page imports it only when it draws a graph.
import ELK from 'elkjs/lib/elk.bundled.js';

const elk = new ELK();

/**
 * Places nodes of one size in layers along the edges' from→to direction (left to right) and
 * answers each node's centre, keyed by id, and the size of the whole drawing.
 */
export async function layered(nodes, edges, size) {
  const laidOut = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: nodes.map((n) => ({ id: n.id, width: size.width, height: size.height })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  });
  const centres = {};
  for (const c of laidOut.children) {
    centres[c.id] = { x: c.x + c.width / 2, y: c.y + c.height / 2 };
  }
  return { centres, width: laidOut.width, height: laidOut.height };
}
