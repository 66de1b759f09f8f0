package vn.eams.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The loader's statements: each holds the branches of the kinds its batch asks for, and only them.
 */
class GraphLoaderStatementTest {

  private static int bit(String kind) {
    return 1 << GraphLoader.KINDS.indexOf(kind);
  }

  @Test
  void aBatchOfOneKind_ReadsThatKindOnly_WithNoKindFilter() {
    String s = GraphLoader.statement(bit("element"));
    assertThat(s).contains("MATCH (e:Element {id: k.id})").doesNotContain("UNION", "k.kind");
    assertThat(s).startsWith("UNWIND $keys AS k\nCALL (k) {");
  }

  @Test
  void aBatchOfSeveralKinds_HasOneFilteredBranchPerKind_InAFixedOrder() {
    String s = GraphLoader.statement(bit("domains") | bit("applications") | bit("databases"));
    assertThat(s.split("UNION ALL", -1)).hasSize(3);
    assertThat(s)
        .containsSubsequence(
            "k.kind = 'applications'", "k.kind = 'databases'", "k.kind = 'domains'")
        .doesNotContain("k.kind = 'element'", "k.kind = 'integrations'");
    assertThat(GraphLoader.statement(bit("domains") | bit("applications") | bit("databases")))
        .isSameAs(s);
  }

  @Test
  void edges_ReadOneDirection_ByTheKindOfTheirKey() {
    PageArgs page = new PageArgs(10, false, null, null);
    assertThat(GraphLoader.kind(GraphLoader.Key.edges("x", true, null, null, page)))
        .isEqualTo("edges-out");
    assertThat(GraphLoader.kind(GraphLoader.Key.edges("x", false, null, null, page)))
        .isEqualTo("edges-in");
    assertThat(GraphLoader.statement(bit("edges-out"))).contains("(e)-[x]->(o)");
    assertThat(GraphLoader.statement(bit("edges-in"))).contains("(e)<-[x]-(o)");
    int all = (1 << GraphLoader.KINDS.size()) - 1;
    assertThat(GraphLoader.statement(all).split("UNION ALL", -1)).hasSize(GraphLoader.KINDS.size());
  }
}
