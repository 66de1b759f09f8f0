package vn.eams.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.eams.accounts.Caller;
import vn.eams.accounts.Right;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The right each root field of the schema needs. A root field without a rule here stops the start
 * ({@link #requireRules}), and the authorization matrix test enumerates them all. A field the
 * caller's role may not use fails with a {@code forbidden} error; the rest of the query still runs.
 */
public final class GraphQlAccess {

  /** The GraphQL context key of the caller; absent for the server's own queries (warm-up). */
  static final String CALLER = "eams.caller";

  /** The context key that marks a request sent by someone outside the server. */
  static final String EXTERNAL = "eams.external";

  private static final Map<String, Right> RULES = new LinkedHashMap<>();

  static {
    for (String f :
        List.of(
            "models",
            "model",
            "element",
            "relationship",
            "elements",
            "search",
            "views",
            "changes",
            "impact",
            "derivedRelationships")) {
      RULES.put("Query." + f, Right.READ);
    }
    for (String f :
        List.of(
            "createElement",
            "updateElement",
            "deleteElement",
            "createRelationship",
            "updateRelationship",
            "deleteRelationship",
            "batch")) {
      RULES.put("Mutation." + f, Right.MODEL_EDIT);
    }
  }

  private GraphQlAccess() {}

  /** The right a root field needs ({@code Query.models}, {@code Mutation.batch}). */
  public static Optional<Right> rule(String typeAndField) {
    return Optional.ofNullable(RULES.get(typeAndField));
  }

  /** The root fields of the schema: {@code Query.x} and {@code Mutation.y}. */
  public static List<String> rootFields(GraphQLSchema schema) {
    List<String> all = new ArrayList<>();
    for (GraphQLObjectType t : List.of(schema.getQueryType(), schema.getMutationType())) {
      if (t != null) {
        for (GraphQLFieldDefinition f : t.getFieldDefinitions()) {
          all.add(t.getName() + "." + f.getName());
        }
      }
    }
    return all;
  }

  /** Fails when a root field has no rule. */
  static void requireRules(GraphQLSchema schema) {
    List<String> missing = rootFields(schema).stream().filter(f -> !RULES.containsKey(f)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "GraphQL root fields without an access rule in GraphQlAccess: " + missing);
    }
  }

  /** The fetchers of a root type, each checking its field's rule first. */
  @SuppressWarnings("rawtypes")
  static Map<String, DataFetcher> guard(String type, Map<String, DataFetcher> fetchers) {
    Map<String, DataFetcher> guarded = new LinkedHashMap<>();
    fetchers.forEach(
        (field, fetcher) -> {
          Right right = RULES.get(type + "." + field);
          if (right == null) {
            throw new IllegalStateException(
                "GraphQL field " + type + "." + field + " has no access rule in GraphQlAccess");
          }
          String name = type + "." + field;
          guarded.put(
              field,
              env -> {
                check(env, right, name);
                return fetcher.get(env);
              });
        });
    return guarded;
  }

  private static void check(DataFetchingEnvironment env, Right right, String field) {
    if (Boolean.TRUE.equals(env.getGraphQlContext().get(EXTERNAL))) {
      Caller c = env.getGraphQlContext().get(CALLER);
      if (c == null || !c.may(right)) {
        String who = c == null ? "Anonymous callers" : "The role '" + c.role().key() + "'";
        throw new ProblemException(
            403,
            "forbidden",
            "Not allowed",
            who
                + " may not use "
                + field
                + " (it needs the right "
                + right.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + ").",
            List.of(
                Problem.Error.field(
                    field, "forbidden", "Ask an administrator for a role that may.")),
            null);
      }
    }
  }

  /** The actor of the request's changes. */
  static String actor(DataFetchingEnvironment env) {
    Caller c = env.getGraphQlContext().get(CALLER);
    return c == null ? "system" : c.actor();
  }
}
