package vn.eams.model;

import java.time.Instant;

/** A stored folder. */
public record Folder(
    String id,
    String modelId,
    FolderData data,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
