// The diagram-js renderer of the ArchiMate notation: every node and connection of a view is drawn
// by draw.js from the page's notation, above diagram-js's default renderer.
import BaseRenderer from 'diagram-js/lib/draw/BaseRenderer';
import { drawConnection, drawNode, markerDefs } from './draw.js';
import { localName } from './notation.js';

const PRIORITY = 1500;

/** What a node shape shows: kind, element type, label in the page language, style. */
export function nodeSpec(state, shape) {
  const node = shape.eams;
  if (node.kind !== 'element') {
    return { kind: node.kind, label: localName(node.label, node.labelEn, state.lang), style: node.style };
  }
  const element = state.elements.get(node.elementId);
  return {
    kind: 'element',
    type: element ? element.type : node.type,
    label: element ? localName(element.name, element.nameEn, state.lang) : localName(node.label, node.labelEn, state.lang),
    style: node.style,
    missing: !element,
  };
}

/** The line type of a connection: its relationship's type, or "Line". */
export function lineType(state, connection) {
  const id = connection.eams.relationshipId;
  if (!id) {
    return 'Line';
  }
  const relationship = state.relationships.get(id);
  return relationship ? relationship.type : connection.eams.type || 'Line';
}

/** Draws the view's nodes and connections in ArchiMate notation. */
export default class ArchimateRenderer extends BaseRenderer {
  constructor(eventBus, canvas, eamsState) {
    super(eventBus, PRIORITY);
    this.state = eamsState;
    eventBus.on('canvas.init', (event) => {
      const svgRoot = event.svg || canvas._svg;
      if (svgRoot && !svgRoot.querySelector('defs.eams-markers')) {
        svgRoot.insertBefore(markerDefs(eamsState.notation), svgRoot.firstChild);
      }
    });
  }

  canRender(element) {
    return Boolean(element.eams);
  }

  drawShape(parentGfx, shape) {
    return drawNode(parentGfx, this.state.notation, nodeSpec(this.state, shape), shape.width, shape.height);
  }

  drawConnection(parentGfx, connection) {
    return drawConnection(parentGfx, this.state.notation, lineType(this.state, connection), connection.waypoints);
  }

  getShapePath(shape) {
    const { x, y, width: w, height: h } = shape;
    if (shape.eams && shape.eams.kind === 'element' && this.state.isJunctionShape(shape)) {
      const r = Math.min(w, h) / 2;
      const cx = x + w / 2;
      const cy = y + h / 2;
      return `M${cx - r},${cy} a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0 z`;
    }
    return `M${x},${y} h${w} v${h} h${-w} z`;
  }

  getConnectionPath(connection) {
    return connection.waypoints.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  }
}

ArchimateRenderer.$inject = ['eventBus', 'canvas', 'eamsState'];
