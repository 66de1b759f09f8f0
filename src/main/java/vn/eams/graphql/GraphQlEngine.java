package vn.eams.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AbortExecutionException;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.dataloader.DataLoaderRegistry;
import vn.eams.accounts.Caller;
import vn.eams.analysis.AnalysisResource;
import vn.eams.analysis.ImpactService;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.Element;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelService;
import vn.eams.platform.EamsConfig;

/**
 * The GraphQL schema and engine, built once from {@code graphql/schema.graphqls} and the types the
 * metamodel defines ({@link MetamodelTypes}): on first use, or by {@link GraphQlWarmUp} shortly
 * after the start, so that building it does not lengthen the start (it took seconds of CPU on a
 * cold JVM, on the two cores the DBMS start needs).
 */
@ApplicationScoped
public class GraphQlEngine {

  /**
   * One request.
   *
   * @param variables may be null
   * @param operationName may be null
   */
  public record Request(String query, Map<String, Object> variables, String operationName) {}

  private final GraphQL graphQL;
  private final GraphQLSchema schema;
  private final GraphQlReads reads;
  private final EamsConfig.Graphql limits;
  private final DocumentCache documents;
  private final QueryLimits.Checked checks;

  GraphQlEngine(
      Metamodel metamodel,
      GraphQlReads reads,
      ModelQueries queries,
      ModelService service,
      AnalysisResource analysis,
      ImpactService impact,
      ObjectMapper json,
      EamsConfig config) {
    this.reads = reads;
    this.limits = config.graphql();
    TypeDefinitionRegistry types = new SchemaParser().parse(core());
    types.merge(new SchemaParser().parse(MetamodelTypes.sdl(metamodel)));
    ElementFields fields = new ElementFields(metamodel, limits);
    AnalysisFields analysisFields = new AnalysisFields(analysis, impact, json);
    RuntimeWiring.Builder wiring =
        RuntimeWiring.newRuntimeWiring()
            .scalar(JsonScalar.JSON)
            .type(
                TypeRuntimeWiring.newTypeWiring("Query")
                    .dataFetchers(
                        GraphQlAccess.guard(
                            "Query",
                            new QueryFields(reads, queries, metamodel, limits, json).fetchers()))
                    .dataFetchers(GraphQlAccess.guard("Query", analysisFields.queryFields())))
            .type(
                TypeRuntimeWiring.newTypeWiring("Mutation")
                    .dataFetchers(
                        GraphQlAccess.guard(
                            "Mutation", new MutationFields(service, queries).fetchers())))
            .type(TypeRuntimeWiring.newTypeWiring("Element").typeResolver(elementTypes(metamodel)))
            .type(
                TypeRuntimeWiring.newTypeWiring("Relationship")
                    .defaultDataFetcher(fields.relationship()));
    analysisFields.types().forEach(wiring::type);
    for (ElementType t : metamodel.elementTypes()) {
      wiring.type(TypeRuntimeWiring.newTypeWiring(t.name()).defaultDataFetcher(fields.element()));
    }
    this.schema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());
    GraphQlAccess.requireRules(schema);
    this.documents = new DocumentCache(limits.documentCacheSize());
    this.checks = QueryLimits.instrumentation(limits);
    this.graphQL =
        GraphQL.newGraphQL(schema)
            .preparsedDocumentProvider(documents)
            .instrumentation(checks)
            .defaultDataFetcherExceptionHandler(new ProblemErrors())
            .build();
  }

  /** The executable schema. */
  public GraphQLSchema schema() {
    return schema;
  }

  /** How many parsed queries are kept for reuse now. */
  int cachedDocuments() {
    return documents.cached();
  }

  /** How many times a query's depth and cost were checked by walking it, since the start. */
  long checkWalks() {
    return checks.walks();
  }

  /** Runs the server's own request (warm-up, benchmarks) with the configured time limit. */
  public ExecutionResult execute(Request request) {
    return execute(request, limits.timeout());
  }

  /**
   * Runs a request a client sent, with the configured time limit: each root field checks that the
   * caller (none: anonymous) may use it ({@link GraphQlAccess}), and changes are recorded as
   * theirs.
   */
  public ExecutionResult execute(Request request, java.util.Optional<Caller> caller) {
    return run(request, limits.timeout(), caller, true);
  }

  /**
   * Runs a request that may take at most {@code timeout}: fields fetched later fail, and so does a
   * read still running then, which the DBMS terminates.
   */
  public ExecutionResult execute(Request request, Duration timeout) {
    return run(request, timeout, java.util.Optional.empty(), false);
  }

  private ExecutionResult run(
      Request request, Duration timeout, java.util.Optional<Caller> caller, boolean external) {
    TimeLimit time = TimeLimit.startingNow(timeout);
    DataLoaderRegistry loaders = new DataLoaderRegistry();
    loaders.register(GraphLoader.NAME, GraphLoader.create(reads, time));
    Map<String, Object> context = new HashMap<>();
    context.put(TimeLimit.KEY, time);
    context.put(GraphQlAccess.EXTERNAL, external);
    caller.ifPresent(c -> context.put(GraphQlAccess.CALLER, c));
    ExecutionInput input =
        ExecutionInput.newExecutionInput()
            .query(request.query())
            .variables(request.variables() == null ? Map.of() : request.variables())
            .operationName(request.operationName())
            .dataLoaderRegistry(loaders)
            .graphQLContext(context)
            .build();
    try {
      return ProblemErrors.withRequestProblems(graphQL.execute(input));
    } catch (AbortExecutionException e) {
      return e.toExecutionResult();
    }
  }

  private static TypeResolver elementTypes(Metamodel metamodel) {
    return env -> {
      Element e = env.getObject();
      return env.getSchema().getObjectType(e.type());
    };
  }

  private static String core() {
    try (InputStream in =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream("graphql/schema.graphqls")) {
      if (in == null) {
        throw new IllegalStateException("graphql/schema.graphqls is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
