package vn.eams.metamodel;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The constraint of a property as written in data files ({@code text}) and parsed: enum values,
 * numeric range, maximum text length or allowed element types; unused parts are empty.
 */
public record PropertyConstraint(
    String text,
    List<String> allowedValues,
    Optional<BigDecimal> min,
    Optional<BigDecimal> max,
    OptionalInt maxLength,
    Set<String> elementTypes) {

  /** No constraint, written {@code -}. */
  public static final PropertyConstraint NONE =
      new PropertyConstraint(
          "-", List.of(), Optional.empty(), Optional.empty(), OptionalInt.empty(), Set.of());

  /** Copies the collections (element types keep their order); validates non-null components. */
  public PropertyConstraint {
    Objects.requireNonNull(text, "text");
    allowedValues = List.copyOf(allowedValues);
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(maxLength, "maxLength");
    elementTypes = Collections.unmodifiableSet(new LinkedHashSet<>(elementTypes));
  }

  /**
   * Parses the constraint text for {@code type}: {@code a|b|c} for enum, {@code min..max} (either
   * side optional) for integer and decimal, {@code ..N} for string and text, {@code A|B} (element
   * type names, not checked here) for element, {@code -} for none.
   *
   * @throws IllegalArgumentException with a message that says what is wrong and how to fix it
   */
  public static PropertyConstraint parse(PropertyType type, String text) {
    String t = text.trim();
    boolean none = t.equals("-");
    switch (type) {
      case ENUM:
        if (none || t.isEmpty()) {
          throw new IllegalArgumentException(
              "enum needs its values (write them separated by '|', e.g. 'low|medium|high')");
        }
        return new PropertyConstraint(
            t, splitBars(t), Optional.empty(), Optional.empty(), OptionalInt.empty(), Set.of());
      case INTEGER:
      case DECIMAL:
        return none ? NONE : parseRange(type, t);
      case STRING:
      case TEXT:
        return none ? NONE : parseMaxLength(t);
      case ELEMENT:
        return none
            ? NONE
            : new PropertyConstraint(
                t,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                new LinkedHashSet<>(splitBars(t)));
      default:
        if (!none) {
          throw new IllegalArgumentException(
              "type '" + type.token() + "' takes no constraint, found '" + t + "' (write '-')");
        }
        return NONE;
    }
  }

  private static List<String> splitBars(String t) {
    List<String> values = Arrays.stream(t.split("\\|", -1)).map(String::trim).toList();
    if (values.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException(
          "empty value in '"
              + t
              + "' (separate values with a single '|', no leading/trailing '|')");
    }
    if (new LinkedHashSet<>(values).size() != values.size()) {
      throw new IllegalArgumentException("duplicate value in '" + t + "' (list each value once)");
    }
    return values;
  }

  private static PropertyConstraint parseMaxLength(String t) {
    if (t.matches("\\.\\.[0-9]{1,9}")) {
      int n = Integer.parseInt(t.substring(2));
      if (n > 0) {
        return new PropertyConstraint(
            t, List.of(), Optional.empty(), Optional.empty(), OptionalInt.of(n), Set.of());
      }
    }
    throw new IllegalArgumentException(
        "'" + t + "' is not a maximum length (write '..N' with N >= 1, e.g. '..200', or '-')");
  }

  private static PropertyConstraint parseRange(PropertyType type, String t) {
    int dots = t.indexOf("..");
    String lo = dots < 0 ? "" : t.substring(0, dots).trim();
    String hi = dots < 0 ? "" : t.substring(dots + 2).trim();
    if (lo.isEmpty() && hi.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + t + "' is not a range (write 'min..max', 'min..' or '..max', e.g. '1..5', or '-')");
    }
    Optional<BigDecimal> min = bound(type, t, lo);
    Optional<BigDecimal> max = bound(type, t, hi);
    if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
      throw new IllegalArgumentException(
          "range '" + t + "' has min greater than max (swap the bounds)");
    }
    return new PropertyConstraint(t, List.of(), min, max, OptionalInt.empty(), Set.of());
  }

  private static Optional<BigDecimal> bound(PropertyType type, String t, String s) {
    if (s.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal value;
    try {
      value = new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "bound '" + s + "' of range '" + t + "' is not a number (write e.g. '0..100')", e);
    }
    if (type == PropertyType.INTEGER && value.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "bound '" + s + "' of integer range '" + t + "' is not a whole number (e.g. '1..5')");
    }
    return Optional.of(value);
  }
}
