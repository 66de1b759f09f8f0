package vn.eams.model;

import java.util.Set;

/**
 * Turns request JSON into model records, on top of a base (empty for create/PUT, current for
 * PATCH).
 */
final class ConceptInput {

  /** Read-only fields a client may send back unchanged from what it read. */
  private static final Set<String> READ_ONLY =
      Set.of("modelId", "layer", "createdAt", "updatedAt", "elementCount", "relationshipCount");

  static final Set<String> ELEMENT_FIELDS =
      union(
          Set.of(
              "id",
              "type",
              "name",
              "nameEn",
              "documentation",
              "documentationEn",
              "specialization",
              "properties",
              "profile",
              "folderId",
              "validFrom",
              "validTo",
              "version"));
  static final Set<String> RELATIONSHIP_FIELDS =
      union(
          Set.of(
              "id",
              "type",
              "sourceId",
              "targetId",
              "name",
              "nameEn",
              "documentation",
              "documentationEn",
              "specialization",
              "properties",
              "accessType",
              "influenceStrength",
              "isDirected",
              "folderId",
              "version"));
  static final Set<String> FOLDER_FIELDS =
      union(Set.of("id", "name", "nameEn", "documentation", "parentId", "version"));
  static final Set<String> MODEL_FIELDS =
      union(
          Set.of(
              "id",
              "name",
              "nameEn",
              "documentation",
              "documentationEn",
              "properties",
              "language",
              "version"));

  private ConceptInput() {}

  static ElementData element(JsonInput in, ElementData base) {
    in.allowOnly(ELEMENT_FIELDS);
    return new ElementData(
        in.text("type", base.type()),
        in.text("name", base.name()),
        in.text("nameEn", base.nameEn()),
        in.text("documentation", base.documentation()),
        in.text("documentationEn", base.documentationEn()),
        in.text("specialization", base.specialization()),
        in.properties("properties", base.properties()),
        in.profile("profile", base.profile()),
        in.text("folderId", base.folderId()),
        in.date("validFrom", base.validFrom()),
        in.date("validTo", base.validTo()));
  }

  static RelationshipData relationship(JsonInput in, RelationshipData base) {
    in.allowOnly(RELATIONSHIP_FIELDS);
    return new RelationshipData(
        in.text("type", base.type()),
        in.text("sourceId", base.sourceId()),
        in.text("targetId", base.targetId()),
        in.text("name", base.name()),
        in.text("nameEn", base.nameEn()),
        in.text("documentation", base.documentation()),
        in.text("documentationEn", base.documentationEn()),
        in.text("specialization", base.specialization()),
        in.properties("properties", base.properties()),
        in.text("accessType", base.accessType()),
        in.text("influenceStrength", base.influenceStrength()),
        in.bool("isDirected", base.directed()),
        in.text("folderId", base.folderId()));
  }

  static FolderData folder(JsonInput in, FolderData base) {
    in.allowOnly(FOLDER_FIELDS);
    return new FolderData(
        in.text("name", base.name()),
        in.text("nameEn", base.nameEn()),
        in.text("documentation", base.documentation()),
        in.text("parentId", base.parentId()));
  }

  static ModelData model(JsonInput in, ModelData base) {
    in.allowOnly(MODEL_FIELDS);
    return new ModelData(
        in.text("name", base.name()),
        in.text("nameEn", base.nameEn()),
        in.text("documentation", base.documentation()),
        in.text("documentationEn", base.documentationEn()),
        in.properties("properties", base.properties()),
        in.text("language", base.language()));
  }

  static ElementData emptyElement(String type) {
    return ElementData.of(type, "");
  }

  static RelationshipData emptyRelationship(RelationshipData current) {
    return RelationshipData.of(current.type(), current.sourceId(), current.targetId());
  }

  private static Set<String> union(Set<String> fields) {
    java.util.Set<String> all = new java.util.HashSet<>(fields);
    all.addAll(READ_ONLY);
    return Set.copyOf(all);
  }
}
