package vn.eams.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.Change;
import vn.eams.model.Element;
import vn.eams.model.GraphMapping;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelQueries;
import vn.eams.model.Relationship;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.ProblemException;

/**
 * The fields of {@code Query} that read the graph: read-only, each one statement within the
 * request's time limit ({@link AnalysisFields} has the analysis fields).
 */
final class QueryFields {

  private final GraphQlReads reads;
  private final ModelQueries queries;
  private final Metamodel metamodel;
  private final EamsConfig.Graphql limits;
  private final ObjectMapper json;

  QueryFields(
      GraphQlReads reads,
      ModelQueries queries,
      Metamodel metamodel,
      EamsConfig.Graphql limits,
      ObjectMapper json) {
    this.reads = reads;
    this.queries = queries;
    this.metamodel = metamodel;
    this.limits = limits;
    this.json = json;
  }

  /** Field name to fetcher. */
  @SuppressWarnings("rawtypes")
  Map<String, DataFetcher> fetchers() {
    Map<String, DataFetcher> m = new LinkedHashMap<>();
    m.put(
        "models",
        env ->
            reads.read(TimeLimit.of(env), queries::models).stream()
                .map(QueryFields::model)
                .toList());
    m.put(
        "model",
        env ->
            reads
                .read(TimeLimit.of(env), tx -> queries.model(tx, env.getArgument("id")))
                .map(QueryFields::model)
                .orElse(null));
    m.put("element", env -> ElementFields.elementAhead(env, env.getArgument("id"), limits));
    m.put("relationship", this::relationship);
    m.put("elements", this::elements);
    m.put("search", this::search);
    m.put("views", this::views);
    m.put("changes", this::changes);
    return m;
  }

  /** A 404 problem unless the model exists (one counted statement). */
  private void requireModel(DataFetchingEnvironment env, String id) {
    if (reads
        .list(TimeLimit.of(env), "MATCH (m:Model {id: $id}) RETURN m.id", Map.of("id", id), r -> 1)
        .isEmpty()) {
      throw ProblemException.notFound("model", id);
    }
  }

  private Relationship relationship(DataFetchingEnvironment env) {
    // one index seek per type: a relationship index needs the type (ADR 0002)
    String union =
        metamodel.relationshipTypes().stream()
            .map(t -> "MATCH ()-[x:" + t.name() + " {id: $id}]->() RETURN x")
            .collect(Collectors.joining(" UNION ALL "));
    return reads
        .list(
            TimeLimit.of(env),
            "CALL { " + union + " } RETURN properties(x) AS x LIMIT 1",
            Map.of("id", env.getArgument("id")),
            r -> GraphMapping.relationship(r.get("x").asMap()))
        .stream()
        .findFirst()
        .orElse(null);
  }

  private Map<String, Object> elements(DataFetchingEnvironment env) {
    String model = env.getArgument("model");
    requireModel(env, model);
    String sort = env.getArgument("sort");
    return page(env, new ElementQuery().filter(env.getArgument("filter"), metamodel), model, sort);
  }

  private Map<String, Object> search(DataFetchingEnvironment env) {
    String model = env.getArgument("model");
    if (model != null) {
      requireModel(env, model);
    }
    return page(env, new ElementQuery().nameContains(env.getArgument("text")), model, "NAME");
  }

  private Map<String, Object> page(
      DataFetchingEnvironment env, ElementQuery query, String model, String sort) {
    PageArgs page = PageArgs.of(env, limits.defaultPageSize(), limits.maxPageSize());
    boolean withTotal = env.getSelectionSet().contains("totalCount");
    ElementQuery.Result r = query.run(reads, TimeLimit.of(env), model, sort, page, withTotal);
    return page.connection(r.rows(), r.total(), (Element e) -> ElementQuery.cursor(e, sort));
  }

  private List<Map<String, Object>> views(DataFetchingEnvironment env) {
    String model = env.getArgument("model");
    requireModel(env, model);
    return reads.list(
        TimeLimit.of(env),
        "MATCH (v:View {modelId: $m}) RETURN properties(v) AS v ORDER BY v.name, v.id",
        Map.of("m", model),
        r -> {
          Map<String, Object> v = r.get("v").asMap();
          Map<String, Object> view = new LinkedHashMap<>();
          view.put("id", v.get("id"));
          view.put("modelId", v.get("modelId"));
          for (String f : List.of("name", "nameEn", "viewpoint", "folderId")) {
            view.put(f, v.getOrDefault(f, ""));
          }
          view.put("version", v.getOrDefault("version", 1L));
          return view;
        });
  }

  private List<Map<String, Object>> changes(DataFetchingEnvironment env) {
    String model = env.getArgument("model");
    requireModel(env, model);
    Integer since = env.getArgument("since");
    Integer first = env.getArgument("first");
    PageArgs.of(env, limits.defaultPageSize(), limits.maxPageSize());
    int limit = first == null ? limits.defaultPageSize() : first;
    long after = since == null ? 0 : since;
    return reads.read(TimeLimit.of(env), tx -> queries.changes(tx, model, after, limit)).stream()
        .map(this::change)
        .toList();
  }

  private Map<String, Object> change(Change c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", c.seq());
    m.put("at", c.at().toString());
    m.put("actor", c.actor());
    m.put("op", c.op());
    m.put("kind", c.kind());
    m.put("modelId", c.modelId());
    m.put("targetId", c.targetId());
    m.put("before", parse(c.before()));
    m.put("after", parse(c.after()));
    m.put("cause", c.cause());
    return m;
  }

  private Object parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return json.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      return text;
    }
  }

  static Map<String, Object> model(ModelInfo m) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", m.id());
    r.put("name", m.data().name());
    r.put("nameEn", m.data().nameEn());
    r.put("documentation", m.data().documentation());
    r.put("elementCount", m.elementCount());
    r.put("relationshipCount", m.relationshipCount());
    r.put("version", m.version());
    return r;
  }
}
