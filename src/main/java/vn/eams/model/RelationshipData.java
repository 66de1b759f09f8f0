package vn.eams.model;

import java.util.List;

/**
 * The editable content of a relationship. Source and target are ids of elements or of other
 * relationships (ArchiMate allows a relationship as an endpoint in some cases).
 *
 * @param accessType Access only: Write, Read, Access or ReadWrite
 * @param influenceStrength Influence only: free text such as "+", "++", "-", "5"
 * @param directed Association only: whether the association has a direction
 */
public record RelationshipData(
    String type,
    String sourceId,
    String targetId,
    String name,
    String nameEn,
    String documentation,
    String documentationEn,
    String specialization,
    List<Property> properties,
    String accessType,
    String influenceStrength,
    boolean directed,
    String folderId) {

  public RelationshipData {
    properties = List.copyOf(properties);
  }

  /** A bare relationship. */
  public static RelationshipData of(String type, String sourceId, String targetId) {
    return new RelationshipData(
        type, sourceId, targetId, "", "", "", "", "", List.of(), "", "", false, "");
  }

  /** The same relationship data between other endpoints. */
  public RelationshipData withEndpoints(String source, String target) {
    return new RelationshipData(
        type,
        source,
        target,
        name,
        nameEn,
        documentation,
        documentationEn,
        specialization,
        properties,
        accessType,
        influenceStrength,
        directed,
        folderId);
  }

  /** The same relationship data with other free properties, filed in another folder. */
  public RelationshipData withPropertiesIn(List<Property> props, String folder) {
    return new RelationshipData(
        type,
        sourceId,
        targetId,
        name,
        nameEn,
        documentation,
        documentationEn,
        specialization,
        props,
        accessType,
        influenceStrength,
        directed,
        folder);
  }
}
