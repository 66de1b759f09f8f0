package vn.eams.model;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;

/**
 * The JSON shape of concepts in the API and in the change log (empty fields are left out). One
 * place, so that what a client reads, what it sends back and what the log records agree.
 */
public final class ConceptJson {

  private ConceptJson() {}

  /** An element as the API shows it. */
  public static Map<String, Object> element(Element e, Metamodel metamodel) {
    ElementData d = e.data();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("modelId", e.modelId());
    m.put("type", d.type());
    metamodel
        .elementType(d.type())
        .map(ElementType::layer)
        .ifPresent(l -> m.put("layer", l.token()));
    m.put("name", d.name());
    put(m, "nameEn", d.nameEn());
    put(m, "documentation", d.documentation());
    put(m, "documentationEn", d.documentationEn());
    put(m, "specialization", d.specialization());
    if (!d.properties().isEmpty()) {
      m.put("properties", properties(d.properties()));
    }
    if (!d.profile().isEmpty()) {
      Map<String, Object> profile = new LinkedHashMap<>();
      d.profile().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              en ->
                  profile.put(
                      en.getKey(),
                      en.getValue() instanceof LocalDate ld ? ld.toString() : en.getValue()));
      m.put("profile", profile);
    }
    put(m, "folderId", d.folderId());
    d.validFrom().ifPresent(v -> m.put("validFrom", v.toString()));
    d.validTo().ifPresent(v -> m.put("validTo", v.toString()));
    meta(m, e.version(), e.createdAt(), e.updatedAt());
    return m;
  }

  /** A relationship as the API shows it. */
  public static Map<String, Object> relationship(Relationship r) {
    RelationshipData d = r.data();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("modelId", r.modelId());
    m.put("type", d.type());
    m.put("sourceId", d.sourceId());
    m.put("targetId", d.targetId());
    put(m, "name", d.name());
    put(m, "nameEn", d.nameEn());
    put(m, "documentation", d.documentation());
    put(m, "documentationEn", d.documentationEn());
    put(m, "specialization", d.specialization());
    put(m, "accessType", d.accessType());
    put(m, "influenceStrength", d.influenceStrength());
    if (d.directed()) {
      m.put("isDirected", true);
    }
    if (!d.properties().isEmpty()) {
      m.put("properties", properties(d.properties()));
    }
    put(m, "folderId", d.folderId());
    meta(m, r.version(), r.createdAt(), r.updatedAt());
    return m;
  }

  /** A folder as the API shows it. */
  public static Map<String, Object> folder(Folder f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id());
    m.put("modelId", f.modelId());
    m.put("name", f.data().name());
    put(m, "nameEn", f.data().nameEn());
    put(m, "documentation", f.data().documentation());
    put(m, "parentId", f.data().parentId());
    meta(m, f.version(), f.createdAt(), f.updatedAt());
    return m;
  }

  /** A model as the API shows it. */
  public static Map<String, Object> model(ModelInfo i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("name", i.data().name());
    put(m, "nameEn", i.data().nameEn());
    put(m, "documentation", i.data().documentation());
    put(m, "documentationEn", i.data().documentationEn());
    if (!i.data().properties().isEmpty()) {
      m.put("properties", properties(i.data().properties()));
    }
    m.put("language", i.data().language());
    m.put("elementCount", i.elementCount());
    m.put("relationshipCount", i.relationshipCount());
    meta(m, i.version(), i.createdAt(), i.updatedAt());
    return m;
  }

  /**
   * The state as the change log keeps it: the API shape without what the change record itself
   * carries (model, time) or what is derived (layer, counts).
   */
  public static Map<String, Object> logged(Map<?, ?> apiShape) {
    Map<String, Object> m = new LinkedHashMap<>();
    apiShape.forEach(
        (k, v) -> {
          if (!LOG_OMITS.contains(k)) {
            m.put((String) k, v);
          }
        });
    return m;
  }

  private static final java.util.Set<String> LOG_OMITS =
      java.util.Set.of(
          "modelId", "layer", "createdAt", "updatedAt", "elementCount", "relationshipCount");

  private static List<Map<String, String>> properties(List<Property> properties) {
    return properties.stream()
        .map(
            p -> {
              Map<String, String> pm = new LinkedHashMap<>();
              pm.put("key", p.key());
              pm.put("value", p.value());
              return pm;
            })
        .toList();
  }

  private static void meta(
      Map<String, Object> m, long version, java.time.Instant created, java.time.Instant updated) {
    m.put("version", version);
    m.put("createdAt", created.toString());
    m.put("updatedAt", updated.toString());
  }

  private static void put(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }
}
