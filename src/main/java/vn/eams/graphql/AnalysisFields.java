package vn.eams.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import vn.eams.analysis.AnalysisResource;
import vn.eams.analysis.ImpactService;
import vn.eams.model.Element;

/**
 * The fields {@code impact} and {@code derivedRelationships}, and the types of their answers
 * ({@code ImpactResult}, {@code DerivationResult} and what they hold). The answers are those of the
 * REST API ({@link ImpactService}); their element and relationship ids become {@code Element} and
 * {@code Relationship} objects through the request's {@link GraphLoader}, one statement per query
 * level however many elements an answer lists.
 */
final class AnalysisFields {

  private final AnalysisResource analysis;
  private final ImpactService impact;
  private final ObjectMapper json;

  AnalysisFields(AnalysisResource analysis, ImpactService impact, ObjectMapper json) {
    this.analysis = analysis;
    this.impact = impact;
    this.json = json;
  }

  /** The fields of {@code Query}, name to fetcher. */
  @SuppressWarnings("rawtypes")
  Map<String, DataFetcher> queryFields() {
    Map<String, DataFetcher> m = new LinkedHashMap<>();
    m.put("impact", this::impact);
    m.put(
        "derivedRelationships",
        env ->
            analysis.derived(
                env.getArgument("model"),
                env.getArgument("from"),
                env.getArgument("to"),
                env.getArgument("potential"),
                env.getArgument("maxLength")));
    return m;
  }

  /**
   * The fields of the answer types that are not read from the answer as they stand: references and
   * the summary's counts (maps in the REST answer, lists here).
   */
  List<TypeRuntimeWiring> types() {
    return List.of(
        TypeRuntimeWiring.newTypeWiring("ImpactResult")
            .dataFetcher("start", env -> ElementFields.elements(env, ids(source(env).get("start"))))
            .dataFetcher(
                "nodes",
                env -> ElementFields.elements(env, List.copyOf(map(source(env), "nodes").keySet())))
            .build(),
        TypeRuntimeWiring.newTypeWiring("ImpactSummary")
            .dataFetcher("byLayer", env -> counts(env, "byLayer", "layer", layer -> layer))
            .dataFetcher(
                "byDistance", env -> counts(env, "byDistance", "distance", Integer::valueOf))
            .build(),
        TypeRuntimeWiring.newTypeWiring("ImpactedElement")
            .dataFetcher("element", env -> reference(env, "id"))
            .build(),
        TypeRuntimeWiring.newTypeWiring("PathStep")
            .dataFetcher(
                "relationship",
                env ->
                    ElementFields.relationship(
                        env, (String) source(env).get("id"), (String) source(env).get("source")))
            .build(),
        TypeRuntimeWiring.newTypeWiring("DerivedRelationship")
            .dataFetcher("source", env -> reference(env, "source"))
            .dataFetcher("target", env -> reference(env, "target"))
            .build(),
        TypeRuntimeWiring.newTypeWiring("DerivationResult")
            .dataFetcher("from", env -> ElementFields.element(env, id(source(env).get("from"))))
            .dataFetcher("to", env -> ElementFields.element(env, id(source(env).get("to"))))
            .build());
  }

  private Map<String, Object> impact(DataFetchingEnvironment env) {
    // the arguments read and checked as the REST API reads its body, with the same problems
    Map<String, Object> args = new LinkedHashMap<>(env.getArguments());
    String model = (String) args.remove("model");
    ImpactService.ImpactRequest request = analysis.request(json.valueToTree(args));
    return impact.impact(model, request);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> source(DataFetchingEnvironment env) {
    return (Map<String, Object>) env.getSource();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  /** The element whose id the answer holds under {@code key}. */
  private static CompletableFuture<Element> reference(DataFetchingEnvironment env, String key) {
    return ElementFields.element(env, (String) source(env).get(key));
  }

  /** The id of an element as the REST answer describes it ({@code {id, name, type, ...}}). */
  @SuppressWarnings("unchecked")
  private static String id(Object node) {
    return (String) ((Map<String, Object>) node).get("id");
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Object nodes) {
    return ((List<Object>) nodes).stream().map(AnalysisFields::id).toList();
  }

  /**
   * A count map of the summary ({@code {"Business": 3}}) as {@code [{layer: Business, count: 3}]}.
   */
  private static List<Map<String, Object>> counts(
      DataFetchingEnvironment env, String field, String key, Function<String, Object> keyValue) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Map.Entry<String, Object> e : map(source(env), field).entrySet()) {
      list.add(Map.of(key, keyValue.apply(e.getKey()), "count", e.getValue()));
    }
    return list;
  }
}
