package vn.eams.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Writes and reads the change log; writes happen in the mutation's own transaction.
 *
 * <p>The log is stored as {@code (:ChangeSet)} nodes (ADR 0006): the changes one transaction makes
 * to one model, at most {@link #SET_SIZE} of them per node, as parallel lists ({@code seqs}, {@code
 * ats}, {@code actors}, {@code ops}, {@code kinds}, {@code targets}, {@code befores}, {@code
 * afters}, {@code causes}; an empty string where a change has no value), with {@code modelId} and
 * the lowest and highest sequence numbers ({@code first}, {@code last}) indexed. A change is one
 * entry of those lists; readers see {@link Change} records as before.
 */
@ApplicationScoped
public class ChangeLog {

  /** Changes per {@code (:ChangeSet)} node. */
  static final int SET_SIZE = 1000;

  /** Writes the changes (their seq numbers already assigned) in the current transaction. */
  void write(TransactionContext tx, List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Map<String, List<Change>> byModel = new LinkedHashMap<>();
    for (Change c : changes) {
      byModel.computeIfAbsent(c.modelId(), k -> new ArrayList<>()).add(c);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Change> ofModel : byModel.values()) {
      for (int from = 0; from < ofModel.size(); from += SET_SIZE) {
        rows.add(row(ofModel.subList(from, Math.min(ofModel.size(), from + SET_SIZE))));
      }
    }
    tx.run("UNWIND $rows AS r CREATE (s:ChangeSet) SET s = r", Map.of("rows", rows)).consume();
  }

  private static Map<String, Object> row(List<Change> changes) {
    int n = changes.size();
    List<Long> seqs = new ArrayList<>(n);
    List<java.time.OffsetDateTime> ats = new ArrayList<>(n);
    List<String> actors = new ArrayList<>(n);
    List<String> ops = new ArrayList<>(n);
    List<String> kinds = new ArrayList<>(n);
    List<String> targets = new ArrayList<>(n);
    List<String> befores = new ArrayList<>(n);
    List<String> afters = new ArrayList<>(n);
    List<String> causes = new ArrayList<>(n);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Change c : changes) {
      seqs.add(c.seq());
      first = Math.min(first, c.seq());
      last = Math.max(last, c.seq());
      ats.add(GraphMapping.time(c.at()));
      actors.add(nz(c.actor()));
      ops.add(nz(c.op()));
      kinds.add(nz(c.kind()));
      targets.add(nz(c.targetId()));
      befores.add(nz(c.before()));
      afters.add(nz(c.after()));
      causes.add(nz(c.cause()));
    }
    Map<String, Object> m = new HashMap<>();
    m.put("modelId", nz(changes.get(0).modelId()));
    m.put("first", first);
    m.put("last", last);
    m.put("seqs", seqs);
    m.put("ats", ats);
    m.put("actors", actors);
    m.put("ops", ops);
    m.put("kinds", kinds);
    m.put("targets", targets);
    m.put("befores", befores);
    m.put("afters", afters);
    m.put("causes", causes);
    return m;
  }

  /** Changes of a model with seq greater than {@code since}, in order, at most {@code limit}. */
  List<Change> since(TransactionContext tx, String modelId, long since, int limit) {
    // each set holds at least one change of the model after `since`: `limit` sets are enough
    List<Long> firsts =
        tx.run(
                "MATCH (s:ChangeSet) WHERE s.modelId = $m AND s.last > $s RETURN s.first AS f"
                    + " ORDER BY f LIMIT $l",
                Map.of("m", modelId, "s", since, "l", limit))
            .list(r -> r.get("f").asLong());
    return read(
        tx,
        "MATCH (s:ChangeSet) WHERE s.modelId = $m AND s.first IN $f RETURN s",
        Map.of("m", modelId, "f", firsts),
        c -> c.seq() > since,
        limit);
  }

  /** Changes of every model after {@code after}, in order, at most {@code limit}. */
  List<Change> after(TransactionContext tx, long after, int limit) {
    return read(
        tx,
        "MATCH (s:ChangeSet) WHERE s.last > $after RETURN s ORDER BY s.first LIMIT $l",
        Map.of("after", after, "l", limit),
        c -> c.seq() > after,
        limit);
  }

  /** Changes of every model with {@code from < seq <= to}, in order. */
  List<Change> between(TransactionContext tx, long from, long to) {
    return read(
        tx,
        "MATCH (s:ChangeSet) WHERE s.last > $from AND s.first <= $to RETURN s",
        Map.of("from", from, "to", to),
        c -> c.seq() > from && c.seq() <= to,
        Integer.MAX_VALUE);
  }

  /**
   * What the audit looks for; empty parts match everything.
   *
   * @param user a user name: changes it made, directly or through one of its API tokens
   * @param modelId the model
   * @param targetId the changed concept (element, relationship, folder, view)
   * @param from changes at or after this time
   * @param to changes before this time
   * @param before changes with a lower sequence number (the next page of a newest-first list)
   * @param limit the most changes to answer
   */
  public record AuditFilter(
      java.util.Optional<String> user,
      java.util.Optional<String> modelId,
      java.util.Optional<String> targetId,
      java.util.Optional<Instant> from,
      java.util.Optional<Instant> to,
      long before,
      int limit) {

    boolean matches(Change c) {
      return c.seq() < before
          && user.map(u -> c.actor().equals(u) || c.actor().startsWith(u + " (token ")).orElse(true)
          && modelId.map(m -> m.equals(c.modelId())).orElse(true)
          && targetId.map(t -> t.equals(c.targetId())).orElse(true)
          && from.map(f -> !c.at().isBefore(f)).orElse(true)
          && to.map(t -> c.at().isBefore(t)).orElse(true);
    }
  }

  /**
   * The changes the filter matches across models, newest first, at most {@code limit}: change sets
   * are read by their first sequence number, highest first, 200 at a time, until enough changes
   * matched.
   */
  public List<Change> audit(TransactionContext tx, AuditFilter f) {
    List<Change> found = new ArrayList<>();
    long cursor = f.before();
    while (found.size() < f.limit()) {
      Map<String, Object> p = new HashMap<>();
      p.put("before", cursor);
      p.put("m", f.modelId().orElse(null));
      p.put("id", f.targetId().orElse(null));
      p.put("u", f.user().orElse(null));
      p.put("ut", f.user().map(u -> u + " (token ").orElse(null));
      List<Change> page = new ArrayList<>();
      long[] lowest = {Long.MAX_VALUE};
      int[] sets = {0};
      tx.run(
              "MATCH (s:ChangeSet) WHERE s.first < $before"
                  + " AND ($m IS NULL OR s.modelId = $m)"
                  + " AND ($id IS NULL OR $id IN s.targets)"
                  + " AND ($u IS NULL OR any(a IN s.actors WHERE a = $u OR a STARTS WITH $ut))"
                  + " RETURN s ORDER BY s.first DESC LIMIT 200",
              p)
          .forEachRemaining(
              r -> {
                sets[0]++;
                lowest[0] = Math.min(lowest[0], r.get("s").get("first").asLong());
                page.addAll(changes(r.get("s"), c -> f.matches(c) && c.seq() < f.before()));
              });
      page.sort(Comparator.comparingLong(Change::seq).reversed());
      for (Change c : page) {
        if (found.size() < f.limit()) {
          found.add(c);
        }
      }
      if (sets[0] < 200) {
        break;
      }
      cursor = lowest[0];
    }
    return found;
  }

  /** The latest changes of one concept of a model, newest first, at most {@code limit}. */
  public List<Change> of(TransactionContext tx, String modelId, String targetId, int limit) {
    List<Change> found =
        read(
            tx,
            "MATCH (s:ChangeSet) WHERE s.modelId = $m AND $id IN s.targets RETURN s",
            Map.of("m", modelId, "id", targetId),
            c -> c.targetId().equals(targetId),
            Integer.MAX_VALUE);
    List<Change> newestFirst = new ArrayList<>(found);
    java.util.Collections.reverse(newestFirst);
    return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
  }

  private static List<Change> read(
      TransactionContext tx,
      String query,
      Map<String, Object> params,
      Predicate<Change> keep,
      int limit) {
    List<Change> result = new ArrayList<>();
    tx.run(query, params).forEachRemaining(r -> result.addAll(changes(r.get("s"), keep)));
    result.sort(Comparator.comparingLong(Change::seq));
    return result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
  }

  /** The changes of one change set that {@code keep} accepts, in the set's order. */
  private static List<Change> changes(Value s, Predicate<Change> keep) {
    List<Change> result = new ArrayList<>();
    String modelId = s.get("modelId").asString("");
    List<Object> seqs = s.get("seqs").asList();
    List<Object> ats = s.get("ats").asList();
    List<Object> actors = s.get("actors").asList();
    List<Object> ops = s.get("ops").asList();
    List<Object> kinds = s.get("kinds").asList();
    List<Object> targets = s.get("targets").asList();
    List<Object> befores = s.get("befores").asList();
    List<Object> afters = s.get("afters").asList();
    List<Object> causes = s.get("causes").asList();
    for (int i = 0; i < seqs.size(); i++) {
      Change c =
          new Change(
              ((Number) seqs.get(i)).longValue(),
              instant(ats.get(i)),
              (String) actors.get(i),
              (String) ops.get(i),
              (String) kinds.get(i),
              modelId,
              (String) targets.get(i),
              (String) befores.get(i),
              (String) afters.get(i),
              (String) causes.get(i));
      if (keep.test(c)) {
        result.add(c);
      }
    }
    return result;
  }

  private static Instant instant(Object at) {
    if (at instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    return at instanceof java.time.OffsetDateTime o ? o.toInstant() : Instant.EPOCH;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
