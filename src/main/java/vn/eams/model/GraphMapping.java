package vn.eams.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Maps model records to Neo4j property maps and back (see ADR 0002 for the graph shape). */
public final class GraphMapping {

  /** Prefix of typed profile properties on element nodes. */
  public static final String PROFILE_PREFIX = "p_";

  private GraphMapping() {}

  static Map<String, Object> elementProps(Element e) {
    ElementData d = e.data();
    Map<String, Object> m = new HashMap<>();
    m.put("id", e.id());
    m.put("modelId", e.modelId());
    m.put("type", d.type());
    m.put("name", d.name());
    m.put("nameKey", Text.foldKey(d.name()));
    m.put("searchKey", Text.foldKey(d.name() + "\n" + d.nameEn()));
    m.put("textKey", textKey(d));
    putText(m, "nameEn", d.nameEn());
    putText(m, "documentation", d.documentation());
    putText(m, "documentationEn", d.documentationEn());
    putText(m, "specialization", d.specialization());
    putText(m, "folderId", d.folderId());
    putProperties(m, d.properties());
    d.validFrom().ifPresent(v -> m.put("validFrom", v));
    d.validTo().ifPresent(v -> m.put("validTo", v));
    d.profile()
        .forEach(
            (k, v) ->
                m.put(
                    PROFILE_PREFIX + k,
                    v instanceof java.math.BigDecimal b ? (Object) b.doubleValue() : v));
    putMeta(m, e.version(), e.createdAt(), e.updatedAt());
    return m;
  }

  /**
   * The full-text key of an element: names, documentation and every property value, folded like
   * {@link Text#foldKey} (what the search pages look in).
   */
  static String textKey(ElementData d) {
    StringBuilder b = new StringBuilder();
    b.append(d.name()).append('\n').append(d.nameEn()).append('\n');
    b.append(d.documentation()).append('\n').append(d.documentationEn()).append('\n');
    for (Property p : d.properties()) {
      b.append(p.value()).append('\n');
    }
    d.profile().values().forEach(v -> b.append(v).append('\n'));
    return Text.foldKey(b.toString());
  }

  /** The element stored as the node properties {@code m}. */
  public static Element element(Map<String, Object> m) {
    Map<String, Object> profile = new TreeMap<>();
    m.forEach(
        (k, v) -> {
          if (k.startsWith(PROFILE_PREFIX)) {
            profile.put(k.substring(PROFILE_PREFIX.length()), v);
          }
        });
    ElementData d =
        new ElementData(
            str(m, "type"),
            str(m, "name"),
            str(m, "nameEn"),
            str(m, "documentation"),
            str(m, "documentationEn"),
            str(m, "specialization"),
            properties(m),
            profile,
            str(m, "folderId"),
            Optional.ofNullable((LocalDate) m.get("validFrom")),
            Optional.ofNullable((LocalDate) m.get("validTo")));
    return new Element(
        str(m, "id"),
        str(m, "modelId"),
        d,
        version(m),
        instant(m, "createdAt"),
        instant(m, "updatedAt"));
  }

  static Map<String, Object> relationshipProps(Relationship r) {
    RelationshipData d = r.data();
    Map<String, Object> m = new HashMap<>();
    m.put("id", r.id());
    m.put("modelId", r.modelId());
    m.put("type", d.type());
    m.put("sourceId", d.sourceId());
    m.put("targetId", d.targetId());
    putText(m, "name", d.name());
    putText(m, "nameEn", d.nameEn());
    putText(m, "documentation", d.documentation());
    putText(m, "documentationEn", d.documentationEn());
    putText(m, "specialization", d.specialization());
    putText(m, "accessType", d.accessType());
    putText(m, "influenceStrength", d.influenceStrength());
    if (d.directed()) {
      m.put("isDirected", true);
    }
    putText(m, "folderId", d.folderId());
    putProperties(m, d.properties());
    putMeta(m, r.version(), r.createdAt(), r.updatedAt());
    return m;
  }

  /** The relationship stored as the relationship properties {@code m}. */
  public static Relationship relationship(Map<String, Object> m) {
    RelationshipData d =
        new RelationshipData(
            str(m, "type"),
            str(m, "sourceId"),
            str(m, "targetId"),
            str(m, "name"),
            str(m, "nameEn"),
            str(m, "documentation"),
            str(m, "documentationEn"),
            str(m, "specialization"),
            properties(m),
            str(m, "accessType"),
            str(m, "influenceStrength"),
            Boolean.TRUE.equals(m.get("isDirected")),
            str(m, "folderId"));
    return new Relationship(
        str(m, "id"),
        str(m, "modelId"),
        d,
        version(m),
        instant(m, "createdAt"),
        instant(m, "updatedAt"));
  }

  static Map<String, Object> folderProps(Folder f) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", f.id());
    m.put("modelId", f.modelId());
    m.put("name", f.data().name());
    putText(m, "nameEn", f.data().nameEn());
    putText(m, "documentation", f.data().documentation());
    putText(m, "parentId", f.data().parentId());
    putMeta(m, f.version(), f.createdAt(), f.updatedAt());
    return m;
  }

  static Folder folder(Map<String, Object> m) {
    return new Folder(
        str(m, "id"),
        str(m, "modelId"),
        new FolderData(
            str(m, "name"), str(m, "nameEn"), str(m, "documentation"), str(m, "parentId")),
        version(m),
        instant(m, "createdAt"),
        instant(m, "updatedAt"));
  }

  static Map<String, Object> modelProps(
      String id, ModelData d, long version, Instant created, Instant updated) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", id);
    m.put("name", d.name());
    putText(m, "nameEn", d.nameEn());
    putText(m, "documentation", d.documentation());
    putText(m, "documentationEn", d.documentationEn());
    putProperties(m, d.properties());
    if (!d.language().equals(ModelData.DEFAULT_LANGUAGE)) {
      m.put("language", d.language());
    }
    putMeta(m, version, created, updated);
    return m;
  }

  static ModelInfo model(Map<String, Object> m, long elements, long relationships) {
    return new ModelInfo(
        str(m, "id"),
        new ModelData(
            str(m, "name"),
            str(m, "nameEn"),
            str(m, "documentation"),
            str(m, "documentationEn"),
            properties(m),
            str(m, "language")),
        version(m),
        instant(m, "createdAt"),
        instant(m, "updatedAt"),
        elements,
        relationships);
  }

  static OffsetDateTime time(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }

  private static void putMeta(
      Map<String, Object> m, long version, Instant created, Instant updated) {
    m.put("version", version);
    m.put("createdAt", time(created));
    m.put("updatedAt", time(updated));
  }

  private static void putText(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }

  static void putProperties(Map<String, Object> m, List<Property> properties) {
    if (properties.isEmpty()) {
      return;
    }
    List<String> keys = new ArrayList<>(properties.size());
    List<String> values = new ArrayList<>(properties.size());
    for (Property p : properties) {
      keys.add(p.key());
      values.add(p.value());
    }
    m.put("propKeys", keys);
    m.put("propValues", values);
  }

  @SuppressWarnings("unchecked")
  static List<Property> properties(Map<String, Object> m) {
    List<String> keys = (List<String>) m.get("propKeys");
    List<String> values = (List<String>) m.get("propValues");
    if (keys == null || values == null) {
      return List.of();
    }
    List<Property> result = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      result.add(new Property(keys.get(i), values.get(i)));
    }
    return result;
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? "" : v.toString();
  }

  private static long version(Map<String, Object> m) {
    Object v = m.get("version");
    return v == null ? 0 : ((Number) v).longValue();
  }

  private static Instant instant(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (v instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return Instant.EPOCH;
  }
}
