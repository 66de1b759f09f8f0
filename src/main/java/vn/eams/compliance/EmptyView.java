package vn.eams.compliance;

import java.util.List;
import vn.eams.model.ViewDefinition;

/** A view that shows no element and no relationship (at most groups, notes and plain lines). */
final class EmptyView implements ModelCheck {

  @Override
  public String id() {
    return "archimate.empty-view";
  }

  @Override
  public void run(CheckContext ctx) {
    for (ViewDefinition view : ctx.snapshot().views()) {
      boolean showsConcept =
          view.nodes().stream().anyMatch(ViewDefinition.Node::isElement)
              || view.connections().stream().anyMatch(c -> !c.isLine());
      if (!showsConcept) {
        ctx.report(
            List.of(view.id()),
            new Args().put("view", ctx.labelVi(view.id()), ctx.labelEn(view.id())).map());
      }
    }
  }
}
