package vn.eams.graphql;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.validation.ValidationError;
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
 * problems} with field, id, code and message; for a timeout also {@code limit}, in milliseconds);
 * anything else is logged and reported as an internal error without its internals.
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
      Map<String, Object> extensions = extensions(pe.toProblem());
      if (pe instanceof TimeLimit.Exceeded timeout) {
        extensions.put("limit", timeout.limitMillis());
      }
      error = b.message(pe.getMessage()).extensions(extensions).build();
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

  /**
   * The result with graphql-java's own errors about the request (its syntax, its validation against
   * the schema, its variables: a misspelt field, a value outside an enum) given extensions like
   * every other problem: {@code code} ({@code invalid-syntax} or {@code invalid-query}), {@code
   * status} 400, and {@code problems} with the place in the query as {@code field}.
   */
  static ExecutionResult withRequestProblems(ExecutionResult result) {
    if (result.getErrors().stream().noneMatch(ProblemErrors::isRequestError)) {
      return result;
    }
    List<GraphQLError> errors = new ArrayList<>();
    for (GraphQLError e : result.getErrors()) {
      errors.add(isRequestError(e) ? requestProblem(e) : e);
    }
    ExecutionResult.Builder<?> b = ExecutionResult.newExecutionResult().errors(errors);
    if (result.getExtensions() != null) {
      b.extensions(result.getExtensions());
    }
    if (result.isDataPresent()) {
      b.data(result.getData());
    }
    return b.build();
  }

  private static boolean isRequestError(GraphQLError e) {
    return (e.getErrorType() == ErrorType.InvalidSyntax
            || e.getErrorType() == ErrorType.ValidationError)
        && (e.getExtensions() == null || !e.getExtensions().containsKey("code"));
  }

  private static GraphQLError requestProblem(GraphQLError e) {
    boolean syntax = e.getErrorType() == ErrorType.InvalidSyntax;
    String code = syntax ? "invalid-syntax" : "invalid-query";
    List<?> at =
        e instanceof ValidationError v && v.getQueryPath() != null ? v.getQueryPath() : e.getPath();
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put(
        "code",
        e instanceof ValidationError v && v.getValidationErrorType() != null
            ? v.getValidationErrorType().toString()
            : code);
    if (at != null && !at.isEmpty()) {
      problem.put("field", String.join(".", at.stream().map(String::valueOf).toList()));
    }
    problem.put("message", e.getMessage());
    Map<String, Object> extensions = new LinkedHashMap<>();
    if (e.getExtensions() != null) {
      extensions.putAll(e.getExtensions());
    }
    extensions.put("code", code);
    extensions.put("status", 400);
    extensions.put("problems", List.of(problem));
    return GraphqlErrorBuilder.newError()
        .message(e.getMessage())
        .locations(e.getLocations())
        .path(e.getPath())
        .errorType(e.getErrorType())
        .extensions(extensions)
        .build();
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
