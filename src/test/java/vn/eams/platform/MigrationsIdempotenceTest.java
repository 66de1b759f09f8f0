package vn.eams.platform;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(count()).isEqualTo(before).isEqualTo(4);
    assertThat(migrations.isApplied()).isTrue();
  }

  private long count() {
    return graph.read(
        tx -> tx.run("MATCH (m:SchemaMigration) RETURN count(m) AS c").single().get("c").asLong());
  }
}
