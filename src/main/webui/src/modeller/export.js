// Export of the view as a clean SVG (our notation only: no selection outlines, handles or
// diagram-js markup) and as a PNG drawn from that SVG at twice the size.
import { saveBlob } from '../api.js';
import { SVG_NS, drawConnection, drawNode, markerDefs, svg } from './draw.js';
import { nodeSpec, lineType } from './renderer.js';

const MARGIN = 20;

function shapesInOrder(root) {
  const out = [];
  const visit = (parent) => {
    for (const child of parent.children || []) {
      if (child.eams && !child.waypoints) {
        out.push(child);
        visit(child);
      }
    }
  };
  visit(root);
  return out;
}

/** The view drawn as a standalone SVG document element, sized to its content. */
export function viewSvg(diagram, state, title) {
  const canvas = diagram.get('canvas');
  const registry = diagram.get('elementRegistry');
  const shapes = shapesInOrder(canvas.getRootElement());
  const connections = registry.filter((e) => e.waypoints && e.eams);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const extend = (x, y) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  shapes.forEach((s) => {
    extend(s.x, s.y);
    extend(s.x + s.width, s.y + s.height);
  });
  connections.forEach((c) => c.waypoints.forEach((p) => extend(p.x, p.y)));
  if (minX === Infinity) {
    minX = 0;
    minY = 0;
    maxX = 100;
    maxY = 100;
  }
  const x0 = Math.floor(minX - MARGIN);
  const y0 = Math.floor(minY - MARGIN);
  const width = Math.ceil(maxX + MARGIN) - x0;
  const height = Math.ceil(maxY + MARGIN) - y0;
  const root = svg('svg', {
    xmlns: SVG_NS,
    viewBox: `${x0} ${y0} ${width} ${height}`,
    width,
    height,
    'font-family': 'sans-serif',
    'font-size': 12,
    role: 'img',
  });
  const titleNode = svg('title', {}, root);
  titleNode.textContent = title;
  root.appendChild(markerDefs(state.notation));
  svg('rect', { x: x0, y: y0, width, height, fill: '#fff' }, root);
  for (const shape of shapes) {
    const g = svg('g', { transform: `translate(${shape.x},${shape.y})`, class: shape.eams.kind }, root);
    drawNode(g, state.notation, nodeSpec(state, shape), shape.width, shape.height);
  }
  for (const connection of connections) {
    drawConnection(root, state.notation, lineType(state, connection), connection.waypoints);
  }
  return { node: root, width, height };
}

/** A file name from a view name: characters file systems refuse are replaced. */
export function fileName(name, extension) {
  const base = String(name || 'view').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'view';
  return `${base}.${extension}`;
}

function serialise(node) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(node)}`;
}

/** Saves the view as `<name>.svg`. */
export function exportSvg(diagram, state, name) {
  const { node } = viewSvg(diagram, state, name);
  saveBlob(new Blob([serialise(node)], { type: 'image/svg+xml' }), fileName(name, 'svg'));
}

/** Saves the view as `<name>.png`, drawn at twice the SVG's size. */
export async function exportPng(diagram, state, name) {
  const { node, width, height } = viewSvg(diagram, state, name);
  const url = URL.createObjectURL(new Blob([serialise(node)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = () => reject(new Error('image'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.min(width * scale, 16384);
    canvas.height = Math.min(height * scale, 16384);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    saveBlob(blob, fileName(name, 'png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
