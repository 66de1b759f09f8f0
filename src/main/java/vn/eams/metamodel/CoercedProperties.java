package vn.eams.metamodel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result of coercing a map of raw property values: the valid values as stored Java types (in
 * definition order, absent ones left out) and every problem found.
 */
public record CoercedProperties(Map<String, Object> values, List<PropertyProblem> problems) {

  /** Copies both components, keeping the order of {@code values}. */
  public CoercedProperties {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    problems = List.copyOf(problems);
  }

  /** True when there is no problem. */
  public boolean isValid() {
    return problems.isEmpty();
  }
}
