package vn.eams.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.eams.compliance.PolicyFixtures.agency;
import static vn.eams.compliance.PolicyFixtures.completeApp;
import static vn.eams.compliance.PolicyFixtures.element;
import static vn.eams.compliance.PolicyFixtures.model;
import static vn.eams.compliance.PolicyFixtures.rel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Validating near a change: rules with a reach run only near it, the others everywhere. */
class PolicyReachTest {

  private static PolicyRules rules;
  private static Model m;

  @BeforeAll
  static void load() {
    rules = PolicyRules.load(Optional.empty(), Map.of());
    m =
        model(
            agency("ag-stp", "Sở Tư pháp"),
            agency("ag-stnmt", "Sở Tài nguyên và Môi trường"),
            completeApp("app-hotich", "Phần mềm hộ tịch", "ag-stp", 3, null),
            completeApp("app-datdai", "Phần mềm đất đai", "ag-stnmt", 3, null),
            rel("r-flow", "Flow", "app-hotich", "app-datdai", null),
            element(
                "db-shared",
                "DataObject",
                "Database",
                "CSDL giải quyết thủ tục hành chính",
                "egov:databaseClass \"provincialShared\" ; egov:dataSubject \"procedureHandling\""),
            element(
                "db-own",
                "DataObject",
                "Database",
                "CSDL hồ sơ một cửa của Sở",
                "egov:databaseClass \"sectoral\" ; egov:dataSubject \"procedureHandling\" ;"
                    + " egov:masterData true"));
  }

  private static Node concept(String id) {
    return NodeFactory.createURI("urn:eams:id:" + id);
  }

  private static List<String> ids(List<Finding> found) {
    return found.stream().map(f -> f.rule().id()).toList();
  }

  @Test
  void validate_NamesTheRelationship_AmongTheConceptsInvolved() {
    Finding f =
        rules.validate(m).stream()
            .filter(x -> x.rule().id().equals("policy.integration-via-platform"))
            .findFirst()
            .orElseThrow();
    assertThat(f.conceptIds()).containsExactly("app-hotich", "app-datdai", "r-flow");
  }

  @Test
  void validateNear_FindsTheExchange_WhenTheSourceApplicationIsWithinReach() {
    assertThat(ids(rules.validateNear(m, Map.of(concept("app-hotich"), 1))))
        .contains("policy.integration-via-platform");
  }

  @Test
  void validateNear_SkipsRulesWithAReach_WhenNothingIsNear() {
    List<String> found = ids(rules.validateNear(m, Map.of(concept("app-hotich"), 3)));
    assertThat(found).doesNotContain("policy.integration-via-platform");
    // provincial-master-data declares no reach: it runs at every database, near or not
    assertThat(found).contains("policy.provincial-master-data");
    assertThat(ids(rules.validateNear(m, Map.of())))
        .containsExactly("policy.provincial-master-data");
  }

  @Test
  void maxDeclaredReach_IsTheLargestReachOfTheShippedRules() {
    assertThat(rules.maxDeclaredReach()).isEqualTo(2);
  }
}
