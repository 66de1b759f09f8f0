package vn.eams.metamodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.eams.metamodel.Propagation.Change;
import vn.eams.metamodel.Propagation.Reach;

/** The shipped propagation.tsv says what issue #5 and metamodel/README.md say it does. */
class PropagationDataTest {

  static Propagation.Rule rule(String type, Change change) {
    return TestSupport.shipped().propagation().rule(type, change).orElseThrow();
  }

  @Test
  void everyRelationshipTypeHasARowPerChange() {
    Metamodel m = TestSupport.shipped();
    assertThat(m.propagation().rules())
        .hasSize(m.relationshipTypes().size() * Change.values().length);
  }

  @Test
  void servingAndRealizationCarryAFailureFromSourceToTarget() {
    for (String type : new String[] {"Serving", "Realization"}) {
      for (Change c : Change.values()) {
        assertThat(rule(type, c).forward()).as(type + " " + c).isEqualTo(Reach.VALID);
        assertThat(rule(type, c).backward()).as(type + " " + c).isEqualTo(Reach.NONE);
      }
    }
  }

  @Test
  void accessCarriesAFailedDataObjectToTheBehaviourThatAccessesIt() {
    assertThat(rule("Access", Change.UNAVAILABLE).backward()).isEqualTo(Reach.VALID);
    assertThat(rule("Access", Change.UNAVAILABLE).forward()).isEqualTo(Reach.NONE);
  }

  @Test
  void compositionCarriesAFailedPartToTheWhole() {
    assertThat(rule("Composition", Change.UNAVAILABLE).backward()).isEqualTo(Reach.VALID);
    assertThat(rule("Composition", Change.REMOVED).forward()).isEqualTo(Reach.VALID);
  }

  @Test
  void associationOnlyAsPotential() {
    for (Change c : Change.values()) {
      assertThat(rule("Association", c).forward()).isEqualTo(Reach.POTENTIAL);
      assertThat(rule("Association", c).backward()).isEqualTo(Reach.POTENTIAL);
    }
  }
}
