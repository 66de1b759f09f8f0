package vn.eams.appraisal.duplication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.eams.model.Element;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Relationship;
import vn.eams.model.Text;

/**
 * What the search compares of the applications and databases of one snapshot (a baseline, or a
 * proposal laid over its baseline): reference-model codes, data subjects, databases accessed,
 * owners, service domains and agencies around each element.
 */
final class Features {

  /** Profile keys holding a reference-model code, and the model each names. */
  private static final Map<String, String> CODE_KEYS =
      Map.of(
          "armCode", "ARM", "brmCode", "BRM", "drmCode", "DRM", "trmCode", "TRM", "srmCode", "SRM");

  /** Application behaviour and interfaces: the search looks one step past them for agencies. */
  private static final Set<String> BEHAVIOUR =
      Set.of(
          "ApplicationService",
          "ApplicationInterface",
          "ApplicationFunction",
          "ApplicationProcess",
          "ApplicationInteraction",
          "ApplicationEvent");

  /** Everything compared of one element; sets hold ids or codes, sorted. */
  record Of(
      Set<String> codes,
      Set<String> subjects,
      Set<String> databases,
      Set<String> owners,
      Set<String> domains,
      Set<String> agencies) {}

  private final Map<String, Element> byId = new HashMap<>();
  private final Map<String, List<Relationship>> around = new HashMap<>();

  Features(ModelSnapshot snapshot) {
    for (Element e : snapshot.elements()) {
      byId.put(e.id(), e);
    }
    for (Relationship r : snapshot.relationships()) {
      around.computeIfAbsent(r.data().sourceId(), k -> new ArrayList<>()).add(r);
      around.computeIfAbsent(r.data().targetId(), k -> new ArrayList<>()).add(r);
    }
  }

  Element element(String id) {
    return byId.get(id);
  }

  /** The name of an element, or its id when it is not in the snapshot. */
  String name(String id) {
    Element e = byId.get(id);
    return e == null ? id : e.data().name();
  }

  static boolean isApplication(Element e) {
    return e.type().equals("ApplicationComponent");
  }

  static boolean isDatabase(Element e) {
    return e.type().equals("DataObject");
  }

  private static boolean isAgency(Element e) {
    return e.type().equals("BusinessActor");
  }

  private static boolean isDomain(Element e) {
    return e.type().equals("BusinessFunction") && e.data().specialization().equals("ServiceDomain");
  }

  private static boolean isCodeGrouping(Element e) {
    return e.type().equals("Grouping") && e.data().specialization().equals("ReferenceModelCode");
  }

  private static String profileText(Element e, String key) {
    Object v = e.data().profile().get(key);
    return v == null ? "" : v.toString().strip();
  }

  /** The elements related to {@code id} by any relationship, in either direction. */
  private List<String> neighbours(String id) {
    List<String> out = new ArrayList<>();
    for (Relationship r : around.getOrDefault(id, List.of())) {
      String other = r.data().sourceId().equals(id) ? r.data().targetId() : r.data().sourceId();
      if (!other.equals(id)) {
        out.add(other);
      }
    }
    return out;
  }

  Of of(Element e) {
    Set<String> codes = new TreeSet<>();
    for (Map.Entry<String, String> k : CODE_KEYS.entrySet()) {
      String v = profileText(e, k.getKey());
      if (!v.isEmpty()) {
        codes.add(k.getValue() + ":" + v.toUpperCase(Locale.ROOT));
      }
    }
    Set<String> subjects = new TreeSet<>();
    Set<String> databases = new TreeSet<>();
    Set<String> owners = new TreeSet<>();
    Set<String> domains = new TreeSet<>();
    Set<String> agencies = new TreeSet<>();
    if (isDatabase(e)) {
      addSubject(subjects, e);
    }
    for (String key : List.of("owner", "owningMinistry")) {
      String v = profileText(e, key);
      if (!v.isEmpty()) {
        owners.add(v);
      }
    }
    for (Relationship r : around.getOrDefault(e.id(), List.of())) {
      boolean outgoing = r.data().sourceId().equals(e.id());
      Element other = byId.get(outgoing ? r.data().targetId() : r.data().sourceId());
      if (other == null || other.id().equals(e.id())) {
        continue;
      }
      if (isCodeGrouping(other)) {
        String model = profileText(other, "referenceModel");
        String code = profileText(other, "code");
        codes.add(
            code.isEmpty()
                ? other.id()
                : (model.isEmpty() ? "" : model + ":") + code.toUpperCase(Locale.ROOT));
      } else if (isApplication(e) && isDatabase(other) && r.type().equals("Access")) {
        databases.add(other.id());
        addSubject(subjects, other);
      } else if (isAgency(other)
          && !outgoing
          && r.type().equals("Association")
          && Text.foldKey(r.data().name()).strip().equals("chu quan")) {
        owners.add(other.id());
      }
      collectContext(other, domains, agencies);
      if (BEHAVIOUR.contains(other.type())) {
        for (String next : neighbours(other.id())) {
          Element n = byId.get(next);
          if (n != null && !n.id().equals(e.id())) {
            collectContext(n, domains, agencies);
          }
        }
      }
    }
    agencies.removeAll(owners);
    return new Of(codes, subjects, databases, owners, domains, agencies);
  }

  private static void addSubject(Set<String> subjects, Element db) {
    String s = profileText(db, "dataSubject");
    if (!s.isEmpty() && !s.equals("other")) {
      subjects.add(s);
    }
  }

  private static void collectContext(Element e, Set<String> domains, Set<String> agencies) {
    if (isDomain(e)) {
      domains.add(e.id());
    } else if (isAgency(e)) {
      agencies.add(e.id());
    }
  }
}
