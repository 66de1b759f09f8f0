package vn.eams.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.eams.analysis.AnalysisFixtures.smallModel;
import static vn.eams.graphql.GraphQl.TRA_VINH;
import static vn.eams.graphql.GraphQl.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.eams.analysis.AnalysisFixtures;

/**
 * The typed answers of {@code impact} and {@code derivedRelationships}: on the small model of the
 * analysis tests (a database used by an application that realizes a service serving a process of an
 * agency's domain) and on the shipped Trà Vinh model, against the REST answer.
 */
@QuarkusTest
class GraphQlAnalysisTest {

  private static final String IMPACT_FIELDS =
      """
      modelId seq change direction maxDepth includePotential truncated
      start { id name }
      summary {
        elements potential agencies publicServices applications databases
        byLayer { layer count } byDistance { distance count }
      }
      elements {
        element { __typename id name layer }
        distance potential
        path { forward relationship { id type source { id } target { id } } }
        derived { type potential rules source { id } target { id } chain { forward } }
      }
      nodes { id }
      """;

  private static final String IMPACT =
      "query($m: ID!, $s: [ID!]!, $c: ImpactChange, $d: Int) { impact(model: $m, start: $s,"
          + " change: $c, maxDepth: $d) { "
          + IMPACT_FIELDS
          + " } }";

  private static JsonPath impact(String model, String start, String change, Integer maxDepth) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("m", model);
    vars.put("s", List.of(start));
    vars.put("c", change);
    vars.put("d", maxDepth);
    return post(IMPACT, vars).body("errors", nullValue()).extract().jsonPath();
  }

  @Test
  void impact_AnswersElementsPathsDerivationsAndCounts_Typed() {
    String m = smallModel();
    String db = m + "-db";
    String app = m + "-app";
    String svc = m + "-svc";
    String proc = m + "-proc";
    String dom = m + "-dom";
    String agency = m + "-agency";
    JsonPath r = impact(m, db, "unavailable", null);
    String at = "data.impact.";
    assertThat(r.getString(at + "modelId")).isEqualTo(m);
    assertThat(r.getLong(at + "seq")).isPositive();
    assertThat(r.getString(at + "change")).isEqualTo("unavailable");
    assertThat(r.getString(at + "direction")).isEqualTo("dependents");
    assertThat(r.getInt(at + "maxDepth")).isEqualTo(6);
    assertThat(r.getBoolean(at + "includePotential")).isFalse();
    assertThat(r.getBoolean(at + "truncated")).isFalse();
    assertThat(r.getList(at + "start.id")).containsExactly(db);
    assertThat(r.getList(at + "start.name")).containsExactly("Cơ sở dữ liệu hộ tịch");

    assertThat(r.getList(at + "elements.element.id")).containsExactly(app, svc, proc, dom, agency);
    assertThat(r.getList(at + "elements.element.__typename"))
        .containsExactly(
            "ApplicationComponent",
            "ApplicationService",
            "BusinessProcess",
            "BusinessFunction",
            "BusinessActor");
    assertThat(r.getList(at + "elements.element.layer"))
        .containsExactly("Application", "Application", "Business", "Business", "Business");
    assertThat(r.getList(at + "elements.distance", Integer.class)).containsExactly(1, 2, 3, 4, 5);
    assertThat(r.getList(at + "elements.potential", Boolean.class)).containsOnly(false);

    // the summary: the start is not counted; counts by layer in layer order, by distance nearest
    // first
    assertThat(r.getInt(at + "summary.elements")).isEqualTo(5);
    assertThat(r.getInt(at + "summary.potential")).isZero();
    assertThat(r.getInt(at + "summary.agencies")).isEqualTo(1);
    assertThat(r.getInt(at + "summary.applications")).isEqualTo(1);
    assertThat(r.getInt(at + "summary.publicServices")).isZero();
    assertThat(r.getInt(at + "summary.databases")).isZero();
    assertThat(r.getList(at + "summary.byLayer.layer")).containsExactly("Business", "Application");
    assertThat(r.getList(at + "summary.byLayer.count", Integer.class)).containsExactly(3, 2);
    assertThat(r.getList(at + "summary.byDistance.distance", Integer.class))
        .containsExactly(1, 2, 3, 4, 5);
    assertThat(r.getList(at + "summary.byDistance.count", Integer.class))
        .containsExactly(1, 1, 1, 1, 1);

    // the service: reached against the access (application -> database), then along the
    // realization
    String svcPath = at + "elements[1].path";
    assertThat(r.getList(svcPath + ".relationship.id")).containsExactly(m + "-r1", m + "-r2");
    assertThat(r.getList(svcPath + ".relationship.type")).containsExactly("Access", "Realization");
    assertThat(r.getList(svcPath + ".forward", Boolean.class)).containsExactly(false, true);
    assertThat(r.getString(svcPath + "[0].relationship.source.id")).isEqualTo(app);
    assertThat(r.getString(svcPath + "[0].relationship.target.id")).isEqualTo(db);
    // the process: the application serves it (DR3: realization, then serving)
    String derived = at + "elements[2].derived";
    assertThat(r.getString(derived + ".type")).isEqualTo("Serving");
    assertThat(r.getString(derived + ".source.id")).isEqualTo(app);
    assertThat(r.getString(derived + ".target.id")).isEqualTo(proc);
    assertThat(r.getBoolean(derived + ".potential")).isFalse();
    assertThat(r.getList(derived + ".rules")).containsExactly("DR3");
    assertThat(r.getList(derived + ".chain")).isNull();
    // a path of one relationship derives nothing
    assertThat(r.getMap(at + "elements[0].derived")).isNull();
    // the elements the paths name, in the order they name them
    assertThat(r.getList(at + "nodes.id")).containsExactly(app, db, svc, proc, dom, agency);
  }

  @Test
  void impact_OfTheLgsp_IsTheRestAnswer_WithElementsResolved() {
    JsonPath g = impact(TRA_VINH, "tv-platform-lgsp", null, 2);
    JsonPath rest =
        AnalysisFixtures.impact(
            TRA_VINH, Map.of("start", List.of("tv-platform-lgsp"), "maxDepth", 2));
    String at = "data.impact.";
    assertThat(g.getString(at + "start[0].name"))
        .isEqualTo("Nền tảng chia sẻ và tích hợp cấp tỉnh");
    assertThat(g.getLong(at + "seq")).isEqualTo(rest.getLong("seq"));
    assertThat(g.getList(at + "elements.element.id")).isEqualTo(rest.getList("elements.id"));
    assertThat(g.getList(at + "elements.element.name")).isEqualTo(rest.getList("elements.name"));
    assertThat(g.getList(at + "elements.element.__typename"))
        .isEqualTo(rest.getList("elements.type"));
    assertThat(g.getList(at + "elements.distance")).isEqualTo(rest.getList("elements.distance"));
    assertThat(g.getList(at + "elements.potential")).isEqualTo(rest.getList("elements.potential"));
    assertThat(g.getList(at + "elements.path.relationship.id"))
        .isEqualTo(rest.getList("elements.path.id"));
    assertThat(g.getList(at + "elements.path.forward"))
        .isEqualTo(rest.getList("elements.path.forward"));
    assertThat(g.getList(at + "elements.derived.type"))
        .isEqualTo(rest.getList("elements.derived.type"));
    assertThat(g.getList(at + "elements.derived.source.id"))
        .isEqualTo(rest.getList("elements.derived.source"));
    assertThat(g.getList(at + "nodes.id")).containsExactlyElementsOf(keys(rest, "nodes"));
    assertThat(g.getInt(at + "summary.elements")).isEqualTo(rest.getInt("summary.elements"));
    Map<String, Object> byLayer = new LinkedHashMap<>();
    List<Map<String, Object>> layers = g.getList(at + "summary.byLayer");
    layers.forEach(l -> byLayer.put((String) l.get("layer"), l.get("count")));
    assertThat(byLayer).isEqualTo(rest.getMap("summary.byLayer"));
    List<String> distances = new ArrayList<>();
    g.getList(at + "summary.byDistance.distance", Integer.class)
        .forEach(d -> distances.add(String.valueOf(d)));
    assertThat(distances).containsExactlyElementsOf(keys(rest, "summary.byDistance"));
    // removing the LGSP takes away the six sharing services it realizes, and (in the shipped
    // model, where no application is yet recorded as using them) nothing further
    assertThat(g.getList(at + "elements.element.id"))
        .containsExactly(
            "tv-share-gia-tri-gia-tang",
            "tv-share-quan-ly-dinh-danh",
            "tv-share-thu-muc",
            "tv-share-trao-doi-du-lieu",
            "tv-share-tich-hop",
            "tv-share-xac-thuc");
    assertThat(g.getList(at + "summary.byLayer.layer")).containsExactly("Application");
    assertThat(g.getList(at + "summary.byLayer.count")).containsExactly(6);
    assertThat(g.getList(at + "summary.byDistance.distance")).containsExactly(1);
    assertThat(g.getList(at + "elements.path.relationship.type"))
        .containsOnly(List.of("Realization"));
    assertThat(g.getList(at + "elements.path.relationship.source.id"))
        .containsOnly(List.of("tv-platform-lgsp"));
    assertThat(g.getList(at + "elements.path.forward")).containsOnly(List.of(true));
    assertThat(g.getList(at + "elements.derived")).containsOnly((Object) null);
  }

  private static List<String> keys(JsonPath json, String path) {
    Map<String, Object> m = json.getMap(path);
    return List.copyOf(m.keySet());
  }

  @Test
  void impact_BadArguments_AreProblemsThatNameTheField() {
    post("{ impact(model: \"tra-vinh-v1.0\", start: [\"no-such\"]) { truncated } }")
        .body("data", nullValue())
        .body("errors[0].path", contains("impact"))
        .body("errors[0].extensions.code", equalTo("validation"))
        .body("errors[0].extensions.problems[0].code", equalTo("not-found"))
        .body("errors[0].extensions.problems[0].field", equalTo("start[0]"));
    post("{ impact(model: \"tra-vinh-v1.0\", start: [\"tv-platform-lgsp\"], maxDepth: 0,"
            + " limit: 0) { truncated } }")
        .body("errors[0].extensions.code", equalTo("bad-request"))
        .body("errors[0].extensions.status", equalTo(400))
        .body("errors[0].extensions.problems.field", containsInAnyOrder("maxDepth", "limit"));
    post("{ impact(model: \"no-such\", start: [\"x\"]) { truncated } }")
        .body("errors[0].extensions.code", equalTo("not-found"))
        .body("errors[0].extensions.status", equalTo(404));
    post("{ impact(model: \"tra-vinh-v1.0\", start: [\"tv-platform-lgsp\"], change: gone)"
            + " { truncated } }")
        .body("data", nullValue())
        .body("errors", hasSize(1))
        .body("errors[0].extensions.code", equalTo("invalid-query"))
        .body("errors[0].extensions.status", equalTo(400))
        .body("errors[0].extensions.problems[0].field", equalTo("impact"));
  }

  @Test
  void derivedRelationships_AnswersEachDerivationWithItsChain_Typed() {
    String m = smallModel();
    String app = m + "-app";
    String proc = m + "-proc";
    String query =
        "query($m: ID!, $f: ID!, $t: ID!) { derivedRelationships(model: $m, from: $f, to: $t) {"
            + " modelId seq maxLength complete from { id name } to { id name }"
            + " derived { type potential rules source { id } target { id }"
            + " chain { forward relationship { id type source { id } target { id } } } } } }";
    String at = "data.derivedRelationships.";
    post(query, Map.of("m", m, "f", app, "t", proc))
        .body("errors", nullValue())
        .body(at + "modelId", equalTo(m))
        .body(at + "maxLength", equalTo(4))
        .body(at + "complete", equalTo(true))
        .body(at + "from.id", equalTo(app))
        .body(at + "from.name", equalTo("Phần mềm hộ tịch"))
        .body(at + "to.name", equalTo("Đăng ký khai sinh"))
        .body(at + "derived[0].type", equalTo("Serving"))
        .body(at + "derived[0].potential", equalTo(false))
        .body(at + "derived[0].rules", contains("DR3"))
        .body(at + "derived[0].source.id", equalTo(app))
        .body(at + "derived[0].target.id", equalTo(proc))
        .body(at + "derived[0].chain.relationship.id", contains(m + "-r2", m + "-r3"))
        .body(at + "derived[0].chain.relationship.type", contains("Realization", "Serving"))
        .body(at + "derived[0].chain.forward", contains(true, true))
        .body(at + "derived[0].chain[1].relationship.target.id", equalTo(proc));
    // nothing is derived the other way round
    post(query, Map.of("m", m, "f", proc, "t", app))
        .body("errors", nullValue())
        .body(at + "derived", empty());
  }

  @Test
  void derivedRelationships_FromRoadmapTask13ToTheIntegrationService_OnTraVinh() {
    // task 1.3 realizes the LGSP, which realizes the integration service: DR2
    String at = "data.derivedRelationships.";
    post("{ derivedRelationships(model: \"tra-vinh-v1.0\", from: \"tv-task-1-3\", to:"
            + " \"tv-share-tich-hop\") { complete from { id } to { name } derived { type rules"
            + " potential source { id } target { id } chain { forward relationship { id type"
            + " source { id } target { id } } } } } }")
        .body("errors", nullValue())
        .body(at + "complete", equalTo(true))
        .body(at + "from.id", equalTo("tv-task-1-3"))
        .body(at + "to.name", equalTo("Dịch vụ tích hợp"))
        .body(at + "derived", hasSize(1))
        .body(at + "derived[0].type", equalTo("Realization"))
        .body(at + "derived[0].rules", contains("DR2"))
        .body(at + "derived[0].potential", equalTo(false))
        .body(at + "derived[0].source.id", equalTo("tv-task-1-3"))
        .body(at + "derived[0].target.id", equalTo("tv-share-tich-hop"))
        .body(at + "derived[0].chain.relationship.type", contains("Realization", "Realization"))
        .body(
            at + "derived[0].chain.relationship.source.id",
            contains("tv-task-1-3", "tv-platform-lgsp"))
        .body(
            at + "derived[0].chain.relationship.target.id",
            contains("tv-platform-lgsp", "tv-share-tich-hop"))
        .body(at + "derived[0].chain.forward", contains(true, true));
  }

  @Test
  void derivedRelationships_BadArguments_AreProblemsThatNameTheField() {
    String m = smallModel();
    derivationProblem(m, "to: \"nowhere\"", "validation", "to");
    derivationProblem(m, "to: $f, maxLength: 9", "bad-request", "maxLength");
    derivationProblem(m, "to: $f, potential: null", "invalid-query", "derivedRelationships");
  }

  /** Asks for the derivations from the application with these arguments; expects a problem. */
  private static void derivationProblem(String m, String args, String code, String field) {
    post(
            "query($m: ID!, $f: ID!) { derivedRelationships(model: $m, from: $f, "
                + args
                + ") { complete } }",
            Map.of("m", m, "f", m + "-app"))
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo(code))
        .body("errors[0].extensions.status", equalTo(code.equals("validation") ? 422 : 400))
        .body("errors[0].extensions.problems[0].field", equalTo(field));
  }
}
