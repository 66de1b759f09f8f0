package vn.eams.appraisal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Reads the fields of a JSON request body, collecting every problem (field, what is wrong, how to
 * fix) so one answer lists them all.
 */
final class Fields {

  private final JsonNode body;
  final List<Problem.Error> errors = new ArrayList<>();

  private Fields(JsonNode body) {
    this.body = body;
  }

  /** The body as an object; 400 when it is not one or has fields not in {@code known}. */
  static Fields of(JsonNode body, String example, Set<String> known) {
    if (body == null || body.isNull() || !body.isObject()) {
      throw ProblemException.badRequest(
          "The body is not a JSON object.",
          List.of(
              Problem.Error.field(
                  "body", "invalid-json", "Send a JSON object such as " + example + ".")));
    }
    List<Problem.Error> unknown = new ArrayList<>();
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        unknown.add(
            Problem.Error.field(
                f,
                "unknown-field",
                "Leave it out; the fields are " + String.join(", ", known) + "."));
      }
    }
    if (!unknown.isEmpty()) {
      throw ProblemException.badRequest("The body has fields this request does not know.", unknown);
    }
    return new Fields(body);
  }

  Optional<String> text(String name) {
    JsonNode n = body.get(name);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isTextual()) {
      errors.add(Problem.Error.field(name, "invalid-value", "Give a text."));
      return Optional.empty();
    }
    return Optional.of(n.asText());
  }

  Optional<Long> whole(String name) {
    JsonNode n = body.get(name);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      errors.add(Problem.Error.field(name, "invalid-value", "Give a whole number."));
      return Optional.empty();
    }
    return Optional.of(n.asLong());
  }

  Optional<Integer> integer(String name) {
    Optional<Long> l = whole(name);
    if (l.isPresent() && (l.get() > Integer.MAX_VALUE || l.get() < Integer.MIN_VALUE)) {
      errors.add(Problem.Error.field(name, "invalid-value", "The number is too large."));
      return Optional.empty();
    }
    return l.map(Long::intValue);
  }

  Optional<LocalDate> date(String name) {
    Optional<String> t = text(name);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(t.get().strip()));
    } catch (DateTimeParseException e) {
      errors.add(Problem.Error.field(name, "invalid-date", "Give a date as YYYY-MM-DD."));
      return Optional.empty();
    }
  }

  List<String> texts(String name) {
    JsonNode n = body.get(name);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      errors.add(Problem.Error.field(name, "invalid-value", "Give a list of texts."));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isTextual()) {
        errors.add(Problem.Error.field(name + "[" + i + "]", "invalid-value", "Give a text."));
      } else {
        out.add(n.get(i).asText());
      }
    }
    return out;
  }

  JsonNode node(String name) {
    return body.get(name);
  }

  /** 400 with every problem collected, if any. */
  void done() {
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest("Some fields of the body cannot be read.", errors);
    }
  }
}
