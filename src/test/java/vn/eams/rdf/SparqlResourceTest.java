package vn.eams.rdf;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.eams.model.ModelData;
import vn.eams.model.ModelService;

/** /rdf/sparql over HTTP: the SPARQL 1.1 protocol, formats, limits and refusals. */
@QuarkusTest
class SparqlResourceTest {

  static final String PREFIXES =
      "PREFIX am: <https://ns.eams.vn/archimate#>\nPREFIX eams: <https://ns.eams.vn/eams#>\n";

  static final String COUNT_APPLICATIONS =
      PREFIXES
          + "SELECT (COUNT(?a) AS ?n) WHERE { ?a a am:ApplicationComponent ;"
          + " eams:model <urn:eams:model:tra-vinh-v1.0> }";

  @ConfigProperty(name = "eams.sparql.max-rows")
  int maxRows;

  @Inject RdfDataset dataset;
  @Inject ModelService service;

  @Test
  void get_CountsTheApplicationComponentsOfTraVinh() {
    given()
        .queryParam("query", COUNT_APPLICATIONS)
        .get("/rdf/sparql")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/sparql-results+json"))
        .header(RdfResource.MAX_ROWS, String.valueOf(maxRows))
        .header(RdfResource.TRUNCATED, nullValue())
        .body("head.vars", equalTo(List.of("n")))
        .body("results.bindings[0].n.value", org.hamcrest.Matchers.not(nullValue()));
    int n =
        Integer.parseInt(
            given()
                .queryParam("query", COUNT_APPLICATIONS)
                .get("/rdf/sparql")
                .jsonPath()
                .getString("results.bindings[0].n.value"));
    assertThat(n).isGreaterThanOrEqualTo(18);
  }

  @Test
  void post_TakesTheQuery_AsAFormFieldOrAsTheBody() {
    String form =
        given()
            .contentType("application/x-www-form-urlencoded")
            .formParam("query", COUNT_APPLICATIONS)
            .post("/rdf/sparql")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("results.bindings[0].n.value");
    String body =
        given()
            .contentType("application/sparql-query")
            .body(COUNT_APPLICATIONS.getBytes(StandardCharsets.UTF_8))
            .post("/rdf/sparql")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("results.bindings[0].n.value");
    assertThat(form).isEqualTo(body);
    assertThat(Integer.parseInt(form)).isGreaterThanOrEqualTo(18);
  }

  @Test
  void get_AnswersCsvAndXml_ByAccept() {
    given()
        .accept("text/csv")
        .queryParam("query", COUNT_APPLICATIONS)
        .get("/rdf/sparql")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .body(startsWith("n\r\n"));
    given()
        .accept("application/sparql-results+xml")
        .queryParam("query", COUNT_APPLICATIONS)
        .get("/rdf/sparql")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/sparql-results+xml"))
        .body(containsString("<binding name=\"n\">"));
  }

  @Test
  void construct_AnswersTurtleOrJsonLd_OfTheNamedGraph() {
    String q =
        PREFIXES
            + "CONSTRUCT { ?a am:serving ?b } WHERE { GRAPH <urn:eams:model:tra-vinh-v1.0>"
            + " { ?a am:serving ?b } }";
    Response turtle = given().queryParam("query", q).get("/rdf/sparql");
    assertThat(turtle.statusCode()).isEqualTo(200);
    assertThat(turtle.contentType()).startsWith("text/turtle");
    Model t = RdfResourceTest.parse(turtle.asByteArray(), Lang.TURTLE);
    assertThat(t.size()).isPositive();
    Response jsonld =
        given().accept("application/ld+json").queryParam("query", q).get("/rdf/sparql");
    assertThat(jsonld.contentType()).startsWith("application/ld+json");
    assertThat(RdfResourceTest.parse(jsonld.asByteArray(), Lang.JSONLD).isIsomorphicWith(t))
        .isTrue();
  }

  @Test
  void post_RefusesAnUpdate_AndChangesNothing() {
    String update = PREFIXES + "DELETE WHERE { ?s am:name ?n }";
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("query", update)
        .post("/rdf/sparql")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:eams:problem:sparql-update"));
    given()
        .contentType("application/sparql-update")
        .body(update.getBytes(StandardCharsets.UTF_8))
        .post("/rdf/sparql")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:eams:problem:sparql-update"));
    given()
        .queryParam("query", COUNT_APPLICATIONS)
        .get("/rdf/sparql")
        .then()
        .statusCode(200)
        .body("results.bindings[0].n.value", org.hamcrest.Matchers.not(equalTo("0")));
  }

  @Test
  void post_SaysHowToSendTheQuery_WhenTheBodyIsOfAnotherType() {
    given()
        .contentType("application/json")
        .body("{\"query\": \"ASK {}\"}")
        .post("/rdf/sparql")
        .then()
        .statusCode(415)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:eams:problem:http-415"))
        .body("detail", containsString("application/sparql-query"));
  }

  @Test
  void get_NamesLineAndColumn_OfASyntaxError() {
    given()
        .queryParam("query", "SELECT ?x\nWHERE { ?x ?y }")
        .get("/rdf/sparql")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:eams:problem:sparql-syntax"))
        .body("errors[0].field", equalTo("query"))
        .body("errors[0].line", startsWith("2:"))
        .body("detail", containsString("line 2, column"));
  }

  @Test
  void get_RefusesAQueryThatRunsTooLong_AndStopsIt() {
    long start = System.nanoTime();
    given()
        .queryParam("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        .get("/rdf/sparql")
        .then()
        .statusCode(503)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:eams:problem:sparql-timeout"))
        .body("detail", containsString("eams.sparql.timeout"));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
  }

  @Test
  void get_LeavesOutRowsBeyondTheLimit_AndSaysSoInAHeader() {
    Response r =
        given()
            .queryParam(
                "query", PREFIXES + "SELECT ?a ?b WHERE { ?a a am:Element . ?b a am:Element }")
            .get("/rdf/sparql");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.header(RdfResource.TRUNCATED)).isEqualTo("true");
    assertThat(r.jsonPath().getList("results.bindings")).hasSize(maxRows);
  }

  @Test
  void get_AsksForTheQuery_WhenNoneIsGiven() {
    given()
        .get("/rdf/sparql")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:eams:problem:bad-request"))
        .body("errors[0].field", equalTo("query"))
        .body("errors[0].code", equalTo("required"));
  }

  @Test
  void dataset_IsBuiltAgain_OnlyWhenTheChangeSequenceMoved() {
    given().queryParam("query", COUNT_APPLICATIONS).get("/rdf/sparql").then().statusCode(200);
    long builds = dataset.builds();
    given().queryParam("query", COUNT_APPLICATIONS).get("/rdf/sparql").then().statusCode(200);
    assertThat(dataset.builds()).isEqualTo(builds);

    String id = "rdf-sparql-new";
    long version =
        service
            .createModel(id, new ModelData("Mô hình mới", "New model", "", "", List.of()), "test")
            .version();
    try {
      given()
          .queryParam(
              "query", PREFIXES + "ASK { GRAPH <urn:eams:model:" + id + "> { ?m a eams:Model } }")
          .get("/rdf/sparql")
          .then()
          .statusCode(200)
          .body("boolean", equalTo(true));
      assertThat(dataset.builds()).isEqualTo(builds + 1);
    } finally {
      service.deleteModel(id, version, "test");
    }
  }

  @Test
  void get_RefusesAnonymousCallers() {
    given()
        .auth()
        .none()
        .queryParam("query", COUNT_APPLICATIONS)
        .get("/rdf/sparql")
        .then()
        .statusCode(401);
  }
}
