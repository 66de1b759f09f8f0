package vn.eams.model;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The audit of model changes across models: who changed what, when, filtered by user, model,
 * element and time, newest first (docs/operations/security.md).
 */
@Path("/api/changes")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  /** The most changes one answer holds. */
  static final int MAX = 1000;

  private final ModelQueries queries;

  AuditResource(ModelQueries queries) {
    this.queries = queries;
  }

  @GET
  @Access(Right.READ)
  @Operation(
      summary = "Changes of every model, newest first, filtered by user, model, element and time",
      description =
          "user matches the user's own changes and those of its API tokens; from and to are ISO"
              + " dates or date-times; before is the nextBefore of the previous page.")
  public Map<String, Object> audit(
      @QueryParam("user") String user,
      @QueryParam("model") String model,
      @QueryParam("element") String element,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("before") Long before,
      @QueryParam("limit") Integer limit) {
    ChangeLog.AuditFilter f = filter(user, model, element, from, to, before, limit);
    List<Change> changes = queries.audit(f);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", changes.stream().map(ModelResource::change).toList());
    m.put("nextBefore", changes.size() < f.limit() ? null : changes.get(changes.size() - 1).seq());
    return m;
  }

  /** Reads the filter; 400 naming every part that cannot be read. */
  public static ChangeLog.AuditFilter filter(
      String user,
      String model,
      String element,
      String from,
      String to,
      Long before,
      Integer limit) {
    List<Problem.Error> errors = new ArrayList<>();
    Optional<Instant> f = time(from, "from", false, errors);
    Optional<Instant> t = time(to, "to", true, errors);
    int n = limit == null ? 100 : limit;
    if (n < 1 || n > MAX) {
      errors.add(Problem.Error.field("limit", "out-of-range", "Use 1.." + MAX + "."));
    }
    if (before != null && before < 1) {
      errors.add(
          Problem.Error.field("before", "out-of-range", "Use the nextBefore of the last page."));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest("The audit filter cannot be read.", errors);
    }
    return new ChangeLog.AuditFilter(
        text(user), text(model), text(element), f, t, before == null ? Long.MAX_VALUE : before, n);
  }

  private static Optional<String> text(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  private static Optional<Instant> time(
      String s, String field, boolean endOfDay, List<Problem.Error> errors) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    String v = s.strip();
    ZoneId zone = ZoneId.systemDefault();
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return Optional.of((endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant());
      }
      if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return Optional.of(OffsetDateTime.parse(v).toInstant());
      }
      return Optional.of(LocalDateTime.parse(v).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      errors.add(
          Problem.Error.field(
              field,
              "invalid-time",
              "Use an ISO date (2026-11-30) or date-time (2026-11-30T08:00 or with an offset)."));
      return Optional.empty();
    }
  }
}
