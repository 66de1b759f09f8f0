package vn.eams.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The page a connection field asks for: {@code first} items after a cursor, or the {@code last}
 * items before one.
 *
 * @param size items per page
 * @param backward true for {@code last/before}
 */
record PageArgs(int size, boolean backward, String after, String before) {

  /** The page arguments of a connection field, checked against the limits. */
  static PageArgs of(DataFetchingEnvironment env, int defaultSize, int maxSize) {
    return of(env::getArgument, defaultSize, maxSize);
  }

  /** The page arguments among a selected field's arguments, checked against the limits. */
  static PageArgs of(Map<String, Object> arguments, int defaultSize, int maxSize) {
    return of(arguments::get, defaultSize, maxSize);
  }

  private static PageArgs of(Function<String, Object> argument, int defaultSize, int maxSize) {
    Integer first = (Integer) argument.apply("first");
    Integer last = (Integer) argument.apply("last");
    List<Problem.Error> errors = new ArrayList<>();
    if (first != null && last != null) {
      errors.add(Problem.Error.field("last", "first-and-last", "Give first or last, not both."));
    }
    for (Map.Entry<String, Integer> a : sizes(first, last).entrySet()) {
      if (a.getValue() < 0 || a.getValue() > maxSize) {
        errors.add(
            Problem.Error.field(
                a.getKey(),
                "page-size",
                "Must be from 0 to " + maxSize + " (eams.graphql.max-page-size)."));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest("The page cannot be read as asked.", errors);
    }
    boolean backward = last != null;
    int size = first != null ? first : last != null ? last : defaultSize;
    return new PageArgs(
        size, backward, (String) argument.apply("after"), (String) argument.apply("before"));
  }

  private static Map<String, Integer> sizes(Integer first, Integer last) {
    Map<String, Integer> m = new LinkedHashMap<>();
    if (first != null) {
      m.put("first", first);
    }
    if (last != null) {
      m.put("last", last);
    }
    return m;
  }

  /**
   * A Relay connection of {@code rows}: in ascending order, with at most one item more than the
   * page (after the page going forward, before it going backward), which only tells that there is
   * more.
   */
  <T> Map<String, Object> connection(List<T> rows, long total, Function<T, String> cursor) {
    boolean more = rows.size() > size;
    List<T> page =
        !more
            ? rows
            : backward ? rows.subList(rows.size() - size, rows.size()) : rows.subList(0, size);
    List<Map<String, Object>> edges = new ArrayList<>(page.size());
    for (T node : page) {
      edges.add(Map.of("cursor", cursor.apply(node), "node", node));
    }
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("hasNextPage", backward ? before != null : more);
    info.put("hasPreviousPage", backward ? more : after != null);
    info.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
    info.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("totalCount", total);
    c.put("pageInfo", info);
    c.put("edges", edges);
    c.put("nodes", page);
    return c;
  }
}
