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

  private long count() {
    return graph.read(
        tx -> tx.run("MATCH (m:SchemaMigration) RETURN count(m) AS c").single().get("c").asLong());
  }
}
