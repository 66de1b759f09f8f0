package vn.eams.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MigrationsIdempotenceTest {

  @Inject CypherMigrations migrations;
  @Inject Graph graph;

  @Test
  void migrate_AppliesEachMigrationOnce_WhenRunAgain() {
    long before = count();
    migrations.migrate();
    migrations.migrate();
    assertThat(count())
        .isEqualTo(before)
        .isEqualTo(CypherMigrations.load(getClass().getClassLoader()).size());
    assertThat(migrations.isApplied()).isTrue();
  }

  @Test
  void migrate_StopsWithFileName_WhenAnAppliedMigrationChanged() {
    String real =
        graph.read(
            tx ->
                tx.run("MATCH (m:SchemaMigration {version: 1}) RETURN m.checksum AS c")
                    .single()
                    .get("c")
                    .asString());
    graph.write(
        tx -> tx.run("MATCH (m:SchemaMigration {version: 1}) SET m.checksum = 'edited'").consume());
    try {
      assertThatThrownBy(() -> migrations.migrate())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("V0001__identity_constraints.cypher")
          .hasMessageContaining("add a new numbered migration");
    } finally {
      graph.write(
          tx ->
              tx.run(
                      "MATCH (m:SchemaMigration {version: 1}) SET m.checksum = $c",
                      java.util.Map.of("c", real))
                  .consume());
    }
  }

  @Test
  void changeSetMigration_MovesOldChangeRecordsIntoSets_PerModelInSeqOrder() {
    // the log as V0001–V0008 wrote it: one (:Change) node per change
    String json = "{\"id\":\"e1\"}";
    java.util.List<java.util.Map<String, Object>> rows =
        java.util.List.of(
            oldChange(-3, "2026-01-02T03:04:05Z", "a", "create", "mig-a", "e1", "", json, ""),
            oldChange(-2, "2026-01-02T03:04:06Z", "b", "create", "mig-b", "e2", "", "", ""),
            oldChange(-1, "2026-01-02T03:04:07Z", "a", "delete", "mig-a", "e1", json, "", "x"));
    graph.write(
        tx ->
            tx.run(
                    "UNWIND $rows AS r CREATE (c:Change) SET c = r, c.at = datetime(r.at)",
                    java.util.Map.of("rows", rows))
                .consume());
    CypherMigrations.Migration v9 =
        CypherMigrations.load(getClass().getClassLoader()).stream()
            .filter(m -> m.version() == 9)
            .findFirst()
            .orElseThrow();
    try {
      v9.statements().forEach(graph::autoCommit);
      java.util.Map<String, Object> a =
          graph.read(
              tx ->
                  tx.run("MATCH (s:ChangeSet {modelId: 'mig-a'}) RETURN properties(s) AS s")
                      .single()
                      .get("s")
                      .asMap());
      assertThat(a.get("first")).isEqualTo(-3L);
      assertThat(a.get("last")).isEqualTo(-1L);
      assertThat(a.get("seqs")).isEqualTo(java.util.List.of(-3L, -1L));
      assertThat(a.get("ops")).isEqualTo(java.util.List.of("create", "delete"));
      assertThat(a.get("targets")).isEqualTo(java.util.List.of("e1", "e1"));
      assertThat(a.get("actors")).isEqualTo(java.util.List.of("a", "a"));
      assertThat(a.get("befores")).isEqualTo(java.util.List.of("", "{\"id\":\"e1\"}"));
      assertThat(a.get("afters")).isEqualTo(java.util.List.of("{\"id\":\"e1\"}", ""));
      assertThat(a.get("causes")).isEqualTo(java.util.List.of("", "x"));
      assertThat(((java.util.List<?>) a.get("ats"))).hasSize(2);
      assertThat(String.valueOf(((java.util.List<?>) a.get("ats")).get(0)))
          .startsWith("2026-01-02T03:04:05");
      assertThat(
              count(
                  "MATCH (s:ChangeSet {modelId: 'mig-b'}) WHERE s.seqs = [-2] RETURN count(s) AS c"))
          .isEqualTo(1);
      assertThat(count("MATCH (c:Change) RETURN count(c) AS c")).isZero();
    } finally {
      graph.write(
          tx ->
              tx.run(
                      "MATCH (n) WHERE (n:Change OR n:ChangeSet) AND n.modelId IN ['mig-a', 'mig-b']"
                          + " DETACH DELETE n")
                  .consume());
    }
  }

  /** A change record as V0001–V0008 stored it: empty texts were absent. */
  private static java.util.Map<String, Object> oldChange(
      long seq,
      String at,
      String actor,
      String op,
      String modelId,
      String target,
      String before,
      String after,
      String cause) {
    java.util.Map<String, Object> m = new java.util.HashMap<>();
    m.put("seq", seq);
    m.put("at", at);
    m.put("actor", actor);
    m.put("op", op);
    m.put("kind", "element");
    m.put("modelId", modelId);
    m.put("targetId", target);
    for (String[] kv : new String[][] {{"before", before}, {"after", after}, {"cause", cause}}) {
      if (!kv[1].isEmpty()) {
        m.put(kv[0], kv[1]);
      }
    }
    return m;
  }

  private long count() {
    return count("MATCH (m:SchemaMigration) RETURN count(m) AS c");
  }

  private long count(String query) {
    return graph.read(tx -> tx.run(query).single().get("c").asLong());
  }
}
