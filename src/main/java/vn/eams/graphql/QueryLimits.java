package vn.eams.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import vn.eams.analysis.AnalysisResource;
import vn.eams.platform.EamsConfig;

/**
 * The limits of {@code eams.graphql.*}: depth, cost and page size are checked before a query runs
 * and abort it whole; the time limit ({@link TimeLimit}) is checked before each field is fetched
 * and bounds every read the request makes.
 */
final class QueryLimits {

  private QueryLimits() {}

  /**
   * The instrumentation that enforces the limits, checking depth and cost once per query, operation
   * and variables ({@link Checked}).
   */
  static Checked instrumentation(EamsConfig.Graphql limits) {
    Instrumentation depth =
        new MaxQueryDepthInstrumentation(limits.maxDepth()) {
          @Override
          protected AbortExecutionException mkAbortException(int depth, int max) {
            return abort(
                "max-depth",
                max,
                "The query is nested "
                    + depth
                    + " levels deep; at most "
                    + max
                    + " are allowed (eams.graphql.max-depth). Split it into several queries.");
          }
        };
    Instrumentation cost =
        new MaxQueryComplexityInstrumentation(limits.maxComplexity(), calculator(limits)) {
          @Override
          protected AbortExecutionException mkAbortException(int cost, int max) {
            return abort(
                "max-complexity",
                max,
                // costs above the limit are counted only as far as the limit plus one
                "The query costs at least "
                    + cost
                    + "; at most "
                    + max
                    + " is allowed (eams.graphql.max-complexity). Ask for smaller pages"
                    + " (first/last) or fewer nested fields.");
          }
        };
    return new Checked(depth, cost, limits.documentCacheSize());
  }

  /**
   * 1 per field; a connection (a field with {@code first}/{@code last}) costs its content once per
   * item of its page, and {@code impact} its content once per element it may list ({@code limit}).
   * A page larger than allowed aborts the query here, before it runs. A cost above the limit counts
   * as the limit plus one, so that the sums and products of nested fields cannot wrap around.
   */
  private static FieldComplexityCalculator calculator(EamsConfig.Graphql limits) {
    long over = Math.min(Integer.MAX_VALUE, limits.maxComplexity() + 1L);
    return (FieldComplexityEnvironment env, int childComplexity) -> {
      long child = Math.min(over, Math.max(1, childComplexity));
      if (env.getFieldDefinition().getArgument("limit") != null) {
        Object limit = env.getArguments().get("limit");
        int listed = limit instanceof Integer n && n > 0 ? n : AnalysisResource.DEFAULT_LIMIT;
        return (int) Math.min(over, 1 + listed * child);
      }
      if (env.getFieldDefinition().getArgument("first") == null) {
        return (int) Math.min(over, 1L + Math.max(0, childComplexity));
      }
      Object first = env.getArguments().get("first");
      Object last = env.getArguments().get("last");
      int size = limits.defaultPageSize();
      for (Object s : new Object[] {first, last}) {
        if (s instanceof Integer n) {
          if (n < 0 || n > limits.maxPageSize()) {
            throw abort(
                "page-size",
                limits.maxPageSize(),
                "A page of "
                    + n
                    + " items is asked for at "
                    + env.getField().getName()
                    + "; at most "
                    + limits.maxPageSize()
                    + " are allowed (eams.graphql.max-page-size). Page with after/before.");
          }
          size = n;
        }
      }
      return (int) Math.min(over, 1 + Math.max(1, size) * child);
    };
  }

  /** A query refused before it runs: {@code limit} is the limit it exceeds. */
  static AbortExecutionException abort(String code, int limit, String message) {
    GraphQLError error =
        GraphqlErrorBuilder.newError()
            .message(message)
            .extensions(
                Map.of(
                    "code",
                    code,
                    "status",
                    400,
                    "limit",
                    limit,
                    "problems",
                    List.of(Map.of("code", code, "message", message))))
            .build();
    return new AbortExecutionException(List.of(error));
  }

  /**
   * Checks each operation's depth and cost before it runs, and fails every field fetched after the
   * request's deadline ({@link TimeLimit}).
   *
   * <p>The checks walk the whole query; a query that passed them passes again with the same
   * variables (they depend on nothing else), so the last {@code size} queries that passed, by
   * parsed document (the same object while {@link DocumentCache} keeps it), operation and
   * variables, are not walked again: a department's client that sends the same query over and over
   * pays for the walk once. Mutations are always checked (their variables may be large batches, not
   * worth keeping).
   */
  static final class Checked extends SimplePerformantInstrumentation {

    /** A query that passed the checks. */
    private record Passed(Document document, String operation, Map<String, Object> variables) {}

    private final Instrumentation depth;
    private final Instrumentation cost;
    private final int size;
    private final Map<Passed, Boolean> passed;
    private final AtomicLong walks = new AtomicLong();

    Checked(Instrumentation depth, Instrumentation cost, int size) {
      this.depth = depth;
      this.cost = cost;
      this.size = size;
      this.passed = DocumentCache.leastRecentlyUsed(size);
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(
        InstrumentationCreateStateParameters parameters) {
      return cost.createStateAsync(parameters);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(
        InstrumentationValidationParameters parameters, InstrumentationState state) {
      return cost.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
        InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
      ExecutionContext context = parameters.getExecutionContext();
      Passed key = null;
      if (size > 0
          && context.getOperationDefinition().getOperation()
              == OperationDefinition.Operation.QUERY) {
        key =
            new Passed(
                context.getDocument(),
                context.getOperationDefinition().getName(),
                context.getCoercedVariables().toMap());
        synchronized (passed) {
          if (passed.get(key) != null) {
            return SimpleInstrumentationContext.noOp();
          }
        }
      }
      walks.incrementAndGet();
      // each throws AbortExecutionException when the query exceeds its limit
      depth.beginExecuteOperation(parameters, null);
      cost.beginExecuteOperation(parameters, state);
      if (key != null) {
        synchronized (passed) {
          passed.put(key, Boolean.TRUE);
        }
      }
      return SimpleInstrumentationContext.noOp();
    }

    /** How many times a query was walked to check its depth and cost, since the start. */
    long walks() {
      return walks.get();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
        DataFetcher<?> fetcher,
        InstrumentationFieldFetchParameters parameters,
        InstrumentationState state) {
      return env -> {
        TimeLimit time = TimeLimit.of(env);
        if (time != null && time.passed()) {
          throw time.exceeded();
        }
        return fetcher.get(env);
      };
    }
  }
}
