package vn.eams.metamodel;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The allowed-relationship matrix as one int bitmask per (source, target) cell; bit {@code i} is
 * the {@code i}-th relationship type of the metamodel.
 */
final class RelationshipTable {

  private final List<String> concepts;
  private final Map<String, Integer> index;
  private final int[] cells;

  /**
   * @param concepts matrix concepts in order (element types, Junction, Relationship)
   * @param index concept name to position; also maps AndJunction and OrJunction to Junction
   * @param cells row-major masks, {@code concepts.size()} squared
   */
  RelationshipTable(List<String> concepts, Map<String, Integer> index, int[] cells) {
    if (cells.length != concepts.size() * concepts.size()) {
      throw new IllegalArgumentException("cells must be a square matrix of the concepts");
    }
    this.concepts = List.copyOf(concepts);
    this.index = Map.copyOf(index);
    this.cells = cells.clone();
  }

  List<String> concepts() {
    return concepts;
  }

  OptionalInt indexOf(String concept) {
    Integer i = concept == null ? null : index.get(concept);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The mask of the cell, 0 when either concept is unknown. */
  int mask(String source, String target) {
    Integer s = source == null ? null : index.get(source);
    Integer t = target == null ? null : index.get(target);
    return s == null || t == null ? 0 : cells[s * concepts.size() + t];
  }
}
