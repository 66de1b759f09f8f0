package vn.eams.metamodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Result of coercing one raw (JSON-ish) value: the stored Java value when valid and present, and
 * the problems found (empty when valid).
 */
public record Coercion(Optional<Object> value, List<PropertyProblem> problems) {

  /** Copies the problems; validates that no component is null. */
  public Coercion {
    Objects.requireNonNull(value, "value");
    problems = List.copyOf(problems);
  }

  /** True when there is no problem. */
  public boolean isValid() {
    return problems.isEmpty();
  }

  static Coercion of(Object value) {
    return new Coercion(Optional.of(value), List.of());
  }

  static Coercion absent() {
    return new Coercion(Optional.empty(), List.of());
  }

  static Coercion problem(PropertyProblem problem) {
    return new Coercion(Optional.empty(), List.of(problem));
  }
}
