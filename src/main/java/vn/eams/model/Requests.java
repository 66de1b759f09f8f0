package vn.eams.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Helpers shared by the model's REST resources. */
final class Requests {

  private Requests() {}

  /** Parses a body with the given reader; 400 with every field problem when it cannot be read. */
  static <T> T read(JsonNode body, Function<JsonInput, T> reader) {
    List<Problem.Error> errors = new ArrayList<>();
    JsonInput in = JsonInput.root(body, errors);
    T value = reader.apply(in);
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          "The body has fields of the wrong type or unknown fields; nothing was changed.", errors);
    }
    return value;
  }

  /** A body may repeat the addressed id but not name another one. */
  static void sameId(JsonInput in, String id) {
    String bodyId = in.text("id", id);
    if (!bodyId.equals(id)) {
      throw ProblemException.badRequest(
          "The body's id differs from the address.",
          List.of(Problem.Error.field("id", "id-mismatch", "Leave id out or send '" + id + "'.")));
    }
  }

  static int limit(Integer requested, EamsConfig config) {
    int max = config.api().maxPageSize();
    if (requested == null) {
      return Math.min(100, max);
    }
    if (requested < 1 || requested > max) {
      throw ProblemException.badRequest(
          "limit must be between 1 and " + max + ".",
          List.of(
              Problem.Error.field(
                  "limit", "out-of-range", "Use 1.." + max + " and follow nextCursor for more.")));
    }
    return requested;
  }

  static List<String> csv(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Splits a property filter "key=value" (or "key" alone). */
  static String[] property(String filter) {
    if (filter == null || filter.isBlank()) {
      return new String[] {"", ""};
    }
    int eq = filter.indexOf('=');
    return eq < 0
        ? new String[] {filter.strip(), ""}
        : new String[] {filter.substring(0, eq).strip(), filter.substring(eq + 1)};
  }

  static Response created(String location, Map<String, Object> body, long version) {
    return Response.created(URI.create(location))
        .tag(new jakarta.ws.rs.core.EntityTag(Long.toString(version)))
        .entity(body)
        .build();
  }

  static Response ok(Map<String, Object> body, long version) {
    return Response.ok(body).tag(new jakarta.ws.rs.core.EntityTag(Long.toString(version))).build();
  }

  /** The response body of a delete: what was deleted and what went with it. */
  static Map<String, Object> deleted(ChangeResult result) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("deleted", result.applied().stream().map(ChangeResult.Applied::id).toList());
    m.put("cascaded", result.cascaded());
    m.put("seq", result.seq());
    return m;
  }

  static <T> Map<String, Object> page(
      ModelQueries.Page<T> page, Function<T, Map<String, Object>> json) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", page.items().stream().map(json).toList());
    if (!page.nextCursor().isEmpty()) {
      m.put("nextCursor", page.nextCursor());
    }
    m.put("seq", page.seq());
    return m;
  }
}
