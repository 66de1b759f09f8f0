package vn.eams.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CypherMigrationsTest {

  @Test
  void load_ReadsIndexedMigrationsInOrder() {
    List<CypherMigrations.Migration> ms = CypherMigrations.load(getClass().getClassLoader());
    assertThat(ms)
        .extracting(CypherMigrations.Migration::version)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(ms.get(1).statements()).hasSize(22).allMatch(s -> s.startsWith("CREATE INDEX"));
    assertThat(ms).allMatch(m -> m.checksum().length() == 64);
  }

  @Test
  void statements_SplitAtLineEndSemicolons_AndDropComments() {
    List<String> s =
        CypherMigrations.statements(
            "// comment\nCREATE INDEX a\n  FOR (n:X) ON (n.p);\n\nMERGE (s:S {n: 'a;b'});\n");
    assertThat(s).containsExactly("CREATE INDEX a\n  FOR (n:X) ON (n.p)", "MERGE (s:S {n: 'a;b'})");
  }
}
