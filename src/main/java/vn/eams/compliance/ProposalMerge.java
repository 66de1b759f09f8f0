package vn.eams.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ChangeResult;
import vn.eams.model.Element;
import vn.eams.model.ElementData;
import vn.eams.model.Folder;
import vn.eams.model.FolderData;
import vn.eams.model.ModelKind;
import vn.eams.model.ModelOperation;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelService;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Property;
import vn.eams.model.Relationship;
import vn.eams.model.RelationshipData;
import vn.eams.model.Text;
import vn.eams.model.ViewDefinition;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Merges an approved proposal into its baseline in one transaction: what the project builds becomes
 * part of the architecture, under a folder named after the project, each concept with a new id and
 * the property {@code eams:proposal} naming the proposal; references become links to the baseline
 * elements they stand for; optionally a plateau of the baseline aggregates every new element. The
 * proposal itself is kept unchanged, as the record of what was approved.
 */
@ApplicationScoped
public class ProposalMerge {

  private final ModelQueries queries;
  private final ModelService service;
  private final Metamodel metamodel;

  ProposalMerge(ModelQueries queries, ModelService service, Metamodel metamodel) {
    this.queries = queries;
    this.service = service;
    this.metamodel = metamodel;
  }

  /**
   * What the merge did.
   *
   * @param baselineId the model merged into
   * @param ids each proposal concept's id in the baseline
   */
  public record Result(String baselineId, ChangeResult change, Map<String, String> ids) {}

  /**
   * Merges the proposal.
   *
   * @param checkedSeq when given, the change sequence number the reviewer's check saw: a proposal
   *     changed since then is refused (409) so that what merges is what was checked
   * @param plateauId when not empty, a Plateau of the baseline that aggregates every new element
   */
  public Result merge(
      String proposalId, Optional<Long> checkedSeq, String plateauId, String actor) {
    ModelSnapshot proposal =
        queries
            .snapshot(proposalId)
            .orElseThrow(() -> ProblemException.notFound("model", proposalId));
    if (!ModelKind.isProposal(proposal.model().data())) {
      throw ProblemException.invalid(
          "Only a proposal can be merged; nothing was changed.",
          List.of(
              Problem.Error.id(
                  proposalId,
                  "not-a-proposal",
                  "'"
                      + proposalId
                      + "' is an architecture. Set "
                      + ModelKind.KIND
                      + " = proposal and "
                      + ModelKind.BASELINE
                      + " on a project's model to merge it.")));
    }
    String baselineId = ModelKind.baseline(proposal.model().data()).orElse("");
    ModelSnapshot baseline =
        queries
            .snapshot(baselineId)
            .orElseThrow(() -> ProblemException.notFound("model", baselineId));
    if (checkedSeq.isPresent() && !queries.changes(proposalId, checkedSeq.get(), 1).isEmpty()) {
      throw new ProblemException(
          409,
          "stale-proposal",
          "Proposal changed",
          "The proposal changed after it was checked; nothing was merged.",
          List.of(
              Problem.Error.field(
                  "checkedSeq",
                  "stale-proposal",
                  "Check the proposal again and merge what the new report shows.")),
          null);
    }
    for (Element e : baseline.elements()) {
      if (ModelKind.first(e.data().properties(), ModelKind.FROM_PROPOSAL)
          .filter(proposalId::equals)
          .isPresent()) {
        throw new ProblemException(
            409,
            "already-merged",
            "Already merged",
            "The proposal is already merged into '" + baselineId + "'; nothing was changed.",
            List.of(
                Problem.Error.id(
                    e.id(),
                    "already-merged",
                    "'"
                        + e.data().name()
                        + "' came from this proposal. Merge a proposal once; change the"
                        + " architecture itself afterwards.")),
            null);
      }
    }
    ProposalOverlay overlay = ProposalOverlay.of(baseline, proposal);
    if (!overlay.problems().isEmpty()) {
      List<Problem.Error> errors = new ArrayList<>();
      overlay
          .problems()
          .forEach(
              f ->
                  errors.add(
                      Problem.Error.id(f.conceptIds().get(0), "invalid-reference", f.messageEn())));
      throw ProblemException.invalid(
          "The proposal's references to the baseline are broken; nothing was merged.", errors);
    }
    Optional<Element> plateau = Optional.empty();
    if (!plateauId.isBlank()) {
      plateau = baseline.elements().stream().filter(e -> e.id().equals(plateauId)).findFirst();
      if (plateau.isEmpty() || !plateau.get().type().equals("Plateau")) {
        throw ProblemException.invalid(
            "The target plateau is not a plateau of the baseline; nothing was merged.",
            List.of(
                Problem.Error.field(
                    "plateauId",
                    "unknown-plateau",
                    "Give the id of a Plateau element of '"
                        + baselineId
                        + "', or leave plateauId out to merge into the architecture itself.")));
      }
    }
    Plan plan = plan(proposal, overlay, plateau);
    ChangeResult change =
        service.mergeInto(baselineId, null, plan.ops, Set.of(), plan.views, Set.of(), false, actor);
    return new Result(baselineId, change, plan.ids);
  }

  private static final class Plan {
    final List<ModelOperation> ops = new ArrayList<>();
    final List<ViewDefinition> views = new ArrayList<>();
    final Map<String, String> ids = new LinkedHashMap<>();
  }

  private Plan plan(ModelSnapshot proposal, ProposalOverlay overlay, Optional<Element> plateau) {
    Plan plan = new Plan();
    String pid = proposal.model().id();
    Map<String, String> to = new HashMap<>();
    overlay.references().forEach(r -> to.put(r.elementId(), r.baselineId()));
    String root = Text.newId();
    plan.ops.add(
        new ModelOperation.CreateFolder(
            root,
            new FolderData(
                "Dự án: " + proposal.model().data().name(),
                proposal.model().data().nameEn().isEmpty()
                    ? ""
                    : "Project: " + proposal.model().data().nameEn(),
                "",
                "")));
    for (Folder f : proposal.folders()) {
      String id = Text.newId();
      to.put(f.id(), id);
      plan.ids.put(f.id(), id);
    }
    for (Folder f : proposal.folders()) {
      FolderData d = f.data();
      String parent = d.parentId().isEmpty() ? root : to.get(d.parentId());
      plan.ops.add(
          new ModelOperation.CreateFolder(
              to.get(f.id()), new FolderData(d.name(), d.nameEn(), d.documentation(), parent)));
    }
    List<Element> created = new ArrayList<>();
    for (Element e : proposal.elements()) {
      if (to.containsKey(e.id())) {
        continue; // a reference: the baseline element is used as it is
      }
      String id = Text.newId();
      to.put(e.id(), id);
      plan.ids.put(e.id(), id);
      ElementData d = e.data();
      plan.ops.add(
          new ModelOperation.CreateElement(
              id,
              d.withPropertiesIn(marked(d.properties(), pid), folder(d.folderId(), to, root))
                  .withProfile(remapProfile(d.profile(), to))));
      created.add(e);
    }
    List<Relationship> pending = new ArrayList<>(proposal.relationships());
    pending.forEach(r -> to.put(r.id(), Text.newId()));
    Set<String> written = new HashSet<>();
    Set<String> relIds = new HashSet<>();
    pending.forEach(r -> relIds.add(r.id()));
    // a relationship after the relationships it connects to
    while (!pending.isEmpty()) {
      List<Relationship> next = new ArrayList<>();
      for (Relationship r : pending) {
        RelationshipData d = r.data();
        boolean ready =
            (!relIds.contains(d.sourceId()) || written.contains(d.sourceId()))
                && (!relIds.contains(d.targetId()) || written.contains(d.targetId()));
        if (!ready) {
          next.add(r);
          continue;
        }
        String id = to.get(r.id());
        plan.ids.put(r.id(), id);
        plan.ops.add(
            new ModelOperation.CreateRelationship(
                id,
                d.withEndpoints(
                        to.getOrDefault(d.sourceId(), d.sourceId()),
                        to.getOrDefault(d.targetId(), d.targetId()))
                    .withPropertiesIn(
                        marked(d.properties(), pid), folder(d.folderId(), to, root))));
        written.add(r.id());
      }
      if (next.size() == pending.size()) {
        break; // a cycle among relationships: the batch reports the forward references
      }
      pending = next;
    }
    if (plateau.isPresent()) {
      for (Element e : created) {
        if (metamodel.isAllowed("Aggregation", "Plateau", e.type())) {
          plan.ops.add(
              new ModelOperation.CreateRelationship(
                  Text.newId(),
                  new RelationshipData(
                      "Aggregation",
                      plateau.get().id(),
                      to.get(e.id()),
                      "",
                      "",
                      "",
                      "",
                      "",
                      List.of(new Property(ModelKind.FROM_PROPOSAL, pid)),
                      "",
                      "",
                      false,
                      root)));
        }
      }
    }
    for (ViewDefinition v : proposal.views()) {
      String id = Text.newId();
      plan.ids.put(v.id(), id);
      Map<String, String> nodes = new HashMap<>();
      v.nodes().forEach(n -> nodes.put(n.id(), Text.newId()));
      List<ViewDefinition.Node> ns = new ArrayList<>();
      for (ViewDefinition.Node n : v.nodes()) {
        ns.add(
            new ViewDefinition.Node(
                nodes.get(n.id()),
                n.parentId().isEmpty() ? "" : nodes.getOrDefault(n.parentId(), ""),
                n.kind(),
                n.isElement() ? to.getOrDefault(n.elementId(), n.elementId()) : n.elementId(),
                n.label(),
                n.labelEn(),
                n.x(),
                n.y(),
                n.w(),
                n.h(),
                n.style()));
      }
      List<ViewDefinition.Connection> cs = new ArrayList<>();
      for (ViewDefinition.Connection c : v.connections()) {
        cs.add(
            new ViewDefinition.Connection(
                Text.newId(),
                c.isLine() ? "" : to.getOrDefault(c.relationshipId(), c.relationshipId()),
                nodes.getOrDefault(c.sourceId(), c.sourceId()),
                nodes.getOrDefault(c.targetId(), c.targetId()),
                c.bendpoints(),
                c.style()));
      }
      plan.views.add(
          new ViewDefinition(
              id,
              v.name(),
              v.nameEn(),
              v.documentation(),
              v.viewpoint(),
              folder(v.folderId(), to, root),
              marked(v.properties(), pid),
              ns,
              cs));
    }
    return plan;
  }

  private static String folder(String folderId, Map<String, String> to, String root) {
    return folderId.isEmpty() ? root : to.getOrDefault(folderId, root);
  }

  private static List<Property> marked(List<Property> properties, String proposalId) {
    List<Property> out = new ArrayList<>();
    for (Property p : properties) {
      if (!p.key().equals(ModelKind.REF) && !p.key().equals(ModelKind.USE)) {
        out.add(p);
      }
    }
    out.add(new Property(ModelKind.FROM_PROPOSAL, proposalId));
    return out;
  }

  /** Profile values naming proposal elements name their copies (or the baseline's originals). */
  private static Map<String, Object> remapProfile(
      Map<String, Object> profile, Map<String, String> to) {
    Map<String, Object> out = new LinkedHashMap<>();
    profile.forEach(
        (k, v) -> out.put(k, v instanceof String s && to.containsKey(s) ? to.get(s) : v));
    return out;
  }
}
