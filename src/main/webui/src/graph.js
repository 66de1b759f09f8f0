// The impact graph: cytoscape draws the explanation paths, ELK (loaded on demand) lays them out
// in layers by distance from the start elements. Colours are the diagrams' layer colours.
import cytoscape from 'cytoscape';

/** Above this many elements the page shows only the table. */
export const MAX_GRAPH_NODES = 300;

const NODE = { width: 170, height: 54 };

function shorten(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const STYLE = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: NODE.width,
      height: NODE.height,
      'background-color': 'data(fill)',
      'border-width': 1,
      'border-color': '#555555',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': NODE.width - 12,
      'text-valign': 'center',
      'text-halign': 'center',
      'font-size': 11,
      color: '#1b1b1b',
    },
  },
  { selector: 'node.via', style: { opacity: 0.55 } },
  { selector: 'node.potential', style: { 'border-style': 'dashed', 'border-width': 2 } },
  {
    selector: 'node.start',
    style: { 'border-width': 4, 'border-color': '#0b3d73', 'font-weight': 'bold' },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'curve-style': 'bezier',
      'line-color': '#555555',
      'target-arrow-color': '#555555',
      'target-arrow-shape': 'triangle',
      label: 'data(label)',
      'font-size': 10,
      color: '#1b1b1b',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': 2,
    },
  },
  { selector: 'edge.potential', style: { 'line-style': 'dashed' } },
  { selector: 'node.path', style: { 'border-color': '#f0a000', 'border-width': 4 } },
  {
    selector: 'edge.path',
    style: { 'line-color': '#f0a000', 'target-arrow-color': '#f0a000', width: 3 },
  },
];

/**
 * Draws `graph` ({nodes, edges} from result.graphOf) into `container`; `onSelect(id)` is called
 * when a node is clicked. Answers a handle with highlight(ids) and destroy().
 */
export async function drawGraph(container, graph, config, onSelect) {
  const { layered } = await import('./elk-layout.js');
  const { centres, height } = await layered(graph.nodes, graph.edges, NODE);
  // as tall as the drawing, up to the stylesheet's height (then zoom and pan)
  container.style.height = '';
  container.style.height = `${Math.min(container.clientHeight, Math.max(height + 60, 220))}px`;
  const elements = [];
  for (const n of graph.nodes) {
    const type = config.types[n.type];
    const classes = [n.start ? 'start' : '', n.listed || n.start ? '' : 'via', n.potential ? 'potential' : '']
      .filter(Boolean)
      .join(' ');
    elements.push({
      group: 'nodes',
      data: { id: n.id, label: shorten(n.label, 70), fill: type ? type.fill : '#ffffff' },
      position: centres[n.id],
      classes,
    });
  }
  for (const e of graph.edges) {
    elements.push({
      group: 'edges',
      data: {
        id: `rel:${e.id}`,
        source: e.source,
        target: e.target,
        label: config.relationships[e.type] || e.type,
      },
      classes: e.potential ? 'potential' : '',
    });
  }
  const cy = cytoscape({
    container,
    elements,
    style: STYLE,
    layout: { name: 'preset', fit: true, padding: 24 },
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: false,
  });
  if (cy.zoom() > 1) {
    // a small graph: keep the text at its size rather than blow it up to the frame
    cy.zoom(1);
    cy.center();
  }
  cy.on('tap', 'node', (event) => onSelect(event.target.id()));
  return {
    highlight(nodeIds, relationshipIds) {
      cy.elements().removeClass('path');
      for (const id of nodeIds) {
        cy.getElementById(id).addClass('path');
      }
      for (const id of relationshipIds) {
        cy.getElementById(`rel:${id}`).addClass('path');
      }
    },
    destroy() {
      cy.destroy();
    },
  };
}
