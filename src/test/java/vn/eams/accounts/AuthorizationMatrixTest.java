package vn.eams.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.eams.graphql.GraphQlAccess;
import vn.eams.graphql.GraphQlEngine;

/**
 * The authorization matrix: every endpoint of the application (REST resources and pages found by
 * reflection, GraphQL root fields found in the schema) has a row here naming the right it needs,
 * and each row is called as each role to see that exactly the roles holding the right get through.
 * An endpoint without a row, or whose {@link Access} disagrees with its row, fails the test.
 */
@QuarkusTest
class AuthorizationMatrixTest {

  /** The right each endpoint needs: the specification this test holds the code to. */
  static final Map<String, Right> REST =
      Map.ofEntries(
          // published pages
          Map.entry("GET /", Right.PUBLISHED),
          Map.entry("GET /models/{modelId}", Right.PUBLISHED),
          Map.entry("GET /models/{modelId}/catalogue", Right.PUBLISHED),
          Map.entry("GET /models/{modelId}/elements/{id}", Right.PUBLISHED),
          Map.entry("GET /models/{modelId}/views/{viewId}", Right.PUBLISHED),
          Map.entry("GET /search", Right.PUBLISHED),
          // pages of readers and editors
          Map.entry("GET /models/{modelId}/impact", Right.READ),
          Map.entry("GET /models/{modelId}/compliance", Right.READ),
          // appraisal cases (issue #10)
          Map.entry("GET /appraisal", Right.CASES),
          Map.entry("POST /appraisal", Right.CASES),
          Map.entry("GET /appraisal/cases/{id}", Right.CASES),
          Map.entry("POST /appraisal/cases/{id}", Right.CASES),
          Map.entry("POST /appraisal/cases/{id}/documents", Right.CASES),
          Map.entry("GET /appraisal/cases/{id}/opinion", Right.CASES),
          Map.entry("GET /appraisal/portfolio", Right.REVIEW),
          Map.entry("GET /api/appraisal/cases", Right.CASES),
          Map.entry("POST /api/appraisal/cases", Right.CASES),
          Map.entry("GET /api/appraisal/cases/{id}", Right.CASES),
          Map.entry("POST /api/appraisal/cases/{id}/assign", Right.REVIEW),
          Map.entry("PUT /api/appraisal/cases/{id}/checklist/{itemId}", Right.REVIEW),
          Map.entry("POST /api/appraisal/cases/{id}/documents/{slotId}", Right.CASES),
          Map.entry("GET /api/appraisal/cases/{id}/documents/{slotId}/{revision}", Right.CASES),
          Map.entry("PUT /api/appraisal/cases/{id}/estimate", Right.CASES),
          Map.entry("POST /api/appraisal/cases/{id}/decision", Right.REVIEW),
          Map.entry("POST /api/appraisal/cases/{id}/withdraw", Right.CASES),
          Map.entry("GET /api/appraisal/portfolio", Right.REVIEW),
          Map.entry("GET /graphiql", Right.READ),
          Map.entry("GET /audit", Right.READ),
          Map.entry("GET /import", Right.MODEL_EDIT),
          Map.entry("GET /models/{modelId}/views/{viewId}/edit", Right.MODEL_EDIT),
          Map.entry("GET /models/{modelId}/views/new", Right.MODEL_EDIT),
          Map.entry("POST /models/{modelId}/views/new", Right.MODEL_EDIT),
          Map.entry("GET /models/{modelId}/views/{viewId}/delete", Right.MODEL_EDIT),
          Map.entry("POST /models/{modelId}/views/{viewId}/delete", Right.MODEL_EDIT),
          // sign-in and own account
          Map.entry("GET /login", Right.PUBLIC),
          Map.entry("POST /login", Right.PUBLIC),
          Map.entry("GET /login/sso", Right.PUBLIC),
          Map.entry("POST /logout", Right.SIGNED_IN),
          Map.entry("GET /account", Right.SIGNED_IN),
          Map.entry("POST /account/password", Right.SIGNED_IN),
          Map.entry("POST /account/tokens", Right.SIGNED_IN),
          Map.entry("POST /account/tokens/{id}/revoke", Right.SIGNED_IN),
          Map.entry("GET /api/me", Right.SIGNED_IN),
          Map.entry("PUT /api/me/password", Right.SIGNED_IN),
          Map.entry("GET /api/tokens", Right.SIGNED_IN),
          Map.entry("POST /api/tokens", Right.SIGNED_IN),
          Map.entry("DELETE /api/tokens/{id}", Right.SIGNED_IN),
          // administration
          Map.entry("GET /admin/users", Right.ADMIN),
          Map.entry("POST /admin/users", Right.ADMIN),
          Map.entry("GET /admin/users/{username}", Right.ADMIN),
          Map.entry("POST /admin/users/{username}", Right.ADMIN),
          Map.entry("GET /admin/security-events", Right.ADMIN),
          Map.entry("GET /api/users", Right.ADMIN),
          Map.entry("POST /api/users", Right.ADMIN),
          Map.entry("GET /api/users/{username}", Right.ADMIN),
          Map.entry("PATCH /api/users/{username}", Right.ADMIN),
          Map.entry("GET /api/users/{username}/tokens", Right.ADMIN),
          Map.entry("GET /api/security-events", Right.ADMIN),
          Map.entry("GET /admin/webhooks", Right.ADMIN),
          Map.entry("POST /admin/webhooks", Right.ADMIN),
          Map.entry("GET /admin/webhooks/{id}", Right.ADMIN),
          Map.entry("POST /admin/webhooks/{id}", Right.ADMIN),
          Map.entry("GET /api/webhooks", Right.ADMIN),
          Map.entry("POST /api/webhooks", Right.ADMIN),
          Map.entry("GET /api/webhooks/{id}", Right.ADMIN),
          Map.entry("PATCH /api/webhooks/{id}", Right.ADMIN),
          Map.entry("DELETE /api/webhooks/{id}", Right.ADMIN),
          Map.entry("GET /api/webhooks/{id}/deliveries", Right.ADMIN),
          Map.entry("POST /api/webhooks/{id}/deliveries/{deliveryId}/redeliver", Right.ADMIN),
          // the repository: reading
          Map.entry("GET /api/system", Right.READ),
          Map.entry("GET /api/changes", Right.READ),
          Map.entry("GET /api/metamodel", Right.READ),
          Map.entry("GET /api/metamodel/allowed-relationships", Right.READ),
          Map.entry("GET /api/models", Right.READ),
          Map.entry("GET /api/models/{modelId}", Right.READ),
          Map.entry("GET /api/models/{modelId}/changes", Right.READ),
          Map.entry("GET /api/models/{modelId}/events", Right.READ),
          Map.entry("GET /api/models/{modelId}/elements", Right.READ),
          Map.entry("GET /api/models/{modelId}/elements/{id}", Right.READ),
          Map.entry("GET /api/models/{modelId}/elements/{id}/views", Right.READ),
          Map.entry("GET /api/models/{modelId}/relationships", Right.READ),
          Map.entry("GET /api/models/{modelId}/relationships/{id}", Right.READ),
          Map.entry("GET /api/models/{modelId}/folders", Right.READ),
          Map.entry("GET /api/models/{modelId}/folders/{id}", Right.READ),
          Map.entry("GET /api/models/{modelId}/views", Right.READ),
          Map.entry("GET /api/models/{modelId}/views/{viewId}", Right.READ),
          Map.entry("POST /api/models/{modelId}/views/{viewId}/presence", Right.READ),
          Map.entry("DELETE /api/models/{modelId}/views/{viewId}/presence", Right.READ),
          Map.entry("GET /api/models/{modelId}/export", Right.READ),
          Map.entry("POST /api/models/{modelId}/impact", Right.READ),
          Map.entry("GET /api/models/{modelId}/derived", Right.READ),
          Map.entry("GET /api/models/{modelId}/projection", Right.READ),
          Map.entry("GET /api/models/{modelId}/compliance", Right.READ),
          Map.entry("POST /api/models/{modelId}/compliance", Right.READ),
          Map.entry("GET /api/models/{modelId}/duplicates", Right.READ),
          Map.entry("GET /api/compliance/rules", Right.READ),
          Map.entry("GET /api/appraisal/cost-rulesets", Right.READ),
          Map.entry("POST /api/appraisal/estimates/ucp", Right.READ),
          Map.entry("POST /api/appraisal/estimates/lifecycle", Right.READ),
          // appraisal rule-sets (vn.eams.appraisal.rules)
          Map.entry("GET /api/appraisal/rulesets", Right.READ),
          Map.entry("GET /api/appraisal/route", Right.READ),
          Map.entry("GET /api/appraisal/deadline", Right.READ),
          Map.entry("GET /graphql", Right.READ),
          Map.entry("POST /graphql", Right.READ),
          Map.entry("GET /rdf/models/{modelId}", Right.READ),
          Map.entry("GET /rdf/sparql", Right.READ),
          Map.entry("POST /rdf/sparql", Right.READ),
          // the repository: changing
          Map.entry("POST /api/models", Right.MODEL_EDIT),
          Map.entry("PATCH /api/models/{modelId}", Right.MODEL_EDIT),
          Map.entry("DELETE /api/models/{modelId}", Right.MODEL_EDIT),
          Map.entry("POST /api/models/{modelId}/batch", Right.MODEL_EDIT),
          Map.entry("POST /api/models/{modelId}/elements", Right.MODEL_EDIT),
          Map.entry("PUT /api/models/{modelId}/elements/{id}", Right.MODEL_EDIT),
          Map.entry("PATCH /api/models/{modelId}/elements/{id}", Right.MODEL_EDIT),
          Map.entry("DELETE /api/models/{modelId}/elements/{id}", Right.MODEL_EDIT),
          Map.entry("POST /api/models/{modelId}/relationships", Right.MODEL_EDIT),
          Map.entry("PUT /api/models/{modelId}/relationships/{id}", Right.MODEL_EDIT),
          Map.entry("PATCH /api/models/{modelId}/relationships/{id}", Right.MODEL_EDIT),
          Map.entry("DELETE /api/models/{modelId}/relationships/{id}", Right.MODEL_EDIT),
          Map.entry("POST /api/models/{modelId}/folders", Right.MODEL_EDIT),
          Map.entry("PATCH /api/models/{modelId}/folders/{id}", Right.MODEL_EDIT),
          Map.entry("DELETE /api/models/{modelId}/folders/{id}", Right.MODEL_EDIT),
          Map.entry("POST /api/models/{modelId}/views", Right.MODEL_EDIT),
          Map.entry("PATCH /api/models/{modelId}/views/{viewId}", Right.MODEL_EDIT),
          Map.entry("DELETE /api/models/{modelId}/views/{viewId}", Right.MODEL_EDIT),
          Map.entry("POST /api/models/{modelId}/views/{viewId}/edits", Right.MODEL_EDIT),
          Map.entry("POST /api/models/{modelId}/compliance/merge", Right.REVIEW),
          Map.entry("POST /api/compliance/rules/reload", Right.ADMIN),
          Map.entry("POST /api/import", Right.MODEL_EDIT),
          Map.entry("POST /api/import/jobs", Right.MODEL_EDIT),
          Map.entry("GET /api/import/jobs/{id}", Right.MODEL_EDIT),
          Map.entry("GET /api/import/jobs/{id}/events", Right.MODEL_EDIT));

  /** A valid request for each GraphQL root field, against a model that does not exist. */
  static final Map<String, String> GRAPHQL =
      Map.ofEntries(
          Map.entry("Query.models", "{ models { id } }"),
          Map.entry("Query.model", "{ model(id: \"matrix-none\") { id } }"),
          Map.entry("Query.element", "{ element(id: \"matrix-none\") { id } }"),
          Map.entry("Query.relationship", "{ relationship(id: \"matrix-none\") { id } }"),
          Map.entry(
              "Query.elements", "{ elements(model: \"matrix-none\", first: 1) { totalCount } }"),
          Map.entry("Query.search", "{ search(text: \"x\", first: 1) { totalCount } }"),
          Map.entry("Query.views", "{ views(model: \"matrix-none\") { id } }"),
          Map.entry("Query.changes", "{ changes(model: \"matrix-none\") { seq } }"),
          Map.entry(
              "Query.impact", "{ impact(model: \"matrix-none\", start: [\"x\"]) { __typename } }"),
          Map.entry(
              "Query.derivedRelationships",
              "{ derivedRelationships(model: \"matrix-none\", from: \"a\", to: \"b\")"
                  + " { __typename } }"),
          Map.entry(
              "Mutation.createElement",
              "mutation { createElement(model: \"matrix-none\", input: {type: ApplicationComponent,"
                  + " name: \"x\"}, validateOnly: true) { seq } }"),
          Map.entry(
              "Mutation.updateElement",
              "mutation { updateElement(model: \"matrix-none\", id: \"x\", version: 1, input:"
                  + " {name: \"x\"}, validateOnly: true) { seq } }"),
          Map.entry(
              "Mutation.deleteElement",
              "mutation { deleteElement(model: \"matrix-none\", id: \"x\", version: 1,"
                  + " validateOnly: true) { seq } }"),
          Map.entry(
              "Mutation.createRelationship",
              "mutation { createRelationship(model: \"matrix-none\", input: {type: Serving,"
                  + " sourceId: \"a\", targetId: \"b\"}, validateOnly: true) { seq } }"),
          Map.entry(
              "Mutation.updateRelationship",
              "mutation { updateRelationship(model: \"matrix-none\", id: \"x\", version: 1, input:"
                  + " {name: \"x\"}, validateOnly: true) { seq } }"),
          Map.entry(
              "Mutation.deleteRelationship",
              "mutation { deleteRelationship(model: \"matrix-none\", id: \"x\", version: 1,"
                  + " validateOnly: true) { seq } }"),
          Map.entry(
              "Mutation.batch",
              "mutation { batch(model: \"matrix-none\", operations: [], validateOnly: true)"
                  + " { seq } }"));

  /** The roles the matrix is checked for; null is a visitor who is not signed in. */
  static final List<Role> CALLERS =
      java.util.Arrays.asList(
          null, Role.VIEWER, Role.DEPARTMENT, Role.REVIEWER, Role.ARCHITECT, Role.ADMIN);

  @Inject GraphQlEngine engine;

  @BeforeEach
  void users() {
    Roles.ensureUsers();
  }

  @Test
  void everyEndpoint_HasARow_ThatAgreesWithItsAccessRule() throws Exception {
    Map<String, Right> found = endpoints();
    assertThat(found).as("endpoints found by reflection").isNotEmpty();
    List<String> problems = new ArrayList<>();
    found.forEach(
        (endpoint, right) -> {
          if (!REST.containsKey(endpoint)) {
            problems.add(endpoint + " has no row in the matrix (its rule: " + right + ")");
          } else if (REST.get(endpoint) != right) {
            problems.add(endpoint + " needs " + right + " but its row says " + REST.get(endpoint));
          }
        });
    REST.keySet().stream()
        .filter(e -> !found.containsKey(e))
        .forEach(e -> problems.add(e + " is in the matrix but no such endpoint exists"));
    assertThat(problems).isEmpty();
  }

  @Test
  void everyEndpoint_LetsThrough_ExactlyTheRolesThatHoldItsRight() throws Exception {
    Map<String, Right> found = endpoints();
    List<String> wrong = new ArrayList<>();
    Map<String, Method> methods = methods();
    for (Map.Entry<String, Right> e : new TreeMap<>(REST).entrySet()) {
      if (!found.containsKey(e.getKey())) {
        continue;
      }
      for (Role role : CALLERS) {
        boolean expected = allowed(role, e.getValue());
        Outcome outcome = call(e.getKey(), methods.get(e.getKey()), role);
        if (outcome.allowed() != expected) {
          wrong.add(
              e.getKey()
                  + " as "
                  + (role == null ? "anonymous" : role.key())
                  + ": expected "
                  + (expected ? "through" : "refused")
                  + ", got "
                  + outcome.status()
                  + " "
                  + outcome.detail());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyGraphQlRootField_HasARule_AndASample() {
    List<String> fields = GraphQlAccess.rootFields(engine.schema());
    assertThat(fields).isNotEmpty();
    assertThat(fields).allSatisfy(f -> assertThat(GraphQlAccess.rule(f)).as(f).isPresent());
    assertThat(GRAPHQL.keySet()).containsExactlyInAnyOrderElementsOf(fields);
  }

  @Test
  void everyGraphQlRootField_AnswersExactlyTheRolesThatHoldItsRight() {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(GRAPHQL).entrySet()) {
      Right right = GraphQlAccess.rule(e.getKey()).orElseThrow();
      for (Role role : CALLERS) {
        boolean expected = allowed(role, Right.READ) && allowed(role, right);
        Response r =
            as(role)
                .contentType("application/json")
                .body(Map.of("query", e.getValue()))
                .post("/graphql");
        boolean refused;
        if (role == null) {
          refused = r.statusCode() == 401;
        } else {
          assertThat(r.statusCode()).as(e.getKey() + " as " + role.key()).isEqualTo(200);
          List<String> codes = r.jsonPath().getList("errors.extensions.code");
          refused = codes != null && codes.contains("forbidden");
          List<String> syntax = r.jsonPath().getList("errors.extensions.classification");
          assertThat(syntax == null ? List.of() : syntax)
              .as("the sample of " + e.getKey() + " must be a valid request: " + r.asString())
              .doesNotContain("ValidationError", "InvalidSyntax");
        }
        if (refused == expected) {
          wrong.add(
              e.getKey()
                  + " as "
                  + (role == null ? "anonymous" : role.key())
                  + ": expected "
                  + (expected ? "answered" : "refused")
                  + ", got "
                  + r.asString());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  // ---- how the matrix is checked
  // -----------------------------------------------------------------

  record Outcome(boolean allowed, int status, String detail) {}

  static boolean allowed(Role role, Right right) {
    if (right == Right.PUBLIC) {
      return true;
    }
    if (role == null) {
      return right == Right.PUBLISHED; // anonymous reading is on in the test profile
    }
    return role.rights().contains(right);
  }

  static RequestSpecification as(Role role) {
    RequestSpecification s = given().redirects().follow(false);
    if (role == null) {
      return s.auth().none();
    }
    return s.auth().preemptive().basic(Roles.username(role), Roles.password(role));
  }

  private static Outcome call(String endpoint, Method method, Role role) {
    String verb = endpoint.substring(0, endpoint.indexOf(' '));
    String path =
        endpoint
            .substring(endpoint.indexOf(' ') + 1)
            .replace("{modelId}", "matrix-none")
            .replace("{viewId}", "matrix-none")
            .replace("{username}", "matrix-none")
            .replace("{id}", "0")
            .replace("{deliveryId}", "0")
            .replace("{itemId}", "matrix-none")
            .replace("{slotId}", "matrix-none")
            .replace("{revision}", "1");
    boolean page = !path.startsWith("/api/") && !path.startsWith("/graphql");
    RequestSpecification s = as(role).accept(accept(method, page));
    if (!verb.equals("GET") && !verb.equals("DELETE")) {
      String consumes = consumes(method);
      if (consumes.startsWith("multipart/")) {
        s = s.multiPart("modelId", "matrix-none");
      } else if (consumes.equals("application/x-www-form-urlencoded")) {
        s = s.contentType(consumes).formParam("csrf", "none");
      } else if (consumes.contains("xml") || consumes.contains("octet")) {
        s = s.contentType("application/xml").body("<matrix/>");
      } else {
        s = s.contentType("application/json").body("{}");
      }
    }
    Response r = s.request(verb, path);
    int status = r.statusCode();
    String type = r.contentType() == null ? "" : r.contentType();
    String problem = type.contains("json") ? r.jsonPath().getString("type") : null;
    boolean refused =
        (status == 303 && String.valueOf(r.header("Location")).contains("/login"))
            || (status == 401 && "urn:eams:problem:unauthenticated".equals(problem))
            || (status == 403 && "urn:eams:problem:forbidden".equals(problem));
    return new Outcome(!refused, status, problem == null ? type : problem);
  }

  /** What the endpoint produces (event streams, CSV), else HTML for pages and JSON for the API. */
  private static String accept(Method m, boolean page) {
    jakarta.ws.rs.Produces p = m.getAnnotation(jakarta.ws.rs.Produces.class);
    if (p != null && p.value().length > 0) {
      return p.value()[0];
    }
    return page ? "text/html" : "application/json";
  }

  private static String consumes(Method m) {
    Consumes c = m.getAnnotation(Consumes.class);
    if (c == null) {
      c = m.getDeclaringClass().getAnnotation(Consumes.class);
    }
    return c == null || c.value().length == 0 ? "application/json" : c.value()[0];
  }

  /** Every resource method of the application: "VERB /path" to its rule (null: none). */
  static Map<String, Right> endpoints() throws IOException {
    Map<String, Right> m = new TreeMap<>();
    methods()
        .forEach(
            (k, method) ->
                m.put(
                    k,
                    AccessFilter.rule(method, method.getDeclaringClass())
                        .map(Access::value)
                        .orElse(null)));
    return m;
  }

  static Map<String, Method> methods() throws IOException {
    Map<String, Method> m = new LinkedHashMap<>();
    java.nio.file.Path root = Paths.get("target/classes");
    List<String> classes;
    try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("vn/eams"))) {
      classes =
          files
              .map(p -> root.relativize(p).toString())
              .filter(p -> p.endsWith(".class") && !p.contains("$"))
              .map(p -> p.substring(0, p.length() - 6).replace('/', '.').replace('\\', '.'))
              .toList();
    }
    for (String name : classes) {
      Class<?> type;
      try {
        type = Class.forName(name, false, AuthorizationMatrixTest.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      Path base = type.getAnnotation(Path.class);
      if (base == null) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        String verb = verb(method);
        if (verb == null || !Modifier.isPublic(method.getModifiers())) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String path = join(base.value(), sub == null ? "" : sub.value());
        m.put(verb + " " + path, method);
      }
    }
    return m;
  }

  private static String verb(Method m) {
    if (m.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (m.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (m.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    if (m.isAnnotationPresent(PATCH.class)) {
      return "PATCH";
    }
    if (m.isAnnotationPresent(DELETE.class)) {
      return "DELETE";
    }
    return null;
  }

  private static String join(String a, String b) {
    String p = ("/" + a + "/" + b).replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
