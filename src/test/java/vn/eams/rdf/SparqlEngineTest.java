package vn.eams.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The SPARQL engine on the small model of {@link RdfMappingTest}: answers, formats and refusals.
 */
class SparqlEngineTest {

  static DatasetGraph dataset;

  static final String PREFIXES =
      "PREFIX am: <https://ns.eams.vn/archimate#>\nPREFIX eams: <https://ns.eams.vn/eams#>\n";

  @BeforeAll
  static void build() {
    RdfMappingTest.load();
    Graph g =
        RdfMapping.toRdf(
                RdfMappingTest.snapshot("vi", RdfMappingTest.ARCHITECTURE),
                RdfMappingTest.metamodel,
                Set.of())
            .getGraph();
    dataset = DatasetGraphFactory.createGeneral(new UnionGraph(List.of(g)));
    dataset.addGraph(Vocabulary.model("rdf-test"), g);
  }

  static SparqlEngine engine() {
    return new SparqlEngine(Duration.ofSeconds(10), 10_000);
  }

  static ResultSet results(SparqlEngine.Answer a) {
    assertThat(a.format()).isEqualTo(RdfFormat.RESULTS_JSON);
    return ResultSetFactory.copyResults(
        ResultSetMgr.read(new ByteArrayInputStream(a.body()), ResultSetLang.RS_JSON));
  }

  @Test
  void select_CountsElementsOfAType_OverTheDefaultGraph() {
    ResultSet rs =
        results(
            engine()
                .run(
                    dataset,
                    PREFIXES + "SELECT (COUNT(?e) AS ?n) WHERE { ?e a am:ApplicationComponent }",
                    null,
                    null));
    assertThat(rs.next().getLiteral("n").getInt()).isEqualTo(1);
  }

  @Test
  void select_FindsTheModelGraph_ByName() {
    ResultSet rs =
        results(
            engine()
                .run(
                    dataset,
                    PREFIXES + "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?e am:serving ?x } }",
                    null,
                    null));
    assertThat(rs.next().getResource("g").getURI()).isEqualTo("urn:eams:model:rdf-test");
    ResultSet from =
        results(
            engine()
                .run(
                    dataset,
                    PREFIXES
                        + "SELECT (COUNT(*) AS ?n) FROM <urn:eams:model:rdf-test>"
                        + " WHERE { ?r a am:Relationship }",
                    null,
                    null));
    assertThat(from.next().getLiteral("n").getInt()).isEqualTo(5);
  }

  @Test
  void select_ReadsNothingFromTheWeb_WhenFromNamesAnotherAddress() {
    ResultSet rs =
        results(
            engine()
                .run(
                    dataset,
                    "SELECT (COUNT(*) AS ?n) FROM <http://127.0.0.1:9/none> WHERE { ?s ?p ?o }",
                    null,
                    null));
    assertThat(rs.next().getLiteral("n").getInt()).isZero();
  }

  @Test
  void ask_AnswersInEachResultsFormat() {
    String ask = PREFIXES + "ASK { ?x am:access ?y }";
    assertThat(new String(engine().run(dataset, ask, null, null).body(), StandardCharsets.UTF_8))
        .contains("\"boolean\"")
        .contains("true");
    SparqlEngine.Answer xml = engine().run(dataset, ask, null, "application/sparql-results+xml");
    assertThat(xml.format()).isEqualTo(RdfFormat.RESULTS_XML);
    assertThat(new String(xml.body(), StandardCharsets.UTF_8)).contains("<boolean>true</boolean>");
  }

  @Test
  void ask_AnswersCsvAndTsv_Too() {
    for (String format : List.of("csv", "tsv")) {
      SparqlEngine.Answer a = engine().run(dataset, "ASK { ?s ?p ?o }", format, null);
      assertThat(a.format().key()).isEqualTo(format);
      assertThat(new String(a.body(), StandardCharsets.UTF_8)).contains("true");
    }
  }

  @Test
  void describe_AnswersTheConcept_WithItsPropertyBlankNodes() {
    SparqlEngine.Answer a =
        engine().run(dataset, "DESCRIBE <urn:eams:id:rdf-app>", "ntriples", null);
    Model m = parse(a.body(), Lang.NTRIPLES);
    assertThat(
            m.listObjectsOfProperty(
                    m.createResource("urn:eams:id:rdf-app"),
                    m.createProperty(Vocabulary.AM, "property"))
                .toList())
        .hasSize(4);
    assertThat(m.listObjectsOfProperty(m.createProperty(Vocabulary.AM, "key")).toList())
        .isNotEmpty();
  }

  @Test
  void select_AnswersCsv_WhenAskedByFormatOrAccept() {
    String q = PREFIXES + "SELECT ?id WHERE { ?e a am:Element ; am:identifier ?id } ORDER BY ?id";
    SparqlEngine.Answer csv = engine().run(dataset, q, "csv", null);
    assertThat(csv.format()).isEqualTo(RdfFormat.CSV);
    assertThat(new String(csv.body(), StandardCharsets.UTF_8))
        .startsWith("id\r\nrdf-agency\r\nrdf-app\r\n");
    assertThat(engine().run(dataset, q, null, "text/html, text/csv;q=0.9").format())
        .isEqualTo(RdfFormat.CSV);
    assertThat(engine().run(dataset, q, null, "text/html").format())
        .isEqualTo(RdfFormat.RESULTS_JSON);
  }

  @Test
  void construct_AnswersTurtleOrJsonLd_ThatParseBack() {
    String q = PREFIXES + "CONSTRUCT { ?a am:serving ?b } WHERE { ?a am:serving ?b }";
    SparqlEngine.Answer turtle = engine().run(dataset, q, null, null);
    assertThat(turtle.format()).isEqualTo(RdfFormat.TURTLE);
    assertThat(parse(turtle.body(), Lang.TURTLE).size()).isEqualTo(1);
    SparqlEngine.Answer jsonld = engine().run(dataset, q, null, "application/ld+json");
    assertThat(jsonld.format()).isEqualTo(RdfFormat.JSONLD);
    assertThat(parse(jsonld.body(), Lang.JSONLD).size()).isEqualTo(1);
  }

  @Test
  void run_RefusesAnUpdate_WithHowToChangeModels() {
    ProblemException e =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                engine()
                    .run(
                        dataset,
                        PREFIXES + "INSERT DATA { <urn:eams:id:x> am:name \"x\" }",
                        null,
                        null));
    Problem p = e.toProblem();
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.type()).isEqualTo("urn:eams:problem:sparql-update");
    assertThat(p.detail()).contains("REST API");
    assertThat(dataset.getDefaultGraph().size())
        .isEqualTo(dataset.getGraph(Vocabulary.model("rdf-test")).size());
  }

  @Test
  void run_NamesLineAndColumn_OfASyntaxError() {
    ProblemException e =
        catchThrowableOfType(
            ProblemException.class,
            () -> engine().run(dataset, "SELECT ?x\nWHERE { ?x ?y }", null, null));
    Problem p = e.toProblem();
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.type()).isEqualTo("urn:eams:problem:sparql-syntax");
    assertThat(p.errors().get(0).line()).startsWith("2:");
    assertThat(p.detail()).contains("line 2, column");
  }

  @Test
  void run_RefusesService_AndJavaFunctions() {
    for (String q :
        List.of(
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            "SELECT * WHERE { ?s ?p ?o FILTER(<java:java.lang.System>(?o)) }")) {
      ProblemException e =
          catchThrowableOfType(ProblemException.class, () -> engine().run(dataset, q, null, null));
      assertThat(e.toProblem().type()).as(q).isEqualTo("urn:eams:problem:sparql-not-allowed");
    }
  }

  @Test
  void run_StopsAQueryAtTheTimeLimit_WithTheTimeoutProblem() {
    SparqlEngine quick = new SparqlEngine(Duration.ofMillis(300), 10_000);
    long start = System.nanoTime();
    ProblemException e =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                quick.run(
                    dataset,
                    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                    null,
                    null));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(e.toProblem().status()).isEqualTo(503);
    assertThat(e.toProblem().type()).isEqualTo("urn:eams:problem:sparql-timeout");
    assertThat(millis).as("stopped soon after the limit").isLessThan(5_000);
  }

  @Test
  void select_LeavesOutRowsBeyondTheLimit_AndSaysSo() {
    SparqlEngine small = new SparqlEngine(Duration.ofSeconds(10), 5);
    SparqlEngine.Answer a = small.run(dataset, "SELECT * WHERE { ?s ?p ?o }", null, null);
    assertThat(a.truncated()).isTrue();
    ResultSet rs = results(a);
    int n = 0;
    while (rs.hasNext()) {
      rs.next();
      n++;
    }
    assertThat(n).isEqualTo(5);
    SparqlEngine.Answer fits =
        small.run(dataset, "SELECT * WHERE { ?s ?p ?o } LIMIT 3", null, null);
    assertThat(fits.truncated()).isFalse();
    SparqlEngine.Answer graph =
        small.run(dataset, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "ntriples", null);
    assertThat(graph.truncated()).isTrue();
    assertThat(parse(graph.body(), Lang.NTRIPLES).size()).isEqualTo(5);
  }

  @Test
  void run_AsksForTheQuery_WhenNoneIsGiven() {
    ProblemException e =
        catchThrowableOfType(ProblemException.class, () -> engine().run(dataset, " ", null, null));
    assertThat(e.toProblem().errors().get(0).code()).isEqualTo("required");
    ProblemException f =
        catchThrowableOfType(
            ProblemException.class,
            () -> engine().run(dataset, "ASK { ?s ?p ?o }", "turtle", null));
    assertThat(f.toProblem().errors().get(0).field()).isEqualTo("format");
  }

  private static Model parse(byte[] body, Lang lang) {
    Model m = ModelFactory.createDefaultModel();
    RDFDataMgr.read(m, new ByteArrayInputStream(body), lang);
    return m;
  }
}
