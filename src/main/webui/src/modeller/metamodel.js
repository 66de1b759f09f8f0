// What the metamodel allows, asked of the server once per pair of types and kept: the relationship
// types from one element type to another (connect chooser, nesting), type labels and the profile
// property definitions (properties panel).
import { call } from './http.js';

/** Relationship types nesting may stand for, in the order one is created when none exists. */
export const NESTING_CREATE = ['Composition', 'Aggregation', 'Assignment', 'Realization'];

/** Relationship types an existing parent → child relationship may have to stand for a nesting. */
export const NESTING_REUSE = ['Composition', 'Aggregation', 'Assignment', 'Realization', 'Specialization'];

/** The metamodel service of the editor. */
export function createMetamodel(paths) {
  const allowed = new Map();
  let full = null;
  let fullPromise = null;
  return {
    /** The allowed relationship types source → target, if already known (else undefined). */
    allowedNow(source, target) {
      const hit = allowed.get(`${source}>${target}`);
      return Array.isArray(hit) ? hit : undefined;
    },
    /** The allowed relationship types source → target (null when the server could not answer). */
    async allowed(source, target) {
      const key = `${source}>${target}`;
      const hit = allowed.get(key);
      if (Array.isArray(hit)) {
        return hit;
      }
      if (hit) {
        return hit;
      }
      const pending = call('GET', paths.allowed(source, target)).then((answer) => {
        if (answer.ok && answer.data && Array.isArray(answer.data.relationships)) {
          allowed.set(key, answer.data.relationships);
          return answer.data.relationships;
        }
        allowed.delete(key);
        return null;
      });
      allowed.set(key, pending);
      return pending;
    },
    /** GET /api/metamodel, once. */
    load() {
      if (!fullPromise) {
        fullPromise = call('GET', paths.metamodel).then((answer) => {
          full = answer.ok ? answer.data : null;
          if (!full) {
            fullPromise = null;
          }
          return full;
        });
      }
      return fullPromise;
    },
    /** The loaded metamodel, or null. */
    get data() {
      return full;
    },
    /** The label of a relationship type in a language. */
    relationshipLabel(type, lang) {
      const info = full && (full.relationshipTypes || []).find((r) => r.name === type);
      if (!info) {
        return type;
      }
      return (lang === 'en' ? info.nameEn : info.nameVi) || type;
    },
    /**
     * The typed property definitions for an element: its type's own (when the metamodel lists
     * them on element types) and those of its specialization.
     */
    propertyDefinitions(element) {
      if (!full || !element) {
        return [];
      }
      const defs = [];
      const type = (full.elementTypes || []).find((e) => e.name === element.type);
      if (type && Array.isArray(type.properties)) {
        defs.push(...type.properties);
      }
      for (const s of full.specializations || []) {
        if (s.elementType === element.type && element.specialization && (s.id === element.specialization || s.nameVi === element.specialization || s.nameEn === element.specialization)) {
          defs.push(...(s.properties || []));
        }
      }
      const seen = new Set();
      return defs.filter((d) => d && d.name && !seen.has(d.name) && seen.add(d.name));
    },
  };
}
