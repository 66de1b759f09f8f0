package vn.eams.model;

import java.time.Instant;

/**
 * One entry of the change log.
 *
 * @param seq global, gap-free within a transaction, increasing change sequence number
 * @param op create, update or delete
 * @param kind model, element, relationship, folder or view
 * @param before JSON of the state before (empty for a create)
 * @param after JSON of the state after (empty for a delete)
 * @param cause id whose change caused this one (cascades), else empty
 */
public record Change(
    long seq,
    Instant at,
    String actor,
    String op,
    String kind,
    String modelId,
    String targetId,
    String before,
    String after,
    String cause) {}
