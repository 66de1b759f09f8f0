package vn.eams.compliance;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.RelationshipType;
import vn.eams.model.Relationship;

/**
 * A relationship whose type the ArchiMate 3.2 table (Appendix B) does not allow between the types
 * of its source and target; a relationship as an endpoint counts as {@link Metamodel#RELATIONSHIP}
 * and a junction as the table's Junction.
 */
final class RelationshipNotAllowed implements ModelCheck {

  @Override
  public String id() {
    return "archimate.relationship-not-allowed";
  }

  @Override
  public void run(CheckContext ctx) {
    Metamodel m = ctx.metamodel();
    for (Relationship r : ctx.snapshot().relationships()) {
      String sourceId = r.data().sourceId();
      String targetId = r.data().targetId();
      Optional<String> source = ctx.typeOf(sourceId);
      Optional<String> target = ctx.typeOf(targetId);
      if (source.isEmpty() || target.isEmpty()) {
        continue; // an endpoint outside the snapshot: nothing to look up in the table
      }
      if (!m.isAllowed(r.type(), source.get(), target.get())) {
        ctx.report(
            List.of(r.id()),
            new Args()
                .put("type", r.type())
                .put("relationship", ctx.labelVi(r.id()), ctx.labelEn(r.id()))
                .put("source", ctx.labelVi(sourceId), ctx.labelEn(sourceId))
                .put("sourceType", source.get())
                .put("target", ctx.labelVi(targetId), ctx.labelEn(targetId))
                .put("targetType", target.get())
                .put("allowed", allowed(m, source.get(), target.get()))
                .map());
      }
    }
  }

  /** The allowed types from one concept to another, or a dash when there is none. */
  static String allowed(Metamodel m, String source, String target) {
    List<RelationshipType> types = m.allowedRelationships(source, target);
    return types.isEmpty()
        ? "–"
        : types.stream().map(RelationshipType::name).collect(Collectors.joining(", "));
  }
}
