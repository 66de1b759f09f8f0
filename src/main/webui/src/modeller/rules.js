// What the editor lets the user do on the canvas: where nodes may be dropped (nesting into an
// element needs a relationship the metamodel allows), what may be connected, moved, resized.
import RuleProvider from 'diagram-js/lib/features/rules/RuleProvider';
import { NESTING_CREATE, NESTING_REUSE } from './metamodel.js';
import { isJunction } from './notation.js';

/** The element type shown by a shape, or '' for groups and notes. */
export function elementTypeOf(state, shape) {
  if (!shape || !shape.eams || shape.eams.kind !== 'element') {
    return '';
  }
  const element = state.elements.get(shape.eams.elementId);
  return element ? element.type : shape.eams.type || '';
}

/** An existing relationship parent element → child element that a nesting may stand for. */
export function nestingRelationship(state, parentElementId, childElementId) {
  for (const r of state.relationships.values()) {
    if (r.sourceId === parentElementId && r.targetId === childElementId && NESTING_REUSE.includes(r.type)) {
      return r;
    }
  }
  return null;
}

function isNode(e) {
  return Boolean(e && e.eams && !e.waypoints);
}

/** The rules of the editor; `eamsMetamodel` answers allowed relationships. */
export default class ArchimateRules extends RuleProvider {
  constructor(eventBus, eamsState, eamsMetamodel) {
    super(eventBus);
    this.state = eamsState;
    this.metamodel = eamsMetamodel;
  }

  /** Whether `child` may be put into `parent` (true when the answer is not known yet). */
  canContain(parent, child) {
    if (!parent || !parent.parent) {
      return true; // the root
    }
    if (!isNode(parent) || !isNode(child)) {
      return false;
    }
    let p = parent;
    while (p) {
      if (p === child) {
        return false;
      }
      p = p.parent;
    }
    const kind = parent.eams.kind;
    if (kind === 'group') {
      return true;
    }
    if (kind !== 'element' || child.eams.kind !== 'element') {
      return false;
    }
    const parentType = elementTypeOf(this.state, parent);
    const childType = elementTypeOf(this.state, child);
    if (isJunction(this.state.notation, parentType) || isJunction(this.state.notation, childType)) {
      return false;
    }
    if (child.parent === parent) {
      return true;
    }
    if (nestingRelationship(this.state, parent.eams.elementId, child.eams.elementId)) {
      return true;
    }
    const known = this.metamodel.allowedNow(parentType, childType);
    if (known === undefined) {
      this.metamodel.allowed(parentType, childType);
      return true;
    }
    return known.some((t) => NESTING_CREATE.includes(t));
  }

  /** Adds a rule that the read-only state (view deleted elsewhere) overrides. */
  rule(actions, fn) {
    this.addRule(actions, (context) => (this.state && this.state.readOnly ? false : fn(context)));
  }

  init() {
    const topLevel = (elements) => {
      const set = new Set(elements);
      return elements.filter((e) => isNode(e) && !set.has(e.parent));
    };
    this.rule('shape.create', (context) => this.canContain(context.target, context.shape));
    this.rule('elements.create', (context) => topLevel(context.elements).every((e) => this.canContain(context.target, e)));
    this.rule('elements.move', (context) => {
      if (!context.target) {
        return true;
      }
      const shapes = topLevel(context.shapes || []);
      return shapes.every((s) => s.parent === context.target || this.canContain(context.target, s));
    });
    this.rule('shape.resize', (context) => isNode(context.shape));
    this.rule('connection.start', (context) => isNode(context.source) && context.source.eams.kind !== 'group');
    this.rule('connection.create', (context) => {
      const { source, target } = context;
      if (!isNode(source) || !isNode(target)) {
        return false;
      }
      // a group is no element: nothing connects to it (the editor says why on drop)
      if (source.eams.kind === 'group' || target.eams.kind === 'group') {
        return false;
      }
      if (source.eams.kind !== 'element' || target.eams.kind !== 'element') {
        return source === target ? false : { eamsLine: true };
      }
      return true;
    });
    this.rule('connection.reconnect', (context) => {
      const { connection, source, target } = context;
      if (!isNode(source) || !isNode(target) || !connection.eams) {
        return false;
      }
      const id = connection.eams.relationshipId;
      if (!id) {
        return true;
      }
      const relationship = this.state.relationships.get(id);
      return Boolean(
        relationship && source.eams.elementId === relationship.sourceId && target.eams.elementId === relationship.targetId,
      );
    });
    this.rule('connection.updateWaypoints', () => true);
    this.rule('elements.delete', () => true);
    this.rule('element.copy', (context) => isNode(context.element));
    this.rule(['elements.align', 'elements.distribute'], () => true);
  }
}

ArchimateRules.$inject = ['eventBus', 'eamsState', 'eamsMetamodel'];
