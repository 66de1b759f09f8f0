// How connections run, as on the server: straight segments through the bendpoints, both ends
// clipped at the node boxes, aiming at the next point. diagram-js asks the layouter when a node
// moves or a connection is made, and the docking when bendpoints are dragged.
import ElementFactory from 'diagram-js/lib/core/ElementFactory';
import { waypointsOf } from './notation.js';

/** A new id for a node, connection, element or relationship: "id-" and 32 hex digits. */
export function newId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `id-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function inner(waypoints) {
  return waypoints && waypoints.length > 2 ? waypoints.slice(1, -1) : [];
}

/** Keeps a connection's bendpoints and clips its ends at the boxes. */
export class ArchimateLayouter {
  layoutConnection(connection, hints = {}) {
    const source = hints.source || connection.source;
    const target = hints.target || connection.target;
    return waypointsOf(source, target, inner(hints.waypoints || connection.waypoints));
  }
}

/** Crops dragged connections the same way (bendpoint and segment moves). */
export class ArchimateDocking {
  getCroppedWaypoints(connection, source, target) {
    return waypointsOf(source || connection.source, target || connection.target, inner(connection.waypoints));
  }

  getDockingPoint(connection, shape, dockStart) {
    const points = this.getCroppedWaypoints(connection);
    const point = dockStart ? points[0] : points[points.length - 1];
    return { point, actual: point, idx: dockStart ? 0 : points.length - 1 };
  }
}

/** Creates shapes and connections with our ids (copy and paste too). */
export class ArchimateElementFactory extends ElementFactory {
  create(type, attrs = {}) {
    if (!attrs.id && type !== 'root') {
      attrs.id = newId();
    }
    return super.create(type, attrs);
  }
}

/** The diagram-js module of these services. */
export const layoutModule = {
  layouter: ['type', ArchimateLayouter],
  connectionDocking: ['type', ArchimateDocking],
  elementFactory: ['type', ArchimateElementFactory],
};
