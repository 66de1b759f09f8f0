package vn.eams.appraisal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import vn.eams.model.Element;
import vn.eams.model.ModelKind;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelSnapshot;

/**
 * What a case can read from its proposal model: the proposing agency (the owner of what it builds),
 * the highest security level it declares, and the roadmap phase of the roadmap task it names.
 */
final class ProposalFacts {

  private ProposalFacts() {}

  /** Baseline ids of the proposal's reference elements, by proposal element id. */
  static Map<String, String> refs(ModelSnapshot p) {
    Map<String, String> refs = new HashMap<>();
    for (Element e : p.elements()) {
      ModelKind.first(e.data().properties(), ModelKind.REF)
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .ifPresent(r -> refs.put(e.id(), r));
    }
    return refs;
  }

  /** The baseline agency that owns the first application the proposal builds. */
  static Optional<String> agency(ModelSnapshot p) {
    Map<String, String> refs = refs(p);
    for (Element e : p.elements()) {
      if (refs.containsKey(e.id())) {
        continue;
      }
      Object owner = e.data().profile().get("owner");
      if (owner instanceof String o && refs.containsKey(o)) {
        return Optional.of(refs.get(o));
      }
    }
    return Optional.empty();
  }

  /** The highest security level the proposal's own elements declare. */
  static OptionalInt securityLevel(ModelSnapshot p) {
    Map<String, String> refs = refs(p);
    int max = 0;
    for (Element e : p.elements()) {
      if (refs.containsKey(e.id())) {
        continue;
      }
      Object l = e.data().profile().get("securityLevel");
      if (l instanceof Number n) {
        max = Math.max(max, n.intValue());
      }
    }
    return max > 0 ? OptionalInt.of(max) : OptionalInt.empty();
  }

  /** The phase number of the roadmap task (or phase) the proposal refers to. */
  static Optional<Integer> roadmapPhase(ModelSnapshot p, ModelQueries queries) {
    for (String ref : refs(p).values()) {
      Optional<Element> e = queries.element(ref);
      if (e.isEmpty()) {
        continue;
      }
      String spec = e.get().data().specialization();
      Element phase = null;
      if ("RoadmapPhase".equals(spec)) {
        phase = e.get();
      } else if ("RoadmapTask".equals(spec)
          && e.get().data().profile().get("phase") instanceof String ph) {
        phase = queries.element(ph).orElse(null);
      }
      if (phase != null && phase.data().profile().get("phaseNumber") instanceof Number n) {
        return Optional.of(n.intValue());
      }
    }
    return Optional.empty();
  }
}
