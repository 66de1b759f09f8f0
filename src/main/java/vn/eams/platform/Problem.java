package vn.eams.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document: what is wrong ({@code title}, {@code detail}), where ({@code
 * errors[]} with field, id or line) and how to fix it (in each message).
 *
 * @param type stable problem type URI ({@code urn:eams:problem:<slug>})
 * @param title short summary of the problem type
 * @param status HTTP status
 * @param detail this occurrence, in words
 * @param errors every individual problem found (never only the first)
 * @param current the current state of the resource, on a version conflict
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type, String title, int status, String detail, List<Error> errors, Object current) {

  /** The media type of problem documents. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * One problem at one place.
   *
   * @param field JSON pointer-like path of the offending field ({@code operations[3].data.type})
   * @param id id of the concept concerned
   * @param line line (and column) in an uploaded document
   * @param code stable machine-readable code
   * @param message what is wrong and how to fix it
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Error(String field, String id, String line, String code, String message) {

    /** A problem with a request field. */
    public static Error field(String field, String code, String message) {
      return new Error(field, null, null, code, message);
    }

    /** A problem with a concept. */
    public static Error id(String id, String code, String message) {
      return new Error(null, id, null, code, message);
    }

    /** Same problem, found under the given path prefix. */
    public Error under(String prefix) {
      String f = field == null || field.isEmpty() ? prefix : prefix + "." + field;
      return new Error(f, id, line, code, message);
    }
  }
}
