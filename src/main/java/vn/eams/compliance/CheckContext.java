package vn.eams.compliance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.Element;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Relationship;
import vn.eams.model.ViewDefinition;

/**
 * What one check sees of one model: the snapshot, the metamodel, lookups built once per run
 * (concepts by id, relationships by endpoint, what the views show), and {@link #report} to record a
 * finding with the check's message templates filled in.
 */
public final class CheckContext {

  private final ModelIndex index;
  private final CheckCatalogue.Entry entry;
  private final List<Finding> findings;
  private final MessageTemplate messageVi;
  private final MessageTemplate messageEn;

  CheckContext(ModelIndex index, CheckCatalogue.Entry entry, List<Finding> findings) {
    this.index = index;
    this.entry = entry;
    this.findings = findings;
    this.messageVi = new MessageTemplate(entry.rule().id(), "vi", entry.messageVi());
    this.messageEn = new MessageTemplate(entry.rule().id(), "en", entry.messageEn());
  }

  /** The model being checked. */
  public ModelSnapshot snapshot() {
    return index.snapshot();
  }

  /** The metamodel the model is checked against. */
  public Metamodel metamodel() {
    return index.metamodel();
  }

  /** The element with {@code id}. */
  public Optional<Element> element(String id) {
    return index.element(id);
  }

  /** The relationship with {@code id}. */
  public Optional<Relationship> relationship(String id) {
    return index.relationship(id);
  }

  /** The view with {@code id}. */
  public Optional<ViewDefinition> view(String id) {
    return index.view(id);
  }

  /** The relationships whose source is {@code conceptId}, in id order. */
  public List<Relationship> outgoing(String conceptId) {
    return index.outgoing(conceptId);
  }

  /** The relationships whose target is {@code conceptId}, in id order. */
  public List<Relationship> incoming(String conceptId) {
    return index.incoming(conceptId);
  }

  /**
   * True when a relationship of one of {@code types} goes from {@code source} to {@code target}.
   */
  public boolean hasRelationship(String source, String target, Set<String> types) {
    for (Relationship r : index.between(source, target)) {
      if (types.contains(r.type())) {
        return true;
      }
    }
    return false;
  }

  /** True when some view shows the element or relationship {@code conceptId}. */
  public boolean shownInAnyView(String conceptId) {
    return index.shownInAnyView(conceptId);
  }

  /**
   * The type of a concept as the relationship table names it: the element's type, or {@link
   * Metamodel#RELATIONSHIP} for a relationship; empty when the model has no such concept.
   */
  public Optional<String> typeOf(String conceptId) {
    return index.typeOf(conceptId);
  }

  /** True when {@code conceptId} is an AndJunction or OrJunction of the model. */
  public boolean isJunction(String conceptId) {
    return index.isJunction(conceptId);
  }

  /** How a Vietnamese message names a concept or view: {@code 'name' (id)}, or the id alone. */
  public String labelVi(String conceptId) {
    return label(conceptId, nameOf(conceptId, false));
  }

  /** How an English message names it: the English name when there is one, else the name. */
  public String labelEn(String conceptId) {
    return label(conceptId, nameOf(conceptId, true));
  }

  private static String label(String id, String name) {
    return name.isBlank() ? id : "'" + name.strip() + "' (" + id + ")";
  }

  private String nameOf(String id, boolean english) {
    Optional<Element> e = index.element(id);
    if (e.isPresent()) {
      return pick(e.get().data().name(), e.get().data().nameEn(), english);
    }
    Optional<Relationship> r = index.relationship(id);
    if (r.isPresent()) {
      return pick(r.get().data().name(), r.get().data().nameEn(), english);
    }
    return index.view(id).map(v -> pick(v.name(), v.nameEn(), english)).orElse("");
  }

  private static String pick(String name, String nameEn, boolean english) {
    String vi = name == null ? "" : name;
    return english && nameEn != null && !nameEn.isBlank() ? nameEn : vi;
  }

  /**
   * Records a finding of this check on {@code conceptIds} (the one to fix first), its messages
   * being the check's templates with each {@code {name}} replaced by {@code args.get("name.vi")}
   * (or {@code .en}) or else {@code args.get("name")}.
   *
   * @throws IllegalArgumentException when a template names a placeholder {@code args} lacks
   */
  public void report(List<String> conceptIds, Map<String, String> args) {
    findings.add(new Finding(entry.rule(), messageVi.fill(args), messageEn.fill(args), conceptIds));
  }
}
