package vn.eams.compliance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.eams.model.Element;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Relationship;

/**
 * Which agency answers for each concept, for grouping findings: the agency itself for an agency
 * (BusinessActor); else the agency its profile names (owner, processing agency, investor, operator,
 * chair); else an agency assigned to it or composing or aggregating it; for a relationship, the
 * agency of its source.
 */
final class Agencies {

  private static final String AGENCY = "BusinessActor";
  private static final List<String> KEYS =
      List.of("owner", "processingAgency", "investor", "operator", "chairAgency");
  private static final Set<String> HOLDING = Set.of("Assignment", "Composition", "Aggregation");

  private final Map<String, String> agencyOf = new HashMap<>();

  Agencies(ModelSnapshot s) {
    Map<String, Element> byId = new HashMap<>();
    s.elements().forEach(e -> byId.put(e.id(), e));
    Map<String, String> held = new HashMap<>();
    for (Relationship r : s.relationships()) {
      Element src = byId.get(r.data().sourceId());
      if (src != null && AGENCY.equals(src.type()) && HOLDING.contains(r.type())) {
        held.putIfAbsent(r.data().targetId(), src.id());
      }
    }
    for (Element e : s.elements()) {
      String agency = "";
      if (AGENCY.equals(e.type())) {
        agency = e.id();
      } else {
        for (String k : KEYS) {
          Object v = e.data().profile().get(k);
          Element a = v == null ? null : byId.get(v.toString());
          if (a != null && AGENCY.equals(a.type())) {
            agency = a.id();
            break;
          }
        }
        if (agency.isEmpty()) {
          agency = held.getOrDefault(e.id(), "");
        }
      }
      agencyOf.put(e.id(), agency);
    }
    for (Relationship r : s.relationships()) {
      agencyOf.put(r.id(), agencyOf.getOrDefault(r.data().sourceId(), ""));
    }
  }

  /** The agency of the concept, "" when none is known. */
  String of(String conceptId) {
    return agencyOf.getOrDefault(conceptId, "");
  }
}
