package vn.eams.model;

import java.time.Instant;

/** A stored model with its counts. */
public record ModelInfo(
    String id,
    ModelData data,
    long version,
    Instant createdAt,
    Instant updatedAt,
    long elementCount,
    long relationshipCount) {}
