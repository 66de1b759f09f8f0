package vn.eams.model;

/** One change requested of {@link ModelService}; a batch is a list of them, all or nothing. */
public sealed interface ModelOperation {

  /** Creates an element; an empty id asks the service to choose one. */
  record CreateElement(String id, ElementData data) implements ModelOperation {}

  /** Replaces an element's content if it is still at {@code expectedVersion}. */
  record UpdateElement(String id, long expectedVersion, ElementData data)
      implements ModelOperation {}

  /** Creates a relationship; an empty id asks the service to choose one. */
  record CreateRelationship(String id, RelationshipData data) implements ModelOperation {}

  /** Replaces a relationship's content if it is still at {@code expectedVersion}. */
  record UpdateRelationship(String id, long expectedVersion, RelationshipData data)
      implements ModelOperation {}

  /** Creates a folder. */
  record CreateFolder(String id, FolderData data) implements ModelOperation {}

  /** Replaces a folder's content. */
  record UpdateFolder(String id, long expectedVersion, FolderData data) implements ModelOperation {}

  /** Deletes an element, relationship or folder, with what depends on it. */
  record Delete(ConceptKind kind, String id, long expectedVersion) implements ModelOperation {}

  /** The id this operation addresses (may be empty for a create). */
  String id();
}
