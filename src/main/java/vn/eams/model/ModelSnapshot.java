package vn.eams.model;

import java.util.List;

/**
 * Everything of one model at one change sequence number, read in one transaction: what an export
 * writes.
 *
 * @param folders parents before children
 * @param elements in id order
 * @param relationships in id order
 * @param views in id order, with their layout
 */
public record ModelSnapshot(
    ModelInfo model,
    long seq,
    List<Folder> folders,
    List<Element> elements,
    List<Relationship> relationships,
    List<ViewDefinition> views) {}
