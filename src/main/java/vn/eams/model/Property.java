package vn.eams.model;

/**
 * A key/value property of a concept. Order is kept and a key may repeat, as in Archi and the
 * exchange format.
 */
public record Property(String key, String value) {}
