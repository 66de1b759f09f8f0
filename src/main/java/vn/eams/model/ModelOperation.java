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

  /** True for the creates. */
  default boolean isCreate() {
    return this instanceof CreateElement
        || this instanceof CreateRelationship
        || this instanceof CreateFolder;
  }

  /** The folder this operation files its concept in (the parent, for a folder), or "". */
  default String folderRef() {
    if (this instanceof CreateElement c) {
      return c.data().folderId();
    }
    if (this instanceof UpdateElement u) {
      return u.data().folderId();
    }
    if (this instanceof CreateRelationship c) {
      return c.data().folderId();
    }
    if (this instanceof UpdateRelationship u) {
      return u.data().folderId();
    }
    if (this instanceof CreateFolder c) {
      return c.data().parentId();
    }
    return this instanceof UpdateFolder u ? u.data().parentId() : "";
  }
}
