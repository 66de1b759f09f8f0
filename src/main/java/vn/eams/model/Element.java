package vn.eams.model;

import java.time.Instant;

/** A stored element: its content plus identity, version and timestamps. */
public record Element(
    String id,
    String modelId,
    ElementData data,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public String type() {
    return data.type();
  }
}
