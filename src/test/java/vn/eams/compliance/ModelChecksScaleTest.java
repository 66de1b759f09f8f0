package vn.eams.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.eams.compliance.ModelFixture.CHECKS;
import static vn.eams.compliance.ModelFixture.child;
import static vn.eams.compliance.ModelFixture.connection;
import static vn.eams.compliance.ModelFixture.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.ViewDefinition;

/**
 * Every check on a generated model of 100,000 concepts (40,000 elements, 60,000 relationships and
 * 2,000 views) finds exactly the problems seeded into it. How long the checks take at this size is
 * measured by tests/bench/compliance.sh (docs/performance.md), not by a timed test.
 */
class ModelChecksScaleTest {

  static final int GROUPS = 10_000; // each: agency, component, service, junction

  static ModelSnapshot generate() {
    ModelFixture m = ModelFixture.model();
    List<ViewDefinition.Node> nodes = new ArrayList<>();
    List<ViewDefinition.Connection> connections = new ArrayList<>();
    int view = 0;
    for (int i = 0; i < GROUPS; i++) {
      String a = "a" + i;
      String c = "c" + i;
      String s = "s" + i;
      String j = "j" + i;
      // every 100th agency repeats a name, every 1000th closes a successor cycle of two
      String successor = i % 1000 == 1 ? "a" + (i - 1) : "a" + (i + 1);
      m.specialized(
          a,
          "BusinessActor",
          "Cơ quan " + (i % 100 == 0 ? 0 : i),
          "Agency",
          Map.of("level", "province", "successor", successor));
      m.specialized(
          c,
          "ApplicationComponent",
          "Ứng dụng " + i,
          "Application",
          Map.of("applicationGroup", "business", "securityLevel", (long) (i % 6), "owner", a));
      m.element(s, "ApplicationService", "Dịch vụ " + i);
      m.element(j, i % 2 == 0 ? "AndJunction" : "OrJunction", "");
      m.relationship("r" + i + "a", "Realization", c, j);
      m.relationship("r" + i + "b", "Realization", j, s);
      m.relationship("r" + i + "c", "Serving", s, a);
      m.relationship("r" + i + "d", "Assignment", a, c);
      m.relationship("r" + i + "e", "Composition", a, "a" + ((i + 1) % GROUPS));
      m.relationship("r" + i + "f", "Flow", c, "c" + ((i + 7) % GROUPS));
      String p = "v" + view + "." + i;
      nodes.add(node(p + ".a", a));
      nodes.add(child(p + ".c", p + ".a", c));
      nodes.add(child(p + ".s", p + ".a", s));
      connections.add(connection(p + ".rc", "r" + i + "c", p + ".s", p + ".a"));
      if (nodes.size() >= 15) {
        m.view("v" + view, view % 2 == 0 ? "Organization" : "", nodes, connections);
        nodes = new ArrayList<>();
        connections = new ArrayList<>();
        view++;
      }
    }
    return m.snapshot();
  }

  @Test
  void run_FindsExactlyTheSeededProblems_InA100kConceptModel() {
    ModelSnapshot snapshot = generate();
    assertThat(snapshot.elements().size() + snapshot.relationships().size()).isEqualTo(100_000);

    List<Finding> findings = CHECKS.run(snapshot);
    // a second run over the same snapshot finds the same (no state kept between runs)
    assertThat(CHECKS.run(snapshot)).isEqualTo(findings);
    assertThat(findings)
        .filteredOn(f -> f.rule().id().equals("profile.successor-cycle"))
        .hasSize(GROUPS / 1000);
    assertThat(findings)
        .filteredOn(f -> f.rule().id().equals("archimate.duplicate-element"))
        .singleElement()
        .satisfies(f -> assertThat(f.conceptIds()).hasSize(GROUPS / 100));
  }
}
