package vn.eams.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.eams.model.ChangeResult;
import vn.eams.model.ConceptKind;
import vn.eams.model.Element;
import vn.eams.model.ElementData;
import vn.eams.model.ModelOperation;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelService;
import vn.eams.model.Property;
import vn.eams.model.Relationship;
import vn.eams.model.RelationshipData;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The fields of {@code Mutation}: each turns its input into {@link ModelOperation}s and hands them
 * to {@link ModelService}, which checks and writes them (or, with {@code validateOnly}, only checks
 * them) exactly as for the REST API.
 */
final class MutationFields {

  private final ModelService service;
  private final ModelQueries queries;

  MutationFields(ModelService service, ModelQueries queries) {
    this.service = service;
    this.queries = queries;
  }

  /** Field name to fetcher. */
  @SuppressWarnings("rawtypes")
  Map<String, DataFetcher> fetchers() {
    Map<String, DataFetcher> m = new LinkedHashMap<>();
    m.put(
        "createElement",
        env ->
            apply(
                env,
                List.of(
                    new ModelOperation.CreateElement(
                        text(input(env), "id", ""),
                        element(input(env), ElementData.of("", ""), "input"))),
                true));
    m.put(
        "updateElement",
        env -> {
          String id = env.getArgument("id");
          Element current = currentElement(id);
          return apply(
              env,
              List.of(
                  new ModelOperation.UpdateElement(
                      id, version(env), element(input(env), current.data(), "input"))),
              true);
        });
    m.put(
        "deleteElement",
        env ->
            apply(
                env,
                List.of(
                    new ModelOperation.Delete(
                        ConceptKind.ELEMENT, env.getArgument("id"), version(env))),
                true));
    m.put(
        "createRelationship",
        env ->
            apply(
                env,
                List.of(
                    new ModelOperation.CreateRelationship(
                        text(input(env), "id", ""),
                        relationship(input(env), RelationshipData.of("", "", "")))),
                true));
    m.put(
        "updateRelationship",
        env -> {
          String id = env.getArgument("id");
          Relationship current = currentRelationship(id);
          return apply(
              env,
              List.of(
                  new ModelOperation.UpdateRelationship(
                      id, version(env), relationship(input(env), current.data()))),
              true);
        });
    m.put(
        "deleteRelationship",
        env ->
            apply(
                env,
                List.of(
                    new ModelOperation.Delete(
                        ConceptKind.RELATIONSHIP, env.getArgument("id"), version(env))),
                true));
    m.put("batch", env -> apply(env, batch(env.getArgument("operations")), false));
    return m;
  }

  private Map<String, Object> apply(
      DataFetchingEnvironment env, List<ModelOperation> ops, boolean single) {
    boolean validateOnly = Boolean.TRUE.equals(env.getArgument("validateOnly"));
    ChangeResult r =
        service.apply(
            env.getArgument("model"), ops, GraphQlAccess.actor(env), single, validateOnly);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("validateOnly", r.validateOnly());
    m.put("seq", r.seq());
    m.put("applied", r.applied());
    m.put("cascaded", r.cascaded());
    m.put("element", null);
    m.put("relationship", null);
    if (!validateOnly && single && !r.applied().isEmpty()) {
      ChangeResult.Applied a = r.applied().get(0);
      if (!a.op().equals("delete")) {
        if (a.kind().equals("element")) {
          m.put("element", queries.element(a.id()).orElse(null));
        } else {
          m.put("relationship", queries.relationship(a.id()).orElse(null));
        }
      }
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private List<ModelOperation> batch(List<Map<String, Object>> operations) {
    List<ModelOperation> ops = new ArrayList<>(operations.size());
    List<Problem.Error> errors = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      Map<String, Object> o = operations.get(i);
      String at = "operations[" + i + "]";
      String op = (String) o.get("op");
      boolean isElement = o.get("kind").equals("element");
      String id = text(o, "id", "");
      Map<String, Object> data =
          (Map<String, Object>) o.getOrDefault(isElement ? "element" : "relationship", null);
      Map<String, Object> in = data == null ? Map.of() : data;
      Integer version = (Integer) o.get("version");
      if (!op.equals("create") && version == null) {
        errors.add(
            Problem.Error.field(
                at + ".version", "version-required", "Give the version you read of '" + id + "'."));
        continue;
      }
      ops.add(
          switch (op) {
            case "create" ->
                isElement
                    ? new ModelOperation.CreateElement(
                        id.isEmpty() ? text(in, "id", "") : id,
                        element(in, ElementData.of("", ""), at + ".element"))
                    : new ModelOperation.CreateRelationship(
                        id.isEmpty() ? text(in, "id", "") : id,
                        relationship(in, RelationshipData.of("", "", "")));
            case "update" ->
                isElement
                    ? new ModelOperation.UpdateElement(
                        id, version, element(in, currentElement(id).data(), at + ".element"))
                    : new ModelOperation.UpdateRelationship(
                        id, version, relationship(in, currentRelationship(id).data()));
            default ->
                new ModelOperation.Delete(
                    isElement ? ConceptKind.ELEMENT : ConceptKind.RELATIONSHIP, id, version);
          });
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          errors.size() + " operation(s) cannot be read; nothing was changed.", errors);
    }
    return ops;
  }

  private Element currentElement(String id) {
    return queries.element(id).orElseThrow(() -> ProblemException.notFound("element", id));
  }

  private Relationship currentRelationship(String id) {
    return queries
        .relationship(id)
        .orElseThrow(() -> ProblemException.notFound("relationship", id));
  }

  private static Map<String, Object> input(DataFetchingEnvironment env) {
    return env.getArgument("input");
  }

  private static long version(DataFetchingEnvironment env) {
    return ((Integer) env.getArgument("version")).longValue();
  }

  /** The element input over {@code base}: fields left out keep the base's value. */
  @SuppressWarnings("unchecked")
  private static ElementData element(Map<String, Object> in, ElementData base, String at) {
    Map<String, Object> profile = base.profile();
    if (in.containsKey("profile")) {
      profile = new LinkedHashMap<>(base.profile());
      Object raw = in.get("profile");
      if (raw == null) {
        profile.clear();
      } else if (raw instanceof Map<?, ?> given) {
        for (Map.Entry<?, ?> en : given.entrySet()) {
          if (en.getValue() == null) {
            profile.remove(String.valueOf(en.getKey()));
          } else {
            profile.put(String.valueOf(en.getKey()), scalar(en.getValue()));
          }
        }
      } else {
        throw ProblemException.badRequest(
            "The profile is not an object.",
            List.of(
                Problem.Error.field(
                    at + ".profile",
                    "wrong-type",
                    "Give the typed properties as an object, e.g. {securityLevel: 3}.")));
      }
    }
    return new ElementData(
        text(in, "type", base.type()),
        text(in, "name", base.name()),
        text(in, "nameEn", base.nameEn()),
        text(in, "documentation", base.documentation()),
        text(in, "documentationEn", base.documentationEn()),
        text(in, "specialization", base.specialization()),
        properties(in, base.properties()),
        profile,
        text(in, "folderId", base.folderId()),
        date(in, "validFrom", base.validFrom(), at),
        date(in, "validTo", base.validTo(), at));
  }

  private static RelationshipData relationship(Map<String, Object> in, RelationshipData base) {
    return new RelationshipData(
        text(in, "type", base.type()),
        text(in, "sourceId", base.sourceId()),
        text(in, "targetId", base.targetId()),
        text(in, "name", base.name()),
        text(in, "nameEn", base.nameEn()),
        text(in, "documentation", base.documentation()),
        text(in, "documentationEn", base.documentationEn()),
        text(in, "specialization", base.specialization()),
        properties(in, base.properties()),
        text(in, "accessType", base.accessType()),
        text(in, "influenceStrength", base.influenceStrength()),
        in.get("isDirected") instanceof Boolean b ? b : base.directed(),
        text(in, "folderId", base.folderId()));
  }

  /** JSON numbers as the REST API reads them: whole numbers as Long, others as BigDecimal. */
  private static Object scalar(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b) {
      return b.longValue();
    }
    if (v instanceof Double || v instanceof Float) {
      return BigDecimal.valueOf(((Number) v).doubleValue());
    }
    return v;
  }

  private static String text(Map<String, Object> in, String field, String fallback) {
    if (!in.containsKey(field)) {
      return fallback;
    }
    Object v = in.get(field);
    return v == null ? "" : v.toString().strip();
  }

  @SuppressWarnings("unchecked")
  private static List<Property> properties(Map<String, Object> in, List<Property> fallback) {
    if (!in.containsKey("properties")) {
      return fallback;
    }
    List<Map<String, Object>> list = (List<Map<String, Object>>) in.get("properties");
    if (list == null) {
      return List.of();
    }
    return list.stream()
        .map(p -> new Property((String) p.get("key"), (String) p.get("value")))
        .toList();
  }

  private static Optional<LocalDate> date(
      Map<String, Object> in, String field, Optional<LocalDate> fallback, String at) {
    if (!in.containsKey(field)) {
      return fallback;
    }
    Object v = in.get(field);
    if (v == null || v.toString().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v.toString().strip()));
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(
          "A date cannot be read.",
          List.of(
              Problem.Error.field(
                  at + "." + field, "invalid-date", "Write the date as YYYY-MM-DD.")));
    }
  }
}
