package vn.eams.compliance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.eams.model.ViewDefinition;

/**
 * An element drawn inside another element in a view without a relationship that the nesting can
 * stand for: as Archi's validator, composition, aggregation, assignment, realization or access from
 * the outer element to the inner one, or specialization from the inner to the outer.
 */
final class NestingWithoutRelationship implements ModelCheck {

  /** Relationship types a nesting may mean, from the outer element to the inner one. */
  static final Set<String> OUTER_TO_INNER =
      Set.of("Composition", "Aggregation", "Assignment", "Realization", "Access");

  /** Relationship types a nesting may mean, from the inner element to the outer one. */
  static final Set<String> INNER_TO_OUTER = Set.of("Specialization");

  @Override
  public String id() {
    return "archimate.nesting-without-relationship";
  }

  @Override
  public void run(CheckContext ctx) {
    for (ViewDefinition view : ctx.snapshot().views()) {
      Map<String, ViewDefinition.Node> nodes = new HashMap<>();
      view.nodes().forEach(n -> nodes.put(n.id(), n));
      Set<String> reported = new HashSet<>();
      for (ViewDefinition.Node node : view.nodes()) {
        ViewDefinition.Node parent = nodes.get(node.parentId());
        if (!node.isElement() || parent == null || !parent.isElement()) {
          continue;
        }
        String inner = node.elementId();
        String outer = parent.elementId();
        if (inner.equals(outer) || ctx.isJunction(inner) || ctx.element(outer).isEmpty()) {
          continue;
        }
        if (!ctx.hasRelationship(outer, inner, OUTER_TO_INNER)
            && !ctx.hasRelationship(inner, outer, INNER_TO_OUTER)
            && reported.add(outer + '\u0000' + inner)) {
          ctx.report(
              List.of(view.id(), inner, outer),
              new Args()
                  .put("view", ctx.labelVi(view.id()), ctx.labelEn(view.id()))
                  .put("inner", ctx.labelVi(inner), ctx.labelEn(inner))
                  .put("outer", ctx.labelVi(outer), ctx.labelEn(outer))
                  .map());
        }
      }
    }
  }
}
