package vn.eams.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.eams.graphql.GraphQl.TRA_VINH;
import static vn.eams.graphql.GraphQl.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.eams.analysis.AnalysisFixtures;

/** The queries, against the shipped Trà Vinh model. */
@QuarkusTest
class GraphQlQueryTest {

  private static final String PAGE =
      "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id name }";

  @Test
  void element_AnswersTypedProfileFields_ByConcreteType() {
    post("{ element(id: \"tv-app-05\") { __typename id type layer name specialization"
            + " ... on ApplicationComponent { catalogueNumber applicationGroup owner { id } } } }")
        .body("data.element.__typename", equalTo("ApplicationComponent"))
        .body("data.element.type", equalTo("ApplicationComponent"))
        .body("data.element.layer", equalTo("Application"))
        .body("data.element.specialization", equalTo("Application"))
        .body("data.element.catalogueNumber", equalTo(5))
        .body("data.element.applicationGroup", equalTo("business"))
        .body("data.element.owner", nullValue());
  }

  @Test
  void element_ResolvesElementTypedProperties_AsElements() {
    post("{ element(id: \"tv-db-national-01\") { ... on DataObject { databaseClass"
            + " owningMinistry { id name } } } }")
        .body("data.element.databaseClass", equalTo("national"))
        .body("data.element.owningMinistry.id", equalTo("tv-agency-bo-cong-an"));
  }

  @Test
  void element_IsNull_WhenTheIdIsUnknown() {
    post("{ element(id: \"no-such\") { id } }").body("data.element", nullValue());
  }

  @Test
  void elements_FiltersByTypeAndSpecialization() {
    post(
            "query($m: ID!) { elements(model: $m, filter: {types: [ApplicationComponent],"
                + " specialization: \"Application\"}, first: 100) { totalCount nodes { type } } }",
            Map.of("m", TRA_VINH))
        .body("data.elements.totalCount", equalTo(18))
        .body("data.elements.nodes", hasSize(18))
        .body("data.elements.nodes.type", everyItem(equalTo("ApplicationComponent")));
  }

  @Test
  void elements_FiltersByLayer() {
    post("{ elements(model: \"tra-vinh-v1.0\", filter: {layers: [Technology]}, first: 50)"
            + " { totalCount nodes { layer } } }")
        .body("data.elements.totalCount", equalTo(7))
        .body("data.elements.nodes.layer", everyItem(equalTo("Technology")));
  }

  @Test
  void elements_FiltersByNameIgnoringDiacritics() {
    post("{ elements(model: \"tra-vinh-v1.0\", filter: {types: [BusinessActor], nameContains:"
            + " \"so y te\"}) { nodes { id } } }")
        .body("data.elements.nodes.id", contains("tv-agency-so-y-te"));
  }

  @Test
  void elements_FiltersByPropertyConditions_WithAndOr() {
    String query =
        "query($w: PropertyCondition) { elements(model: \"tra-vinh-v1.0\", filter: {specialization:"
            + " \"Application\", where: $w}, first: 50) { totalCount nodes { id } } }";
    post(query, Map.of("w", Map.of("key", "catalogueNumber", "op", "LTE", "value", "3")))
        .body("data.elements.totalCount", equalTo(3));
    post(
            query,
            Map.of(
                "w",
                Map.of(
                    "and",
                    List.of(
                        Map.of("key", "applicationGroup", "value", "business"),
                        Map.of("key", "catalogueNumber", "op", "GT", "value", "6")))))
        .body("data.elements.totalCount", equalTo(2));
    post(
            query,
            Map.of(
                "w",
                Map.of(
                    "or",
                    List.of(
                        Map.of("key", "catalogueNumber", "value", "1"),
                        Map.of("key", "catalogueNumber", "value", "18")))))
        .body("data.elements.nodes.id", containsInAnyOrder("tv-app-01", "tv-app-18"));
  }

  @Test
  void elements_FiltersByAgency_ReferencedByPropertyOrRelationship() {
    post("{ elements(model: \"tra-vinh-v1.0\", filter: {types: [DataObject], agency:"
            + " \"tv-agency-bo-cong-an\"}) { nodes { id } } }")
        .body(
            "data.elements.nodes.id", containsInAnyOrder("tv-db-national-01", "tv-db-national-08"));
  }

  @Test
  void elements_ReportsABadCondition_AsAnError() {
    post("{ elements(model: \"tra-vinh-v1.0\", filter: {where: {key: \"a\", or: []}}) { totalCount } }")
        .body("errors[0].extensions.code", equalTo("bad-request"))
        .body("errors[0].extensions.problems[0].field", equalTo("filter.where"));
  }

  @Test
  void elements_OfAnUnknownModel_IsANotFoundError() {
    post("{ elements(model: \"no-such\") { totalCount } }")
        .body("errors[0].extensions.code", equalTo("not-found"))
        .body("errors[0].extensions.status", equalTo(404))
        .body("errors[0].extensions.problems[0].id", equalTo("no-such"));
  }

  @Test
  void elements_PagesForwardAndBackward_OverTheSameOrder() {
    String filter = "filter: {specialization: \"Application\"}";
    List<String> all =
        ids(
            post(
                "{ elements(model: \"tra-vinh-v1.0\", "
                    + filter
                    + ", first: 18) { "
                    + PAGE
                    + " } }"),
            "elements");
    assertThat(all).hasSize(18);
    List<String> forward = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      JsonPath p =
          post(
                  "query($a: String) { elements(model: \"tra-vinh-v1.0\", "
                      + filter
                      + ", first: 5, after: $a) { "
                      + PAGE
                      + " } }",
                  after == null ? Map.of() : Map.of("a", after))
              .extract()
              .jsonPath();
      forward.addAll(p.getList("data.elements.nodes.id"));
      more = p.getBoolean("data.elements.pageInfo.hasNextPage");
      after = p.getString("data.elements.pageInfo.endCursor");
      assertThat(p.getInt("data.elements.totalCount")).isEqualTo(18);
    }
    assertThat(forward).isEqualTo(all);
    List<String> backward = new ArrayList<>();
    String before = null;
    more = true;
    while (more) {
      JsonPath p =
          post(
                  "query($b: String) { elements(model: \"tra-vinh-v1.0\", "
                      + filter
                      + ", last: 4, before: $b) { "
                      + PAGE
                      + " } }",
                  before == null ? Map.of() : Map.of("b", before))
              .extract()
              .jsonPath();
      backward.addAll(0, p.getList("data.elements.nodes.id"));
      more = p.getBoolean("data.elements.pageInfo.hasPreviousPage");
      before = p.getString("data.elements.pageInfo.startCursor");
    }
    assertThat(backward).isEqualTo(all);
  }

  @Test
  void elements_SortsById() {
    List<String> ids =
        ids(
            post(
                "{ elements(model: \"tra-vinh-v1.0\", filter: {specialization: \"Application\"},"
                    + " sort: ID, first: 3) { "
                    + PAGE
                    + " } }"),
            "elements");
    assertThat(ids).containsExactly("tv-app-01", "tv-app-02", "tv-app-03");
  }

  @Test
  void elements_RejectsACursorItDidNotIssue() {
    post("{ elements(model: \"tra-vinh-v1.0\", after: \"bm9wZQ\") { totalCount } }")
        .body("errors[0].extensions.problems[0].code", equalTo("invalid-cursor"));
  }

  @Test
  void search_IgnoresCaseAndDiacritics() {
    post("{ search(text: \"CONG DICH VU CONG\") { totalCount nodes { id } } }")
        .body("data.search.nodes.id", hasItem("tv-app-02"));
    post("{ search(text: \"Cổng dịch vụ công\", model: \"tra-vinh-v1.0\") { nodes { id } } }")
        .body("data.search.nodes.id", hasItem("tv-app-02"));
  }

  @Test
  void outgoingAndIncoming_FilterByTypesAndPageBothWays() {
    post("{ element(id: \"tv-platform-lgsp\") { outgoing(types: [Realization], targetTypes:"
            + " [ApplicationService], first: 4) { totalCount pageInfo { hasNextPage endCursor }"
            + " nodes { type source { id } target { id specialization } } }"
            + " incoming { totalCount nodes { type source { id } } } } }")
        .body("data.element.outgoing.totalCount", equalTo(6))
        .body("data.element.outgoing.nodes", hasSize(4))
        .body("data.element.outgoing.pageInfo.hasNextPage", equalTo(true))
        .body(
            "data.element.outgoing.nodes.target.specialization",
            everyItem(equalTo("SharingService")))
        .body("data.element.outgoing.nodes.source.id", everyItem(equalTo("tv-platform-lgsp")))
        .body("data.element.incoming.totalCount", equalTo(1))
        .body("data.element.incoming.nodes[0].source.id", equalTo("tv-task-1-3"));
    JsonPath last =
        post("{ element(id: \"tv-platform-lgsp\") { outgoing(last: 2) { pageInfo {"
                + " hasPreviousPage } nodes { id } } all: outgoing(first: 6) { nodes { id } } } }")
            .extract()
            .jsonPath();
    List<String> all = last.getList("data.element.all.nodes.id");
    assertThat(last.getList("data.element.outgoing.nodes.id", String.class))
        .containsExactlyElementsOf(all.subList(4, 6));
    assertThat(last.getBoolean("data.element.outgoing.pageInfo.hasPreviousPage")).isTrue();
    post("{ element(id: \"tv-platform-lgsp\") { outgoing(types: [Serving]) { totalCount } } }")
        .body("data.element.outgoing.totalCount", equalTo(0));
  }

  @Test
  void agency_AnswersItsDomainsApplicationsAndDatabases() {
    post("{ element(id: \"tv-agency-so-y-te\") { ... on BusinessActor { name"
            + " domains { name } applications { name } databases { name } } } }")
        .body("data.element.domains", hasSize(6))
        .body("data.element.applications", empty())
        .body("data.element.databases", empty());
    post("{ element(id: \"tv-agency-bo-cong-an\") { ... on BusinessActor { databases { id } } } }")
        .body(
            "data.element.databases.id",
            containsInAnyOrder("tv-db-national-01", "tv-db-national-08"));
  }

  @Test
  void agency_Databases_AreFoundByEachRoute_AndOnlyThem() {
    String m = AnalysisFixtures.newModel();
    Map<String, Object> db = Map.of("databaseClass", "sectoral");
    List<Map<String, Object>> ops =
        new ArrayList<>(
            List.of(
                AnalysisFixtures.element(m + "-a", "BusinessActor", "Sở A", "Agency"),
                AnalysisFixtures.element(m + "-b", "BusinessActor", "Sở B", "Agency"),
                app(m + "-owned", "Ứng dụng của A", m + "-a", null),
                app(m + "-operated", "Ứng dụng A vận hành", null, m + "-a"),
                app(m + "-other", "Ứng dụng của B", m + "-b", null),
                database(m + "-d1", "CSDL 1 (ứng dụng A sở hữu)", db),
                database(m + "-d2", "CSDL 2 (ứng dụng A vận hành)", db),
                database(m + "-d3", "CSDL 3 (quan hệ trực tiếp)", db),
                database(
                    m + "-d4",
                    "CSDL 4 (thuộc tính)",
                    Map.of("databaseClass", "national", "owningMinistry", m + "-a")),
                database(m + "-d5", "CSDL 5 (của B)", db),
                AnalysisFixtures.relationship(m + "-r1", "Access", m + "-owned", m + "-d1"),
                AnalysisFixtures.relationship(m + "-r3", "Access", m + "-operated", m + "-d2"),
                AnalysisFixtures.relationship(m + "-r4", "Association", m + "-a", m + "-d3"),
                AnalysisFixtures.relationship(m + "-r5", "Access", m + "-other", m + "-d5")));
    AnalysisFixtures.batch(m, ops);
    String q = "query($id: ID!) { element(id: $id) { ... on BusinessActor { databases { id } } } }";
    post(q, Map.of("id", m + "-a"))
        .body("errors", nullValue())
        .body("data.element.databases.id", contains(m + "-d1", m + "-d2", m + "-d3", m + "-d4"));
    post(q, Map.of("id", m + "-b")).body("data.element.databases.id", contains(m + "-d5"));
  }

  @Test
  void agency_AnswersEachFieldAskedFor_UnderEveryName_WithWhatEachSelects() {
    String m = AnalysisFixtures.newModel();
    AnalysisFixtures.batch(
        m,
        List.of(
            AnalysisFixtures.element(m + "-a", "BusinessActor", "Sở A", "Agency"),
            AnalysisFixtures.element(m + "-b", "BusinessActor", "Sở B", "Agency"),
            app(m + "-owned", "Ứng dụng của A", m + "-a", null),
            app(m + "-operated", "Ứng dụng A vận hành", null, m + "-a"),
            database(m + "-d1", "CSDL 1", Map.of("databaseClass", "sectoral")),
            AnalysisFixtures.relationship(m + "-r1", "Access", m + "-owned", m + "-d1")));
    String q =
        "query($id: ID!) { element(id: $id) { ... on BusinessActor {"
            + " names: applications { name }"
            + " owners: applications { ... on ApplicationComponent { owner { name } operator { id } } }"
            + " all: applications { id properties { key } profile }"
            + " databases { name ... on DataObject { databaseClass } } } } }";
    post(q, Map.of("id", m + "-a"))
        .body("errors", nullValue())
        // ordered by name: "Ứng dụng A vận hành" before "Ứng dụng của A"
        .body("data.element.names.name", contains("Ứng dụng A vận hành", "Ứng dụng của A"))
        .body("data.element.names[0].owner", nullValue())
        .body("data.element.owners[0].owner", nullValue())
        .body("data.element.owners[0].operator.id", equalTo(m + "-a"))
        .body("data.element.owners[1].owner.name", equalTo("Sở A"))
        .body("data.element.owners[1].operator", nullValue())
        .body("data.element.all.id", contains(m + "-operated", m + "-owned"))
        .body("data.element.all[1].profile.owner", equalTo(m + "-a"))
        .body("data.element.all[1].profile.applicationGroup", equalTo("business"))
        .body("data.element.databases.name", contains("CSDL 1"))
        .body("data.element.databases.databaseClass", contains("sectoral"));
    // one field alone, and the domains alone: each answered, the others not asked for
    post(
            "query($id: ID!) { element(id: $id) { ... on BusinessActor { databases { id } } } }",
            Map.of("id", m + "-a"))
        .body("errors", nullValue())
        .body("data.element.databases.id", contains(m + "-d1"));
    post("{ element(id: \"tv-agency-so-y-te\") { ... on BusinessActor { domains { name } } } }")
        .body("errors", nullValue())
        .body("data.element.domains", hasSize(6));
    // an actor with nothing of its own
    post(
            "query($id: ID!) { element(id: $id) { ... on BusinessActor {"
                + " applications { id } databases { id } domains { id } } } }",
            Map.of("id", m + "-b"))
        .body("errors", nullValue())
        .body("data.element.applications", empty())
        .body("data.element.databases", empty())
        .body("data.element.domains", empty());
  }

  private static Map<String, Object> app(String id, String name, String owner, String operator) {
    Map<String, Object> profile = new java.util.HashMap<>(Map.of("applicationGroup", "business"));
    if (owner != null) {
      profile.put("owner", owner);
    }
    if (operator != null) {
      profile.put("operator", operator);
    }
    return AnalysisFixtures.create(
        "element",
        id,
        Map.of(
            "type",
            "ApplicationComponent",
            "name",
            name,
            "specialization",
            "Application",
            "profile",
            profile));
  }

  private static Map<String, Object> database(String id, String name, Map<String, Object> p) {
    return AnalysisFixtures.create(
        "element",
        id,
        Map.of("type", "DataObject", "name", name, "specialization", "Database", "profile", p));
  }

  @Test
  void application_AnswersItsIntegrations() {
    post("{ element(id: \"tv-app-05\") { ... on ApplicationComponent { integrations { id } } } }")
        .body("data.element.integrations", notNullValue());
  }

  @Test
  void modelsViewsAndChanges_AreListed() {
    post("{ models { id elementCount } model(id: \"tra-vinh-v1.0\") { relationshipCount }"
            + " views(model: \"tra-vinh-v1.0\") { id name viewpoint }"
            + " changes(model: \"tra-vinh-v1.0\", since: 0, first: 3) { seq op kind targetId after } }")
        .body("data.models.id", hasItem("tra-vinh-v1.0"))
        .body("data.model.relationshipCount", greaterThan(300))
        .body("data.views.size()", greaterThan(0))
        .body("data.changes", hasSize(3))
        .body("data.changes[0].op", equalTo("create"));
  }

  @Test
  void requestErrors_HaveACodeAndThePlaceInTheQuery() {
    post("{ element(id: \"tv-app-05\") { name nosuch } }")
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("invalid-query"))
        .body("errors[0].extensions.status", equalTo(400))
        .body("errors[0].extensions.classification", equalTo("ValidationError"))
        .body("errors[0].extensions.problems[0].code", equalTo("FieldUndefined"))
        .body("errors[0].extensions.problems[0].field", equalTo("element.nosuch"));
    post("query($m: ID!) { elements(model: $m) { totalCount } }")
        .body("errors[0].extensions.code", equalTo("invalid-query"));
    post("{ element(id: ")
        .body("errors[0].extensions.code", equalTo("invalid-syntax"))
        .body("errors[0].extensions.status", equalTo(400));
  }

  @Test
  void get_RunsAQuery_AndRefusesAMutation() {
    given()
        .queryParam("query", "{ element(id: \"tv-app-05\") { name } }")
        .get("/graphql")
        .then()
        .statusCode(200)
        .body("data.element.name", notNullValue());
    given()
        .queryParam(
            "query",
            "mutation { deleteElement(model: \"tra-vinh-v1.0\", id: \"tv-app-05\", version: 1) { seq } }")
        .get("/graphql")
        .then()
        .statusCode(405)
        .body("errors[0].extensions.code", equalTo("mutation-over-get"));
  }

  @Test
  void post_RefusesABodyThatIsNotAGraphQlRequest_WithA400ThatSaysWhatToSend() {
    for (String body :
        new String[] {
          "{\"query\": ",
          "[]",
          "{\"variables\": {}}",
          "{\"query\": 7}",
          "",
          "{\"query\": \"{ __typename }\", \"variables\": [1]}"
        }) {
      given()
          .contentType("application/json")
          .body(body)
          .post("/graphql")
          .then()
          .statusCode(400)
          .contentType(containsString("application/json"))
          .body("errors[0].extensions.code", equalTo("bad-request"))
          .body("errors[0].message", not(emptyOrNullString()));
    }
    given()
        .contentType("application/json")
        .body("{\"query\": \"{ __typename }\", \"variables\": null}")
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("data.__typename", equalTo("Query"));
  }

  private static List<String> ids(io.restassured.response.ValidatableResponse r, String field) {
    return r.extract().jsonPath().getList("data." + field + ".nodes.id");
  }
}
