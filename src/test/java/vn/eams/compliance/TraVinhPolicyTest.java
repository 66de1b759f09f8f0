package vn.eams.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.eams.exchange.Csv;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.MetamodelLoader;
import vn.eams.metamodel.PropertyDefinition;

/**
 * The shipped policy rules on the shipped Trà Vinh model. The model's Archi CSV files are turned
 * into RDF here, in the vocabulary of the contract (types, typed profile properties, free
 * properties, relationship resources and shortcut triples), so that this test needs neither the
 * store nor the RDF export.
 */
class TraVinhPolicyTest {

  private static final String AM = "https://ns.eams.vn/archimate#";
  private static final String EGOV = "https://ns.eams.vn/vn-egov#";
  private static final String EAMS = "https://ns.eams.vn/eams#";
  private static final Path MODEL = Path.of("model/tra-vinh-v1.0");

  private static Map<String, List<String>> findingsByRule;

  @BeforeAll
  static void validate() throws IOException {
    Model rdf = traVinhAsRdf(MetamodelLoader.fromDirectory(Path.of("metamodel"), List.of()));
    List<Finding> findings = PolicyRules.load(Optional.empty(), Map.of()).validate(rdf);
    findingsByRule =
        findings.stream()
            .collect(
                Collectors.groupingBy(
                    f -> f.rule().id(),
                    TreeMap::new,
                    Collectors.mapping(
                        f -> String.join(" ", f.conceptIds()), Collectors.toList())));
  }

  @Test
  void
      applicationRequiredAttributes_ReportsViolation_WhenTheDecisionGivesNoOwnerOperatorLevelOrLifecycle() {
    assertThat(findingsByRule.get("policy.application-required-attributes"))
        .hasSize(18)
        .contains("tv-app-01", "tv-app-18");
  }

  @Test
  void publicFacingRules_ReportViolation_WhenThePortalsHaveNoSecurityLevelAndNoSingleSignOn() {
    assertThat(findingsByRule.get("policy.security-level-public-facing"))
        .containsExactlyInAnyOrder("tv-app-01", "tv-app-02", "tv-app-10");
    assertThat(findingsByRule.get("policy.single-sign-on"))
        .containsExactlyInAnyOrder("tv-app-01", "tv-app-02", "tv-app-10");
  }

  @Test
  void
      securityLevelSharedInfrastructure_ReportsViolation_WhenTheLgspDataCentreAndWideAreaNetworksHaveNoLevel() {
    assertThat(findingsByRule.get("policy.security-level-shared-infrastructure"))
        .containsExactlyInAnyOrder(
            "tv-platform-lgsp", "tv-dc-trung-tam-tich-hop-du-lieu", "tv-net-wan", "tv-net-man");
  }

  @Test
  void ePaymentLevel4_ReportsViolation_WhenThePortalIsNotConnectedToTheGateway() {
    assertThat(findingsByRule.get("policy.e-payment-level-4"))
        .containsExactly("tv-pubsvc-level-4 tv-app-02");
  }

  @Test
  void dataRules_ReportNothing_WhenNoApplicationKeepsItsOwnCopyAndNoOwnersAreRecorded() {
    assertThat(findingsByRule)
        .doesNotContainKeys(
            "policy.integration-via-platform",
            "policy.national-database-connection",
            "policy.provincial-master-data");
  }

  /** The model package as RDF (contract vocabulary). */
  static Model traVinhAsRdf(Metamodel metamodel) throws IOException {
    Model m = ModelFactory.createDefaultModel();
    Resource model = m.createResource("urn:eams:model:tra-vinh-v1.0");
    Property name = m.createProperty(AM, "name");
    Property inModel = m.createProperty(EAMS, "model");
    Map<String, String> specializationOf = new HashMap<>();
    for (Csv.Row row : rows("elements.csv")) {
      String id = row.get(0);
      String type = row.get(1);
      if (type.equals("ArchimateModel")) {
        continue;
      }
      Resource e = concept(m, id);
      e.addProperty(RDF.type, m.createResource(AM + "Element"));
      e.addProperty(RDF.type, m.createResource(AM + type));
      e.addProperty(inModel, model);
      e.addProperty(m.createProperty(AM, "identifier"), id);
      e.addProperty(name, row.get(2), "vi");
      String specialization = row.get(4);
      if (!specialization.isEmpty()) {
        e.addProperty(RDF.type, m.createResource(EGOV + specialization));
        e.addProperty(m.createProperty(AM, "specialization"), specialization);
        specializationOf.put(id, specialization);
      }
    }
    for (Csv.Row row : rows("names-en.csv")) {
      if (!row.get(1).isEmpty() && !row.get(0).equals("tra-vinh-v1.0")) {
        concept(m, row.get(0)).addProperty(name, row.get(1), "en");
      }
    }
    for (Csv.Row row : rows("relations.csv")) {
      String type = row.get(1).replace("Relationship", "");
      Resource r = concept(m, row.get(0));
      r.addProperty(RDF.type, m.createResource(AM + "Relationship"));
      r.addProperty(RDF.type, m.createResource(AM + type));
      r.addProperty(inModel, model);
      r.addProperty(m.createProperty(AM, "identifier"), row.get(0));
      r.addProperty(m.createProperty(AM, "source"), concept(m, row.get(4)));
      r.addProperty(m.createProperty(AM, "target"), concept(m, row.get(5)));
      if (!row.get(2).isEmpty()) {
        r.addProperty(name, row.get(2), "vi");
      }
      String shortcut =
          type.equals("Specialization")
              ? "specializationOf"
              : Character.toLowerCase(type.charAt(0)) + type.substring(1);
      concept(m, row.get(4)).addProperty(m.createProperty(AM, shortcut), concept(m, row.get(5)));
    }
    Map<String, Integer> index = new HashMap<>();
    for (Csv.Row row : rows("properties.csv")) {
      String id = row.get(0);
      String key = row.get(1);
      String value = row.get(2);
      Optional<PropertyDefinition> typed =
          Optional.ofNullable(specializationOf.get(id))
              .flatMap(metamodel::specialization)
              .flatMap(s -> s.property(key));
      Resource subject = concept(m, id);
      if (typed.isPresent()) {
        Property p = m.createProperty(EGOV, key);
        switch (typed.get().type()) {
          case INTEGER ->
              subject.addLiteral(p, m.createTypedLiteral(value, XSDDatatype.XSDinteger));
          case DECIMAL ->
              subject.addLiteral(p, m.createTypedLiteral(value, XSDDatatype.XSDdecimal));
          case BOOLEAN ->
              subject.addLiteral(p, m.createTypedLiteral(value, XSDDatatype.XSDboolean));
          case DATE -> subject.addLiteral(p, m.createTypedLiteral(value, XSDDatatype.XSDdate));
          case ELEMENT -> subject.addProperty(p, concept(m, value));
          default -> subject.addProperty(p, value);
        }
      } else {
        int i = index.merge(id, 1, Integer::sum) - 1;
        Resource free = m.createResource();
        free.addProperty(m.createProperty(AM, "key"), key);
        free.addProperty(m.createProperty(AM, "value"), value);
        free.addLiteral(
            m.createProperty(AM, "index"),
            m.createTypedLiteral(String.valueOf(i), XSDDatatype.XSDinteger));
        subject.addProperty(m.createProperty(AM, "property"), free);
      }
    }
    return m;
  }

  private static Resource concept(Model m, String id) {
    return m.createResource("urn:eams:id:" + id);
  }

  private static List<Csv.Row> rows(String file) throws IOException {
    List<Csv.Row> rows = Csv.parse(Files.readString(MODEL.resolve(file)), ',');
    return rows.subList(1, rows.size());
  }
}
