package vn.eams.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.util.List;
import java.util.Map;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The limits of {@code eams.graphql.*}: depth, cost and page size are checked before a query runs
 * and abort it whole; the time limit is checked before each field is fetched.
 */
final class QueryLimits {

  /** The key of the request's deadline ({@link System#nanoTime()}) in the GraphQL context. */
  static final String DEADLINE = "eams.deadline";

  private QueryLimits() {}

  /** The instrumentation that enforces the limits. */
  static Instrumentation instrumentation(EamsConfig.Graphql limits) {
    return new ChainedInstrumentation(
        List.of(
            new MaxQueryDepthInstrumentation(limits.maxDepth()) {
              @Override
              protected AbortExecutionException mkAbortException(int depth, int max) {
                return abort(
                    "max-depth",
                    "The query is nested "
                        + depth
                        + " levels deep; at most "
                        + max
                        + " are allowed (eams.graphql.max-depth). Split it into several queries.");
              }
            },
            new MaxQueryComplexityInstrumentation(limits.maxComplexity(), calculator(limits)) {
              @Override
              protected AbortExecutionException mkAbortException(int cost, int max) {
                return abort(
                    "max-complexity",
                    "The query costs "
                        + cost
                        + "; at most "
                        + max
                        + " is allowed (eams.graphql.max-complexity). Ask for smaller pages"
                        + " (first/last) or fewer nested fields.");
              }
            },
            new Deadline()));
  }

  /**
   * 1 per field; a connection (a field with {@code first}/{@code last}) costs its content once per
   * item of its page. A page larger than allowed aborts the query here, before it runs.
   */
  private static FieldComplexityCalculator calculator(EamsConfig.Graphql limits) {
    return (FieldComplexityEnvironment env, int childComplexity) -> {
      if (env.getFieldDefinition().getArgument("first") == null) {
        return 1 + childComplexity;
      }
      Object first = env.getArguments().get("first");
      Object last = env.getArguments().get("last");
      int size = limits.defaultPageSize();
      for (Object s : new Object[] {first, last}) {
        if (s instanceof Integer n) {
          if (n < 0 || n > limits.maxPageSize()) {
            throw abort(
                "page-size",
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
      return 1 + Math.max(1, size) * Math.max(1, childComplexity);
    };
  }

  static AbortExecutionException abort(String code, String message) {
    GraphQLError error =
        GraphqlErrorBuilder.newError()
            .message(message)
            .extensions(
                Map.of(
                    "code",
                    code,
                    "status",
                    400,
                    "problems",
                    List.of(Map.of("code", code, "message", message))))
            .build();
    return new AbortExecutionException(List.of(error));
  }

  /** Fails every field fetched after the request's deadline. */
  private static final class Deadline extends SimplePerformantInstrumentation {
    @Override
    public DataFetcher<?> instrumentDataFetcher(
        DataFetcher<?> fetcher,
        InstrumentationFieldFetchParameters parameters,
        InstrumentationState state) {
      return env -> {
        Long deadline = env.getGraphQlContext().get(DEADLINE);
        if (deadline != null && System.nanoTime() - deadline > 0) {
          throw new ProblemException(
              503,
              "timeout",
              "The query took too long",
              "The query ran longer than the server allows (eams.graphql.timeout); fields fetched"
                  + " after that are left out. Ask for less: smaller pages, fewer nested fields.",
              List.of(Problem.Error.field("", "timeout", "Ask for less.")),
              null);
        }
        return fetcher.get(env);
      };
    }
  }
}
