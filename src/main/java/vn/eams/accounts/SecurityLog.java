package vn.eams.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Reads the recorded security events, newest first, filtered by user, kind and time. */
@ApplicationScoped
public class SecurityLog {

  /** The most events one answer holds. */
  static final int MAX = 1000;

  /**
   * What to look for; every part may be null.
   *
   * @param user a user name: events it did or that concerned it
   * @param kind an event kind ({@code login}, {@code role-changed}, ...)
   * @param from an ISO date or date-time: events at or after it
   * @param to an ISO date or date-time: events before it (a date includes the whole day)
   * @param limit the most events to answer, 1..1000 (default 200)
   */
  public record Filter(String user, String kind, String from, String to, Integer limit) {}

  /** The events that match, newest first. */
  public List<Map<String, Object>> find(Filter f) {
    List<Problem.Error> errors = new ArrayList<>();
    LocalDateTime from = time(f.from(), "from", false, errors);
    LocalDateTime to = time(f.to(), "to", true, errors);
    int limit = f.limit() == null ? 200 : f.limit();
    if (limit < 1 || limit > MAX) {
      errors.add(Problem.Error.field("limit", "out-of-range", "Use 1.." + MAX + "."));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest("The filter cannot be read.", errors);
    }
    StringBuilder q = new StringBuilder("1 = 1");
    Map<String, Object> p = new LinkedHashMap<>();
    if (f.user() != null && !f.user().isBlank()) {
      q.append(" and (actor = :user or actor like :userToken or subject = :user)");
      p.put("user", f.user().strip());
      p.put("userToken", f.user().strip() + " (token %");
    }
    if (f.kind() != null && !f.kind().isBlank()) {
      q.append(" and kind = :kind");
      p.put("kind", f.kind().strip());
    }
    if (from != null) {
      q.append(" and at >= :from");
      p.put("from", from);
    }
    if (to != null) {
      q.append(" and at < :to");
      p.put("to", to);
    }
    q.append(" order by at desc, id desc");
    int n = limit;
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                SecurityEvent.<SecurityEvent>find(q.toString(), p).page(0, n).list().stream()
                    .map(SecurityLog::json)
                    .toList());
  }

  private static Map<String, Object> json(SecurityEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", e.at.toString());
    m.put("actor", e.actor);
    m.put("kind", e.kind);
    m.put("subject", e.subject);
    m.put("detail", e.detail);
    m.put("address", e.address);
    return m;
  }

  /** An ISO date or date-time (with or without offset), in the server's zone. */
  static LocalDateTime time(String s, String field, boolean endOfDay, List<Problem.Error> errors) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String v = s.strip();
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return endOfDay ? d.plusDays(1).atStartOfDay() : d.atStartOfDay();
      }
      if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(v).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
      }
      return LocalDateTime.parse(v);
    } catch (DateTimeParseException e) {
      errors.add(
          Problem.Error.field(
              field,
              "invalid-time",
              "Use an ISO date (2026-11-30) or date-time (2026-11-30T08:00)."));
      return null;
    }
  }
}
