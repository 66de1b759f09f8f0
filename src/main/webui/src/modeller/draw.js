// Draws ArchiMate notation as SVG elements, from the page's notation (types, lines, markers): the
// canvas renderer draws each diagram element with it, the SVG export the whole view. Nodes are
// drawn at (0, 0) in their own coordinates; connections through absolute waypoints.
import {
  LINE_HEIGHT,
  fillOf,
  isJunction,
  lineOf,
  linesFitting,
  wrapText,
} from './notation.js';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes, appended to `parent` when given. */
export function svg(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== '') {
      node.setAttribute(key, String(value));
    }
  }
  if (parent) {
    parent.appendChild(node);
  }
  return node;
}

const iconTemplates = new Map();

/** The icon of an element type as a <g> in an 18 × 14 box, parsed once and cloned. */
function icon(notation, type) {
  let template = iconTemplates.get(type);
  if (template === undefined) {
    const info = notation.types[type];
    template = null;
    if (info && info.icon) {
      template = svg('g', { fill: 'none', stroke: '#000', 'stroke-width': 1, 'aria-hidden': 'true', class: 'eams-icon' });
      template.innerHTML = info.icon;
    }
    iconTemplates.set(type, template);
  }
  return template ? template.cloneNode(true) : null;
}

/** Text lines from (x, y) (first baseline at y + 12), centred on x when `centred`. */
function textLines(parent, lines, x, y, centred, bold) {
  if (!lines.length) {
    return null;
  }
  const text = svg('text', { x, y: y + 12, 'text-anchor': centred ? 'middle' : null, 'font-weight': bold ? 'bold' : null, class: 'eams-label' }, parent);
  lines.forEach((line, i) => {
    const span = svg('tspan', { x, dy: i === 0 ? 0 : LINE_HEIGHT }, text);
    span.textContent = line;
  });
  return text;
}

/**
 * Draws a node at (0, 0) into `parent`: `spec` = {kind: element|group|note, type (element type),
 * label, style, missing (element not found)}; `width`, `height` its size. Answers the main shape.
 */
export function drawNode(parent, notation, spec, width, height) {
  const w = Math.round(width);
  const h = Math.round(height);
  if (spec.kind === 'group') {
    const rect = svg('rect', { x: 0, y: 0, width: w, height: h, fill: '#f7f7f7', 'fill-opacity': 0.6, stroke: '#555', 'stroke-dasharray': '6 3' }, parent);
    const label = String(spec.label || '');
    if (label) {
      textLines(parent, [label], 6, 4, false, true);
    }
    return rect;
  }
  if (spec.kind === 'note') {
    const path = svg('path', { d: `M0,0 h${w - 10} l10,10 v${h - 10} h-${w} z`, fill: '#fff', stroke: '#555' }, parent);
    textLines(parent, wrapText(spec.label, w - 15, linesFitting(h - 10)), 5, 5, false, false);
    return path;
  }
  const info = notation.types[spec.type];
  if (isJunction(notation, spec.type)) {
    return svg('circle', { cx: w / 2, cy: h / 2, r: Math.min(w, h) / 2, fill: spec.type === 'AndJunction' ? '#000' : '#fff', stroke: '#000' }, parent);
  }
  const rect = svg('rect', {
    x: 0,
    y: 0,
    width: w,
    height: h,
    rx: info ? info.corner || 0 : 0,
    fill: fillOf(info, spec.style),
    stroke: '#333',
    'stroke-dasharray': spec.missing ? '4 2' : null,
  }, parent);
  const glyph = icon(notation, spec.type);
  if (glyph) {
    glyph.setAttribute('transform', `translate(${w - 22},4)`);
    parent.appendChild(glyph);
  }
  textLines(parent, wrapText(spec.label, w - 30, linesFitting(h - 6)), 4 + Math.trunc((w - 4) / 2), 4, true, false);
  return rect;
}

/** The SVG path data of a polyline through points. */
export function pathOf(points) {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`).join(' ');
}

/**
 * Draws a connection through absolute `waypoints` into `parent`, with the line of `type` (a
 * relationship type, or "Line" for a plain line). Answers the path.
 */
export function drawConnection(parent, notation, type, waypoints) {
  const line = lineOf(notation, type);
  return svg('path', {
    d: pathOf(waypoints),
    fill: 'none',
    stroke: '#000',
    'stroke-width': 1,
    'stroke-dasharray': line.dash || null,
    'marker-start': line.start ? `url(#${line.start})` : null,
    'marker-end': line.end ? `url(#${line.end})` : null,
    class: 'eams-line',
  }, parent);
}

/** The notation's marker definitions (<defs>) as an element to put into an <svg>. */
export function markerDefs(notation) {
  const holder = svg('svg');
  holder.innerHTML = notation.markers || '<defs></defs>';
  const defs = holder.querySelector('defs') || svg('defs');
  defs.setAttribute('class', 'eams-markers');
  return defs;
}
