package vn.eams.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.eams.model.ChangeResult;
import vn.eams.model.ModelData;
import vn.eams.model.ModelOperation;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelService;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Property;
import vn.eams.model.RelationshipData;
import vn.eams.model.ViewDefinition;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Writes an {@link ImportedModel} as a new model of the repository, all or nothing, or only checks
 * it ({@code dryRun}). Relationships the ArchiMate table forbids are reported and, as the importer
 * chooses, left out or kept flagged with the property {@value #INVALID}.
 */
@ApplicationScoped
public class ImportService {

  /** Property set on a relationship kept although the relationship table forbids it. */
  public static final String INVALID = "eams:invalid";

  private static final Pattern OPERATION = Pattern.compile("^operations\\[(\\d+)\\]\\.?(.*)$");

  /** What to do with relationships the ArchiMate table forbids. */
  public enum Forbidden {
    /** Leave them out (each is listed in the warnings). */
    SKIP,
    /** Keep them, flagged with the property {@value ImportService#INVALID}. */
    KEEP
  }

  /** What an import does to the repository. */
  public enum Mode {
    /** A new model; its id must be free. */
    CREATE,
    /**
     * Into the model of that id: new ids are created, known ids updated, nothing deleted (a missing
     * model is created).
     */
    MERGE,
    /** The model becomes the file: as merge, and what the file lacks is deleted. */
    REPLACE;

    /** The mode asked for, or (null) the file kind's: merge for partial files, else create. */
    public static Mode of(Mode given, ImportedModel file) {
      if (given != null) {
        return given;
      }
      return file.partial() ? MERGE : CREATE;
    }
  }

  /**
   * How to import.
   *
   * @param modelId the model's id; empty: the file's model identifier
   * @param mode create, merge or replace
   * @param forbidden what to do with forbidden relationships
   * @param dryRun check everything, write nothing
   */
  public record Options(String modelId, Mode mode, Forbidden forbidden, boolean dryRun) {

    /** A new model. */
    public Options(String modelId, Forbidden forbidden, boolean dryRun) {
      this(modelId, Mode.CREATE, forbidden, dryRun);
    }
  }

  /**
   * What an import did (or, on a dry run, would do).
   *
   * @param mode what was done: a merge into a missing model is a create
   * @param created per kind (folders, elements, relationships, views), how many were created
   * @param changes per kind: created, updated, unchanged, deleted
   */
  public record Result(
      String modelId,
      String format,
      Mode mode,
      boolean dryRun,
      long seq,
      Map<String, Long> created,
      Map<String, Map<String, Long>> changes,
      List<String> skipped,
      List<Problem.Error> warnings) {}

  private final ModelService service;
  private final ModelQueries queries;

  ImportService(ModelService service, ModelQueries queries) {
    this.service = service;
    this.queries = queries;
  }

  /**
   * Imports the file as the options say, all or nothing; throws a problem naming every error (with
   * its place in the file).
   */
  public Result create(ImportedModel m, Options options, String actor) {
    String modelId = options.modelId().isBlank() ? m.modelId() : options.modelId().strip();
    if (modelId.isBlank()) {
      modelId = vn.eams.model.Text.newId();
    }
    List<ModelOperation> ops = new ArrayList<>(m.operations());
    List<String> where = new ArrayList<>(m.locations());
    List<ViewDefinition> views = m.views();
    List<String> skipped = new ArrayList<>();
    Set<String> accept = Set.of();
    if (!m.forbidden().isEmpty()) {
      if (options.forbidden() == Forbidden.KEEP) {
        accept = Set.copyOf(m.forbidden());
        flag(ops, accept);
      } else {
        Set<String> drop = dependents(ops, new HashSet<>(m.forbidden()));
        for (int i = ops.size() - 1; i >= 0; i--) {
          if (ops.get(i) instanceof ModelOperation.CreateRelationship c && drop.contains(c.id())) {
            skipped.add(c.id());
            ops.remove(i);
            where.remove(i);
          }
        }
        views = views.stream().map(v -> withoutConnectionsOf(v, drop)).toList();
        java.util.Collections.reverse(skipped);
      }
    }
    if (options.mode() != Mode.CREATE) {
      Optional<ModelSnapshot> current = queries.snapshot(modelId);
      if (current.isPresent()) {
        return merge(m, options, actor, current.get(), ops, where, views, accept, skipped);
      }
    }
    if (m.partial() && options.mode() == Mode.REPLACE) {
      throw replaceNeedsWholeFile(m);
    }
    if (!m.externalProperties().isEmpty()) {
      List<Problem.Error> errors = new ArrayList<>();
      for (String id : m.externalProperties().keySet()) {
        errors.add(
            Problem.Error.id(
                id,
                "unknown-reference",
                "The file gives properties for '"
                    + id
                    + "', which is not in the file, and there is no model '"
                    + modelId
                    + "' to find it in."));
      }
      throw ProblemException.invalid(
          "The file refers to concepts it does not have; nothing was imported.", errors);
    }
    checkIdsFree(views, Set.of());
    ModelData data = m.model();
    if (data.name().isBlank()) { // a partial file without a model row starts a model
      data =
          new ModelData(
              modelId,
              data.nameEn(),
              data.documentation(),
              data.documentationEn(),
              data.properties(),
              data.language());
    }
    ChangeResult result;
    try {
      result = service.createModelWith(modelId, data, ops, views, accept, options.dryRun(), actor);
    } catch (ProblemException e) {
      throw located(e, ops, where);
    }
    Map<String, Long> created = new LinkedHashMap<>();
    created.put("folders", count(ops, ModelOperation.CreateFolder.class));
    created.put("elements", count(ops, ModelOperation.CreateElement.class));
    created.put("relationships", count(ops, ModelOperation.CreateRelationship.class));
    created.put("views", (long) views.size());
    Map<String, Map<String, Long>> changes = new LinkedHashMap<>();
    created.forEach(
        (kind, n) -> {
          Map<String, Long> c = new LinkedHashMap<>();
          c.put("created", n);
          c.put("updated", 0L);
          c.put("unchanged", 0L);
          c.put("deleted", 0L);
          changes.put(kind, c);
        });
    return new Result(
        modelId,
        m.format(),
        Mode.CREATE,
        options.dryRun(),
        result.seq(),
        created,
        changes,
        skipped,
        m.warnings());
  }

  private Result merge(
      ImportedModel m,
      Options options,
      String actor,
      ModelSnapshot current,
      List<ModelOperation> ops,
      List<String> where,
      List<ViewDefinition> views,
      Set<String> accept,
      List<String> skipped) {
    boolean replace = options.mode() == Mode.REPLACE;
    if (replace && m.partial()) {
      throw replaceNeedsWholeFile(m);
    }
    MergePlan plan =
        MergePlan.of(
            ops, where, m.model(), views, m.externalProperties(), m.partial(), replace, current);
    if (!plan.errors().isEmpty()) {
      throw ProblemException.invalid(
          plan.errors().size()
              + " concept(s) of the file do not fit the model; nothing was imported.",
          plan.errors());
    }
    Set<String> freed = new HashSet<>();
    for (ViewDefinition v : current.views()) {
      if (plan.deleteViews().contains(v.id())) {
        freed.add(v.id());
        v.nodes().forEach(n -> freed.add(n.id()));
        v.connections().forEach(c -> freed.add(c.id()));
      }
    }
    checkIdsFree(plan.views(), freed);
    ChangeResult result;
    try {
      result =
          service.mergeInto(
              current.model().id(),
              plan.model(),
              plan.operations(),
              plan.deleteViews(),
              plan.views(),
              accept,
              options.dryRun(),
              actor);
    } catch (ProblemException e) {
      throw located(e, plan.operations(), plan.locations());
    }
    Map<String, Long> created = new LinkedHashMap<>();
    plan.counts().forEach((kind, c) -> created.put(kind, c.get("created")));
    return new Result(
        current.model().id(),
        m.format(),
        options.mode(),
        options.dryRun(),
        result.seq(),
        created,
        plan.counts(),
        skipped,
        m.warnings());
  }

  private static ProblemException replaceNeedsWholeFile(ImportedModel m) {
    return ProblemException.badRequest(
        "A " + m.format() + " file carries only part of a model; it cannot replace one.",
        List.of(
            Problem.Error.field(
                "mode",
                "replace-partial",
                "Use mode=merge (create new ids, update known ones, delete nothing), or export"
                    + " the whole model in the exchange format to replace it.")));
  }

  /** Refuses view, node and connection ids used elsewhere in the repository (not in freed). */
  private void checkIdsFree(List<ViewDefinition> views, Set<String> freed) {
    List<String> ids = new ArrayList<>();
    for (ViewDefinition v : views) {
      ids.add(v.id());
      v.nodes().forEach(n -> ids.add(n.id()));
      v.connections().forEach(c -> ids.add(c.id()));
    }
    List<String> taken = new ArrayList<>(queries.takenViewIds(ids));
    taken.removeAll(freed);
    if (!taken.isEmpty()) {
      List<Problem.Error> errors = new ArrayList<>();
      for (String id : taken.subList(0, Math.min(taken.size(), 100))) {
        errors.add(
            Problem.Error.id(
                id, "id-taken", "A view or diagram object of the repository has this id."));
      }
      throw ProblemException.invalid(
          taken.size()
              + " view and diagram ids of the file are already used in the repository (was the"
              + " file imported before?); nothing was imported. Import with mode=merge into the model that has them, or"
              + " delete it first.",
          errors);
    }
  }

  /** Relationship ids to drop: the given ones and every relationship connected to them. */
  private static Set<String> dependents(List<ModelOperation> ops, Set<String> drop) {
    boolean grew = true;
    while (grew) {
      grew = false;
      for (ModelOperation op : ops) {
        if (op instanceof ModelOperation.CreateRelationship c
            && !drop.contains(c.id())
            && (drop.contains(c.data().sourceId()) || drop.contains(c.data().targetId()))) {
          drop.add(c.id());
          grew = true;
        }
      }
    }
    return drop;
  }

  private static void flag(List<ModelOperation> ops, Set<String> accept) {
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i) instanceof ModelOperation.CreateRelationship c && accept.contains(c.id())) {
        RelationshipData d = c.data();
        List<Property> props = new ArrayList<>(d.properties());
        props.removeIf(p -> p.key().equals(INVALID)); // an exported file carries it already
        props.add(new Property(INVALID, "relationship-not-allowed"));
        ops.set(
            i,
            new ModelOperation.CreateRelationship(
                c.id(),
                new RelationshipData(
                    d.type(),
                    d.sourceId(),
                    d.targetId(),
                    d.name(),
                    d.nameEn(),
                    d.documentation(),
                    d.documentationEn(),
                    d.specialization(),
                    props,
                    d.accessType(),
                    d.influenceStrength(),
                    d.directed(),
                    d.folderId())));
      }
    }
  }

  private static ViewDefinition withoutConnectionsOf(ViewDefinition v, Set<String> drop) {
    Set<String> gone = new HashSet<>();
    List<ViewDefinition.Connection> kept = new ArrayList<>();
    for (ViewDefinition.Connection c : v.connections()) {
      if (drop.contains(c.relationshipId())) {
        gone.add(c.id());
      } else {
        kept.add(c);
      }
    }
    if (gone.isEmpty()) {
      return v;
    }
    // connections attached to a removed connection go too
    kept.removeIf(c -> gone.contains(c.sourceId()) || gone.contains(c.targetId()));
    return new ViewDefinition(
        v.id(),
        v.name(),
        v.nameEn(),
        v.documentation(),
        v.viewpoint(),
        v.folderId(),
        v.properties(),
        v.nodes(),
        kept);
  }

  /** The same problem with each {@code operations[i]} error named by concept id and file place. */
  private static ProblemException located(
      ProblemException e, List<ModelOperation> ops, List<String> where) {
    Problem p = e.toProblem();
    if (p.errors() == null || p.errors().isEmpty()) {
      return e;
    }
    List<Problem.Error> errors = new ArrayList<>(p.errors().size());
    for (Problem.Error err : p.errors()) {
      Matcher m = err.field() == null ? null : OPERATION.matcher(err.field());
      if (m != null && m.matches()) {
        int i = Integer.parseInt(m.group(1));
        if (i < ops.size()) {
          String rest = m.group(2).startsWith("data.") ? m.group(2).substring(5) : m.group(2);
          errors.add(
              new Problem.Error(
                  rest.isEmpty() ? null : rest,
                  err.id() != null ? err.id() : ops.get(i).id(),
                  where.get(i),
                  err.code(),
                  err.message()));
          continue;
        }
      }
      errors.add(err);
    }
    return new ProblemException(
        p.status(),
        p.type().substring(p.type().lastIndexOf(':') + 1),
        p.title(),
        "Nothing was imported. " + p.detail(),
        errors,
        null);
  }

  private static long count(List<ModelOperation> ops, Class<?> kind) {
    return ops.stream().filter(kind::isInstance).count();
  }
}
