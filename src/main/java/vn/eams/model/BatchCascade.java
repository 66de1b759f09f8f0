package vn.eams.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.TransactionContext;
import vn.eams.platform.Problem;

/**
 * Finds what the deletes of a {@link ModelBatch} take along: relationships attached to deleted
 * elements (and, through proxies, to deleted relationships), diagram references, and folders that
 * would be left holding concepts. Records problems on the batch; writes nothing.
 */
final class BatchCascade {

  private final TransactionContext tx;
  private final ModelStore store;
  private final DiagramCascade diagrams;
  private final String modelId;
  private final Set<String> deletedElements;
  private final Map<String, Relationship> deletedRelationships;
  private final Set<String> deletedFolders;
  private final List<Relationship> updatedRelationships;
  private final List<Element> updatedElements;
  private final List<Folder> updatedFolders;
  private final Map<String, Relationship> newRelationships;
  private final List<ChangeResult.Cascaded> cascaded;
  private final List<Problem.Error> errors;

  BatchCascade(ModelBatch b) {
    this.tx = b.tx;
    this.store = b.store;
    this.diagrams = b.diagrams;
    this.modelId = b.modelId;
    this.deletedElements = b.deletedElements;
    this.deletedRelationships = b.deletedRelationships;
    this.deletedFolders = b.deletedFolders;
    this.updatedRelationships = b.updatedRelationships;
    this.updatedElements = b.updatedElements;
    this.updatedFolders = b.updatedFolders;
    this.newRelationships = b.newRelationships;
    this.cascaded = b.cascaded;
    this.errors = b.errors;
  }

  void run() {
    if (deletedElements.isEmpty() && deletedRelationships.isEmpty() && deletedFolders.isEmpty()) {
      return;
    }
    // relationships attached to deleted elements, and to deleted relationships through proxies
    Set<String> frontierRels = new HashSet<>(deletedRelationships.keySet());
    Set<String> frontierElements = new HashSet<>(deletedElements);
    while (!frontierRels.isEmpty() || !frontierElements.isEmpty()) {
      Map<String, Relationship> attached =
          store.attachedRelationships(tx, frontierElements, frontierRels);
      frontierElements = Set.of();
      frontierRels = new HashSet<>();
      for (Relationship r : attached.values()) {
        if (!deletedRelationships.containsKey(r.id())) {
          deletedRelationships.put(r.id(), r);
          frontierRels.add(r.id());
          String cause =
              deletedElements.contains(r.data().sourceId())
                  ? r.data().sourceId()
                  : deletedElements.contains(r.data().targetId())
                      ? r.data().targetId()
                      : deletedRelationships.containsKey(r.data().sourceId())
                          ? r.data().sourceId()
                          : r.data().targetId();
          cascaded.add(new ChangeResult.Cascaded("delete", "relationship", r.id(), "", cause));
          if (updatedRelationships.stream().anyMatch(u -> u.id().equals(r.id()))) {
            errors.add(
                Problem.Error.id(
                    r.id(),
                    "updated-and-deleted",
                    "This relationship is updated by the batch but also deleted with its endpoint."));
          }
        }
      }
    }
    for (Relationship nr : newRelationships.values()) {
      if (deletedRelationships.containsKey(nr.data().sourceId())
          || deletedRelationships.containsKey(nr.data().targetId())) {
        errors.add(
            Problem.Error.id(
                nr.id(),
                "deleted-endpoint",
                "An endpoint of this new relationship is deleted by the batch."));
      }
    }
    if (!deletedFolders.isEmpty()) {
      Set<String> contents = store.folderContents(tx, modelId, deletedFolders);
      contents.removeAll(deletedElements);
      contents.removeAll(deletedRelationships.keySet());
      contents.removeAll(deletedFolders);
      contents.removeAll(movedOut());
      if (!contents.isEmpty()) {
        errors.add(
            Problem.Error.id(
                String.join(",", deletedFolders),
                "folder-not-empty",
                "A deleted folder still holds "
                    + contents.size()
                    + " concept(s) or folder(s), e.g. '"
                    + contents.iterator().next()
                    + "'. Move or delete them first."));
      }
    }
    DiagramCascade.Removal removal =
        diagrams.remove(tx, deletedElements, deletedRelationships.keySet(), true);
    removal.byView().values().forEach(cascaded::addAll);
  }

  /** What the batch moves into folders it does not delete (out of the deleted ones, maybe). */
  private Set<String> movedOut() {
    Set<String> moved = new HashSet<>();
    for (Element e : updatedElements) {
      if (!deletedFolders.contains(e.data().folderId())) {
        moved.add(e.id());
      }
    }
    for (Relationship r : updatedRelationships) {
      if (!deletedFolders.contains(r.data().folderId())) {
        moved.add(r.id());
      }
    }
    for (Folder f : updatedFolders) {
      if (!deletedFolders.contains(f.data().parentId())) {
        moved.add(f.id());
      }
    }
    return moved;
  }
}
