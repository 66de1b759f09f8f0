package vn.eams.compliance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.eams.model.Element;
import vn.eams.model.ModelKind;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Relationship;
import vn.eams.model.RelationshipData;
import vn.eams.model.ViewDefinition;

/**
 * A proposal laid over its baseline: one snapshot holding the baseline and what the project builds
 * or changes, in which every reference element of the proposal ({@code eams:ref}) is replaced by
 * the baseline element it stands for. Every check and policy rule runs on it as on any model.
 *
 * @param combined baseline plus proposal; concepts keep the model id they belong to
 * @param proposed ids of the proposal's own elements, relationships and views (not references)
 * @param references the proposal's reference elements, resolved or not
 * @param problems what is wrong with the references (they are left out of {@code combined})
 */
public record ProposalOverlay(
    ModelSnapshot combined,
    Set<String> proposed,
    List<Reference> references,
    List<Finding> problems) {

  /** The rule every broken reference is reported under. */
  public static final Rule REFERENCE_RULE =
      new Rule(
          "proposal.reference-invalid",
          Rule.Kind.CHECK,
          Severity.ERROR,
          "Tham chiếu tới kiến trúc nền không hợp lệ",
          "Invalid reference to the baseline architecture",
          "Sửa thuộc tính eams:ref thành mã của một phần tử cùng loại trong kiến trúc nền,"
              + " và eams:use thành reuse, integrate hoặc replace.",
          "Set eams:ref to the id of an element of the same type in the baseline, and eams:use"
              + " to reuse, integrate or replace.",
          "NĐ 73/2019/NĐ-CP, Điều 5");

  /**
   * A proposal element that stands for a baseline element.
   *
   * @param elementId the reference element in the proposal
   * @param baselineId the baseline element it names ({@code eams:ref})
   * @param use reuse, integrate or replace
   * @param baseline the baseline element, when it exists and has the same type
   */
  public record Reference(
      String elementId, String baselineId, String use, Optional<Element> baseline) {}

  /** Lays {@code proposal} over {@code baseline}. */
  public static ProposalOverlay of(ModelSnapshot baseline, ModelSnapshot proposal) {
    Map<String, Element> base = new HashMap<>();
    baseline.elements().forEach(e -> base.put(e.id(), e));
    Map<String, String> remap = new HashMap<>();
    List<Reference> references = new ArrayList<>();
    List<Finding> problems = new ArrayList<>();
    Set<String> proposed = new HashSet<>();
    List<Element> elements = new ArrayList<>(baseline.elements());
    List<Element> own = new ArrayList<>();
    for (Element e : proposal.elements()) {
      Optional<String> ref = ModelKind.first(e.data().properties(), ModelKind.REF);
      if (ref.isEmpty()) {
        own.add(e);
        proposed.add(e.id());
        continue;
      }
      String target = ref.get().strip();
      String use =
          ModelKind.first(e.data().properties(), ModelKind.USE)
              .map(String::strip)
              .orElse(ModelKind.USES.get(0));
      Element b = base.get(target);
      Optional<Element> resolved = Optional.empty();
      if (b == null) {
        problems.add(
            problem(
                e,
                "Phần tử '"
                    + e.data().name()
                    + "' ("
                    + e.id()
                    + ") tham chiếu tới '"
                    + target
                    + "', không có trong kiến trúc nền '"
                    + baseline.model().id()
                    + "'. Sửa eams:ref thành mã của phần tử được tái sử dụng.",
                "Element '"
                    + e.data().name()
                    + "' ("
                    + e.id()
                    + ") refers to '"
                    + target
                    + "', which the baseline '"
                    + baseline.model().id()
                    + "' does not have. Set eams:ref to the id of the element reused."));
      } else if (!b.type().equals(e.type())) {
        problems.add(
            problem(
                e,
                "Phần tử '"
                    + e.data().name()
                    + "' ("
                    + e.id()
                    + ") là "
                    + e.type()
                    + " nhưng tham chiếu tới '"
                    + b.data().name()
                    + "' ("
                    + target
                    + ") là "
                    + b.type()
                    + ". Đổi loại phần tử hoặc sửa eams:ref.",
                "Element '"
                    + e.data().name()
                    + "' ("
                    + e.id()
                    + ") is a "
                    + e.type()
                    + " but refers to '"
                    + b.data().name()
                    + "' ("
                    + target
                    + "), a "
                    + b.type()
                    + ". Change the element's type or fix eams:ref."));
      } else if (!ModelKind.USES.contains(use)) {
        problems.add(
            problem(
                e,
                "Phần tử '"
                    + e.data().name()
                    + "' ("
                    + e.id()
                    + ") có eams:use = '"
                    + use
                    + "'; giá trị hợp lệ: reuse, integrate, replace.",
                "Element '"
                    + e.data().name()
                    + "' ("
                    + e.id()
                    + ") has eams:use = '"
                    + use
                    + "'; write reuse, integrate or replace."));
      } else {
        resolved = Optional.of(b);
        remap.put(e.id(), target);
      }
      references.add(new Reference(e.id(), target, use, resolved));
    }
    // profile values that name a reference (an owner, say) name the baseline element instead
    for (Element e : own) {
      elements.add(remapProfile(e, remap));
    }
    // relationships touching a broken reference stay out, as the reference does
    Set<String> broken = new HashSet<>();
    for (Reference r : references) {
      if (r.baseline().isEmpty()) {
        broken.add(r.elementId());
      }
    }
    List<Relationship> relationships = new ArrayList<>(baseline.relationships());
    for (Relationship r : proposal.relationships()) {
      RelationshipData d = r.data();
      if (broken.contains(d.sourceId()) || broken.contains(d.targetId())) {
        continue;
      }
      String s = remap.getOrDefault(d.sourceId(), d.sourceId());
      String t = remap.getOrDefault(d.targetId(), d.targetId());
      RelationshipData moved = d.withEndpoints(s, t);
      relationships.add(
          new Relationship(r.id(), r.modelId(), moved, r.version(), r.createdAt(), r.updatedAt()));
      proposed.add(r.id());
    }
    List<ViewDefinition> views = new ArrayList<>(baseline.views());
    for (ViewDefinition v : proposal.views()) {
      List<ViewDefinition.Node> nodes = new ArrayList<>();
      for (ViewDefinition.Node n : v.nodes()) {
        nodes.add(
            n.isElement() && remap.containsKey(n.elementId())
                ? new ViewDefinition.Node(
                    n.id(),
                    n.parentId(),
                    n.kind(),
                    remap.get(n.elementId()),
                    n.label(),
                    n.labelEn(),
                    n.x(),
                    n.y(),
                    n.w(),
                    n.h(),
                    n.style())
                : n);
      }
      views.add(
          new ViewDefinition(
              v.id(),
              v.name(),
              v.nameEn(),
              v.documentation(),
              v.viewpoint(),
              v.folderId(),
              v.properties(),
              nodes,
              v.connections()));
      proposed.add(v.id());
    }
    List<vn.eams.model.Folder> folders = new ArrayList<>(baseline.folders());
    folders.addAll(proposal.folders());
    ModelSnapshot combined =
        new ModelSnapshot(
            proposal.model(),
            Math.max(baseline.seq(), proposal.seq()),
            folders,
            elements,
            relationships,
            views);
    return new ProposalOverlay(combined, Set.copyOf(proposed), List.copyOf(references), problems);
  }

  /** The baseline elements the proposal references, by id, with how it uses them. */
  public Map<String, String> uses() {
    Map<String, String> m = new LinkedHashMap<>();
    references.stream()
        .filter(r -> r.baseline().isPresent())
        .forEach(r -> m.put(r.baselineId(), r.use()));
    return m;
  }

  private static Element remapProfile(Element e, Map<String, String> remap) {
    boolean names = false;
    Map<String, Object> profile = new LinkedHashMap<>();
    for (Map.Entry<String, Object> en : e.data().profile().entrySet()) {
      Object v = en.getValue();
      if (v instanceof String s && remap.containsKey(s)) {
        v = remap.get(s);
        names = true;
      }
      profile.put(en.getKey(), v);
    }
    if (!names) {
      return e;
    }
    return new Element(
        e.id(),
        e.modelId(),
        e.data().withProfile(profile),
        e.version(),
        e.createdAt(),
        e.updatedAt());
  }

  private static Finding problem(Element e, String vi, String en) {
    return new Finding(REFERENCE_RULE, vi, en, List.of(e.id()));
  }
}
