package vn.eams.model;

import java.util.List;

/**
 * What a write did.
 *
 * @param seq the last change sequence number written (0 when nothing was written)
 * @param applied one entry per requested operation, in request order
 * @param cascaded what was deleted or changed because of the operations (relationships of a deleted
 *     element, diagram references)
 * @param validateOnly true when the request was only checked and nothing was written
 */
public record ChangeResult(
    long seq, List<Applied> applied, List<Cascaded> cascaded, boolean validateOnly) {

  /** The outcome of one operation. */
  public record Applied(int index, String op, String kind, String id, long version) {}

  /**
   * A dependent change.
   *
   * @param kind relationship, diagramNode, diagramConnection or view
   * @param viewId the view concerned, for diagram references
   * @param cause the id whose deletion caused this
   */
  public record Cascaded(String op, String kind, String id, String viewId, String cause) {}
}
