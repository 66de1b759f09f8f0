package vn.eams.rdf;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.junit.jupiter.api.Test;

/** GET /rdf/models/{id}: Turtle by default, JSON-LD when asked, problem+json when unknown. */
@QuarkusTest
class RdfResourceTest {

  static final String TRA_VINH = "tra-vinh-v1.0";

  @Test
  void model_AnswersTurtle_ByDefault_ThatParsesBack() {
    Response r = given().get("/rdf/models/" + TRA_VINH);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/turtle");
    Model m = parse(r.asByteArray(), Lang.TURTLE);
    assertThat(
            m.contains(
                m.createResource("urn:eams:model:" + TRA_VINH),
                m.createProperty(Vocabulary.EAMS, "kind"),
                "architecture"))
        .isTrue();
    assertThat(m.listSubjectsWithProperty(m.createProperty(Vocabulary.AM, "identifier")).toList())
        .hasSizeGreaterThan(100);
  }

  @Test
  void model_AnswersJsonLd_ByAcceptOrFormat_TheSameGraphAsTurtle() {
    Model turtle = parse(given().get("/rdf/models/" + TRA_VINH).asByteArray(), Lang.TURTLE);
    Response byAccept = given().accept("application/ld+json").get("/rdf/models/" + TRA_VINH);
    assertThat(byAccept.statusCode()).isEqualTo(200);
    assertThat(byAccept.contentType()).startsWith("application/ld+json");
    Model jsonld = parse(byAccept.asByteArray(), Lang.JSONLD);
    assertThat(jsonld.isIsomorphicWith(turtle)).isTrue();
    Response byFormat = given().queryParam("format", "jsonld").get("/rdf/models/" + TRA_VINH);
    assertThat(byFormat.contentType()).startsWith("application/ld+json");
    assertThat(parse(byFormat.asByteArray(), Lang.JSONLD).size()).isEqualTo(turtle.size());
    given()
        .accept("application/ld+json")
        .queryParam("format", "turtle")
        .get("/rdf/models/" + TRA_VINH)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/turtle"));
  }

  @Test
  void model_AnswersNotFound_WhenTheModelDoesNotExist() {
    given()
        .get("/rdf/models/no-such-model")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:eams:problem:not-found"))
        .body("errors[0].id", equalTo("no-such-model"));
  }

  @Test
  void model_RefusesAnUnknownFormat_WithTheOffered() {
    given()
        .queryParam("format", "rdfxml")
        .get("/rdf/models/" + TRA_VINH)
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:eams:problem:bad-request"))
        .body("errors[0].field", equalTo("format"));
  }

  @Test
  void model_RefusesAnonymousCallers() {
    given()
        .auth()
        .none()
        .accept("text/turtle")
        .get("/rdf/models/" + TRA_VINH)
        .then()
        .statusCode(401)
        .body("type", equalTo("urn:eams:problem:unauthenticated"));
  }

  @Test
  void docsExample_IsWhatTheExportOfTraVinhSays() throws Exception {
    String doc = Files.readString(Path.of("docs/rdf.md"));
    int start = doc.indexOf("```turtle\n") + "```turtle\n".length();
    Model example = ModelFactory.createDefaultModel();
    RDFDataMgr.read(
        example,
        new ByteArrayInputStream(
            doc.substring(start, doc.indexOf("```", start)).getBytes(StandardCharsets.UTF_8)),
        Lang.TURTLE);
    assertThat(example.size()).isGreaterThan(10);
    // the example's triples as a pattern: its blank nodes stand for any blank node
    StringBuilder pattern = new StringBuilder("ASK {\n");
    example
        .getGraph()
        .find()
        .forEachRemaining(
            t ->
                pattern
                    .append(term(t.getSubject()))
                    .append(' ')
                    .append(term(t.getPredicate()))
                    .append(' ')
                    .append(term(t.getObject()))
                    .append(" .\n"));
    Model export = parse(given().get("/rdf/models/" + TRA_VINH).asByteArray(), Lang.TURTLE);
    try (QueryExecution q =
        QueryExecution.create().query(pattern.append('}').toString()).model(export).build()) {
      assertThat(q.execAsk()).as(pattern.toString()).isTrue();
    }
  }

  private static String term(Node n) {
    return n.isBlank()
        ? "?b" + n.getBlankNodeLabel().replaceAll("[^A-Za-z0-9]", "")
        : NodeFmtLib.strNT(n);
  }

  static Model parse(byte[] body, Lang lang) {
    Model m = ModelFactory.createDefaultModel();
    RDFDataMgr.read(m, new ByteArrayInputStream(body), lang);
    return m;
  }
}
