package vn.eams.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;
import vn.eams.metamodel.Metamodel;
import vn.eams.platform.Graph;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The only writer of the model. Every change, single or batched, goes through {@link #apply}: one
 * Neo4j transaction that locks the change sequence, loads what the operations touch, checks every
 * rule against the {@link Metamodel}, reports every problem at once, and only then writes the
 * concepts, their cascades and the change log together.
 */
@ApplicationScoped
public class ModelService {

  private final Graph graph;
  private final ModelStore store;
  private final ChangeLog changeLog;
  private final DiagramCascade diagrams;
  private final Metamodel metamodel;
  private final ConceptRules rules;
  private final ObjectMapper json;
  private final ModelQueries queries;
  private final IdRegistry idRegistry;
  private final ViewStore viewStore;

  ModelService(
      Graph graph,
      ModelStore store,
      ChangeLog changeLog,
      DiagramCascade diagrams,
      Metamodel metamodel,
      ObjectMapper json,
      ModelQueries queries,
      IdRegistry idRegistry,
      ViewStore viewStore) {
    this.idRegistry = idRegistry;
    this.viewStore = viewStore;
    this.queries = queries;
    this.graph = graph;
    this.store = store;
    this.changeLog = changeLog;
    this.diagrams = diagrams;
    this.metamodel = metamodel;
    this.rules = new ConceptRules(metamodel);
    this.json = json;
  }

  /**
   * Applies the operations to the model, all or nothing.
   *
   * @param single true when the request addressed one concept (errors then name fields without the
   *     {@code operations[i]} prefix)
   * @param validateOnly check everything, write nothing
   * @throws ProblemException 404 for unknown model or ids, 409 for stale versions, 422 for broken
   *     rules, each listing every problem
   */
  public ChangeResult apply(
      String modelId,
      List<ModelOperation> operations,
      String actor,
      boolean single,
      boolean validateOnly) {
    if (validateOnly) {
      return graph.read(
          tx -> new ModelBatch(this.ctx(tx), modelId, operations, actor, single, true).run());
    }
    return graph.write(
        tx -> new ModelBatch(this.ctx(tx), modelId, operations, actor, single, false).run());
  }

  /**
   * Applies the operations inside a transaction the caller holds (the view editor's, which writes
   * diagram objects in the same transaction); errors name fields under {@code operations[i]}, i
   * being the index in {@code operations}.
   */
  ChangeResult applyIn(
      TransactionContext tx, String modelId, List<ModelOperation> operations, String actor) {
    return new ModelBatch(this.ctx(tx), modelId, operations, actor, false, false).run();
  }

  /** Creates a model; an empty id asks the service to choose one. */
  public ModelInfo createModel(String id, ModelData data, String actor) {
    String modelId = id == null || id.isBlank() ? Text.newId() : id.strip();
    ModelData d = normalise(data);
    List<Problem.Error> errors = modelRules(modelId, d);
    errors.addAll(ModelKind.problems(modelId, d, queries::model));
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The model cannot be created; nothing was changed.", errors);
    }
    return graph.write(tx -> createModelIn(tx, modelId, d, actor));
  }

  /**
   * Creates a model together with its content in one transaction, all or nothing: a model package
   * or an import either lands whole or leaves nothing behind.
   */
  public ChangeResult createModelWith(
      String id,
      ModelData data,
      List<ModelOperation> operations,
      List<ViewDefinition> views,
      String actor) {
    return createModelWith(id, data, operations, views, java.util.Set.of(), false, actor);
  }

  /**
   * As {@link #createModelWith(String, ModelData, List, List, String)}; an import may keep the
   * relationships {@code acceptForbidden} that the relationship table forbids (flagged by the
   * importer), and with {@code validateOnly} everything is checked and nothing written.
   */
  public ChangeResult createModelWith(
      String id,
      ModelData data,
      List<ModelOperation> operations,
      List<ViewDefinition> views,
      java.util.Set<String> acceptForbidden,
      boolean validateOnly,
      String actor) {
    String modelId = id == null || id.isBlank() ? Text.newId() : id.strip();
    ModelData d = normalise(data);
    List<Problem.Error> errors = modelRules(modelId, d);
    errors.addAll(ModelKind.problems(modelId, d, queries::model));
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The model cannot be created; nothing was changed.", errors);
    }
    try {
      return createModelTx(modelId, d, operations, views, acceptForbidden, validateOnly, actor);
    } catch (ValidatedOnly v) {
      return v.result;
    }
  }

  private ChangeResult createModelTx(
      String modelId,
      ModelData d,
      List<ModelOperation> operations,
      List<ViewDefinition> views,
      java.util.Set<String> acceptForbidden,
      boolean validateOnly,
      String actor) {
    return graph.write(
        tx -> {
          createModelIn(tx, modelId, d, actor);
          ModelBatch batch =
              new ModelBatch(this.ctx(tx), modelId, operations, actor, false, validateOnly);
          batch.acceptForbidden = acceptForbidden;
          ChangeResult content = batch.run();
          if (validateOnly) {
            // everything was checked against the new model; the transaction is rolled back
            throw new ValidatedOnly(content);
          }
          return withViews(tx, modelId, views, actor, content);
        });
  }

  /**
   * Merges content into an existing model in one transaction, all or nothing: the model's new texts
   * and properties ({@code data}, or null to keep them), the operations (creates, updates and
   * deletes of folders, elements and relationships, checked as one batch), then the views: those in
   * {@code deleteViews} are deleted, those in {@code views} created (a view replaced keeps its id:
   * delete it and create it again). With {@code validateOnly} everything is checked and the
   * transaction rolled back.
   */
  public ChangeResult mergeInto(
      String modelId,
      ModelData data,
      List<ModelOperation> operations,
      java.util.Set<String> deleteViews,
      List<ViewDefinition> views,
      java.util.Set<String> acceptForbidden,
      boolean validateOnly,
      String actor) {
    ModelData d = data == null ? null : normalise(data);
    if (d != null) {
      List<Problem.Error> errors = modelRules(modelId, d);
      errors.addAll(ModelKind.problems(modelId, d, queries::model));
      if (!errors.isEmpty()) {
        throw ProblemException.invalid("The model cannot be changed; nothing was changed.", errors);
      }
    }
    try {
      return graph.write(
          tx -> {
            store.lockSequence(tx);
            ModelInfo current =
                queries
                    .model(tx, modelId)
                    .orElseThrow(() -> ProblemException.notFound("model", modelId));
            if (d != null) {
              updateModelIn(tx, current, d, actor);
            }
            Instant now = Instant.now();
            List<Change> changes = new ArrayList<>();
            long afterDelete =
                viewStore.delete(
                    tx, modelId, deleteViews, actor, now, store.lockSequence(tx), changes);
            store.setSequence(tx, afterDelete);
            changeLog.write(tx, changes);
            ModelBatch batch =
                new ModelBatch(this.ctx(tx), modelId, operations, actor, false, validateOnly);
            batch.acceptForbidden = acceptForbidden;
            ChangeResult content = batch.run();
            if (validateOnly) {
              throw new ValidatedOnly(content);
            }
            return withViews(tx, modelId, views, actor, content);
          });
    } catch (ValidatedOnly v) {
      return v.result;
    }
  }

  /** Creates the views after the batch that wrote {@code content}, in the same transaction. */
  private ChangeResult withViews(
      TransactionContext tx,
      String modelId,
      List<ViewDefinition> views,
      String actor,
      ChangeResult content) {
    if (views.isEmpty()) {
      return content;
    }
    List<Change> changes = new ArrayList<>();
    long last =
        viewStore.create(tx, modelId, views, actor, Instant.now(), store.lockSequence(tx), changes);
    store.setSequence(tx, last);
    changeLog.write(tx, changes);
    return new ChangeResult(last, content.applied(), content.cascaded(), content.validateOnly());
  }

  /** Ends a validating transaction (rolled back) with what the checks found. */
  private static final class ValidatedOnly extends RuntimeException {
    private final transient ChangeResult result;

    ValidatedOnly(ChangeResult result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  private ModelInfo createModelIn(
      TransactionContext tx, String modelId, ModelData d, String actor) {
    long seq = store.lockSequence(tx);
    if (!idRegistry.taken(tx, List.of(modelId)).isEmpty()) {
      throw ProblemException.invalid(
          "The id is taken.",
          List.of(
              Problem.Error.field(
                  "id",
                  "id-taken",
                  "The id '" + modelId + "' is already used; choose another or leave it out.")));
    }
    Instant now = Instant.now();
    tx.run(
            "CREATE (m:Model) SET m = $p, m.elementCount = 0, m.relationshipCount = 0",
            Map.of("p", GraphMapping.modelProps(modelId, d, 1, now, now)))
        .consume();
    ModelInfo created = new ModelInfo(modelId, d, 1, now, now, 0, 0);
    store.setSequence(tx, seq + 1);
    changeLog.write(
        tx,
        List.of(
            new Change(
                seq + 1,
                now,
                actor,
                "create",
                "model",
                modelId,
                modelId,
                "",
                toJson(ConceptJson.model(created)),
                "")));
    return created;
  }

  /** Replaces a model's name, documentation and properties if it is still at the version. */
  public ModelInfo updateModel(String modelId, long expectedVersion, ModelData data, String actor) {
    ModelData d = normalise(data);
    List<Problem.Error> errors = modelRules(modelId, d);
    errors.addAll(ModelKind.problems(modelId, d, queries::model));
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The model cannot be changed; nothing was changed.", errors);
    }
    return graph.write(
        tx -> {
          store.lockSequence(tx); // before reading the version it checks
          ModelInfo current =
              queries
                  .model(tx, modelId)
                  .orElseThrow(() -> ProblemException.notFound("model", modelId));
          checkVersion(current, expectedVersion);
          return updateModelIn(tx, current, d, actor);
        });
  }

  /** Writes the model's new texts and properties and logs the change. */
  private ModelInfo updateModelIn(
      TransactionContext tx, ModelInfo current, ModelData d, String actor) {
    String modelId = current.id();
    long seq = store.lockSequence(tx);
    Instant now = Instant.now();
    ModelInfo updated =
        new ModelInfo(
            modelId,
            d,
            current.version() + 1,
            current.createdAt(),
            now,
            current.elementCount(),
            current.relationshipCount());
    tx.run(
            "MATCH (m:Model {id: $id}) WITH m, m.elementCount AS e, m.relationshipCount AS r"
                + " SET m = $p, m.elementCount = e, m.relationshipCount = r",
            Map.of(
                "id",
                modelId,
                "p",
                GraphMapping.modelProps(modelId, d, updated.version(), current.createdAt(), now)))
        .consume();
    store.setSequence(tx, seq + 1);
    changeLog.write(
        tx,
        List.of(
            new Change(
                seq + 1,
                now,
                actor,
                "update",
                "model",
                modelId,
                modelId,
                toJson(ConceptJson.model(current)),
                toJson(ConceptJson.model(updated)),
                "")));
    return updated;
  }

  /**
   * Deletes a model with everything in it: elements, relationships (also those of other models that
   * point into it), folders and views. The change log keeps one entry per deleted element and
   * relationship.
   */
  public ChangeResult deleteModel(String modelId, long expectedVersion, String actor) {
    return graph.write(
        tx -> {
          long seq = store.lockSequence(tx);
          ModelInfo current =
              queries
                  .model(tx, modelId)
                  .orElseThrow(() -> ProblemException.notFound("model", modelId));
          checkVersion(current, expectedVersion);
          Instant now = Instant.now();
          List<Change> changes = new ArrayList<>();
          List<ChangeResult.Cascaded> cascaded = new ArrayList<>();
          long next = seq;
          Map<String, Relationship> rels = new LinkedHashMap<>();
          List<String> elementIds =
              tx.run("MATCH (e:Element {modelId: $m}) RETURN e.id AS id", Map.of("m", modelId))
                  .list(r -> r.get("id").asString());
          rels.putAll(store.attachedRelationships(tx, elementIds, List.of()));
          for (String t : store.relationshipTypes()) {
            tx.run(
                    "MATCH ()-[x:" + t + "]->() WHERE x.modelId = $m RETURN properties(x) AS x",
                    Map.of("m", modelId))
                .forEachRemaining(
                    r -> {
                      Relationship rel = GraphMapping.relationship(r.get("x").asMap());
                      rels.put(rel.id(), rel);
                    });
          }
          Map<String, Relationship> more =
              store.attachedRelationships(tx, List.of(), rels.keySet());
          rels.putAll(more);
          // every change record is written before anything is deleted: each record's unique seq
          // is checked through an index seek, and a seek in a transaction that has already
          // deleted n nodes costs O(n), which made large deletes quadratic
          DiagramCascade.Removal removal = diagrams.remove(tx, elementIds, rels.keySet(), true);
          for (Map.Entry<String, List<ChangeResult.Cascaded>> en : removal.byView().entrySet()) {
            List<Map<String, Object>> views =
                tx.run(
                        "MATCH (v:View {id: $id}) WHERE v.modelId <> $m SET v.version = v.version + 1 RETURN v.modelId AS m",
                        Map.of("id", en.getKey(), "m", modelId))
                    .list(r -> Map.<String, Object>of("m", r.get("m").asString()));
            if (!views.isEmpty()) {
              cascaded.addAll(en.getValue());
              changes.add(
                  new Change(
                      ++next,
                      now,
                      actor,
                      "update",
                      "view",
                      (String) views.get(0).get("m"),
                      en.getKey(),
                      "",
                      "",
                      modelId));
            }
          }
          for (Relationship r : rels.values()) {
            String cause = modelId;
            if (!r.modelId().equals(modelId)) {
              cascaded.add(
                  new ChangeResult.Cascaded("delete", "relationship", r.id(), "", modelId));
            }
            changes.add(
                new Change(
                    ++next,
                    now,
                    actor,
                    "delete",
                    "relationship",
                    r.modelId(),
                    r.id(),
                    toJson(ConceptJson.relationship(r)),
                    "",
                    cause));
          }
          for (Element e : store.elementsByIds(tx, elementIds).values()) {
            changes.add(
                new Change(
                    ++next,
                    now,
                    actor,
                    "delete",
                    "element",
                    modelId,
                    e.id(),
                    toJson(ConceptJson.element(e, metamodel)),
                    "",
                    modelId));
          }
          // folders and views go with the model; the log records them so that id caches follow
          for (String kind : List.of("Folder", "View")) {
            for (String id :
                tx.run(
                        "MATCH (n:" + kind + ") WHERE n.modelId = $m RETURN n.id AS id",
                        Map.of("m", modelId))
                    .list(r -> r.get("id").asString())) {
              changes.add(
                  new Change(
                      ++next,
                      now,
                      actor,
                      "delete",
                      kind.toLowerCase(),
                      modelId,
                      id,
                      "",
                      "",
                      modelId));
            }
          }
          changes.add(
              new Change(
                  ++next,
                  now,
                  actor,
                  "delete",
                  "model",
                  modelId,
                  modelId,
                  toJson(ConceptJson.model(current)),
                  "",
                  ""));
          store.setSequence(tx, next);
          changeLog.write(tx, changes);
          diagrams.delete(tx, removal);
          store.deleteRelationships(tx, rels.values());
          Map<String, long[]> others = new LinkedHashMap<>();
          for (Relationship r : rels.values()) {
            if (!r.modelId().equals(modelId)) {
              others.computeIfAbsent(r.modelId(), k -> new long[2])[1]--;
            }
          }
          store.adjustCounts(tx, others);
          for (String label :
              List.of("Element", "Folder", "View", "DiagramNode", "DiagramConnection")) {
            tx.run(
                    "MATCH (n:" + label + ") WHERE n.modelId = $m DETACH DELETE n",
                    Map.of("m", modelId))
                .consume();
          }
          tx.run("MATCH (m:Model {id: $m}) DETACH DELETE m", Map.of("m", modelId)).consume();
          return new ChangeResult(
              next,
              List.of(new ChangeResult.Applied(0, "delete", "model", modelId, current.version())),
              cascaded,
              false);
        });
  }

  private static void checkVersion(ModelInfo current, long expected) {
    if (current.version() != expected) {
      throw ProblemException.conflict(
          "The model '"
              + current.id()
              + "' is at version "
              + current.version()
              + ", not "
              + expected
              + ". Reload it and send version "
              + current.version()
              + ".",
          List.of(
              new Problem.Error(
                  "version",
                  current.id(),
                  null,
                  "version-conflict",
                  "Stale version " + expected + ".")),
          ConceptJson.model(current));
    }
  }

  private static ModelData normalise(ModelData d) {
    return new ModelData(
        d.name().strip(),
        d.nameEn().strip(),
        d.documentation(),
        d.documentationEn(),
        d.properties(),
        d.language());
  }

  private static List<Problem.Error> modelRules(String id, ModelData d) {
    List<Problem.Error> errors = new ArrayList<>();
    if (!Text.isValidId(id)) {
      errors.add(
          Problem.Error.field(
              "id",
              "invalid-id",
              "An id starts with a letter or '_' and has only letters, digits, '_', '-', '.'."));
    }
    if (d.name().isEmpty()) {
      errors.add(Problem.Error.field("name", "required", "Give the model a name."));
    }
    if (d.name().length() > Text.MAX_NAME || d.nameEn().length() > Text.MAX_NAME) {
      errors.add(
          Problem.Error.field(
              "name", "too-long", "Names have at most " + Text.MAX_NAME + " characters."));
    }
    if (!d.language().matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
      errors.add(
          Problem.Error.field(
              "language",
              "invalid-language",
              "The language is a tag such as vi, en or nl-BE, not '" + d.language() + "'."));
    }
    return errors;
  }

  private String toJson(Object o) {
    try {
      return json.writeValueAsString(o instanceof Map<?, ?> m ? ConceptJson.logged(m) : o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a change", e);
    }
  }

  /** What a batch needs from the service, for one transaction. */
  record Context(
      TransactionContext tx,
      ModelStore store,
      ChangeLog changeLog,
      DiagramCascade diagrams,
      Metamodel metamodel,
      ConceptRules rules,
      ObjectMapper json,
      IdRegistry idRegistry) {}

  private Context ctx(TransactionContext tx) {
    return new Context(tx, store, changeLog, diagrams, metamodel, rules, json, idRegistry);
  }
}
