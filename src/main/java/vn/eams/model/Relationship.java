package vn.eams.model;

import java.time.Instant;

/** A stored relationship. */
public record Relationship(
    String id,
    String modelId,
    RelationshipData data,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public String type() {
    return data.type();
  }
}
