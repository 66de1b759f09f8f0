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
    String s = GraphLoader.statement(bit("integrations") | bit("element") | bit("edges-in"));
    assertThat(s.split("UNION ALL", -1)).hasSize(3);
    assertThat(s)
        .containsSubsequence("k.kind = 'element'", "k.kind = 'edges-in'", "k.kind = 'integrations'")
        .doesNotContain("k.kind = 'agency'", "k.kind = 'relationship'");
    assertThat(GraphLoader.statement(bit("edges-in") | bit("integrations") | bit("element")))
        .isSameAs(s);
  }

  @Test
  void anAgencysApplicationsDatabasesAndDomains_AreOneBranch_ThatSearchesTheApplicationsOnce() {
    for (String field : GraphLoader.AGENCY_FIELDS) {
      assertThat(GraphLoader.kind(GraphLoader.Key.related(field, "a", null))).isEqualTo("agency");
    }
    assertThat(GraphLoader.kind(GraphLoader.Key.related("integrations", "a", null)))
        .isEqualTo("integrations");
    String s = GraphLoader.statement(bit("agency"));
    // one search: a union of the owner, operator and assignment routes, which the databases reuse
    assertThat(s.split("MATCH \\(x:ApplicationComponent \\{p_owner: a.id\\}\\)", -1)).hasSize(2);
    assertThat(s.split("MATCH \\(x:ApplicationComponent \\{p_operator: a.id\\}\\)", -1)).hasSize(2);
    assertThat(s).contains("UNWIND apps AS c").doesNotContain("MATCH (x:ApplicationComponent)\n");
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
