package vn.eams.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Turns what a field throws into a GraphQL error: a {@link ProblemException} keeps its detail as
 * the message and its problem document in {@code extensions} ({@code code}, {@code status}, {@code
 * problems} with field, id, code and message); anything else is logged and reported as an internal
 * error without its internals.
 */
final class ProblemErrors implements DataFetcherExceptionHandler {

  private static final Logger LOG = Logger.getLogger(ProblemErrors.class);

  @Override
  public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
      DataFetcherExceptionHandlerParameters p) {
    Throwable t = p.getException();
    while ((t instanceof CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    GraphqlErrorBuilder<?> b =
        GraphqlErrorBuilder.newError().path(p.getPath()).location(p.getSourceLocation());
    GraphQLError error;
    if (t instanceof ProblemException pe) {
      error = b.message(pe.getMessage()).extensions(extensions(pe.toProblem())).build();
    } else {
      LOG.errorf(t, "GraphQL field %s failed", p.getPath());
      error =
          b.message("The server failed to answer this field; the error is in its log.")
              .extensions(Map.of("code", "internal", "status", 500))
              .build();
    }
    return CompletableFuture.completedFuture(
        DataFetcherExceptionHandlerResult.newResult().error(error).build());
  }

  /** The extensions of a problem. */
  static Map<String, Object> extensions(Problem problem) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", problem.type().substring(problem.type().lastIndexOf(':') + 1));
    m.put("status", problem.status());
    m.put("title", problem.title());
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Problem.Error e : problem.errors()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("code", e.code());
      putIf(x, "field", e.field());
      putIf(x, "id", e.id());
      putIf(x, "line", e.line());
      x.put("message", e.message());
      problems.add(x);
    }
    m.put("problems", problems);
    return m;
  }

  private static void putIf(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }
}
