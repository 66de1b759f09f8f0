package vn.eams.compliance;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.eams.metamodel.Viewpoint;
import vn.eams.model.Element;
import vn.eams.model.ViewDefinition;

/** A view with a viewpoint shows an element whose type the viewpoint does not allow. */
final class ViewpointElementNotAllowed implements ModelCheck {

  @Override
  public String id() {
    return "archimate.viewpoint-element-not-allowed";
  }

  @Override
  public void run(CheckContext ctx) {
    for (ViewDefinition view : ctx.snapshot().views()) {
      Optional<Viewpoint> viewpoint = viewpoint(ctx, view.viewpoint());
      if (viewpoint.isEmpty()) {
        continue;
      }
      Set<String> reported = new HashSet<>();
      for (ViewDefinition.Node node : view.nodes()) {
        if (!node.isElement()) {
          continue;
        }
        Optional<Element> element = ctx.element(node.elementId());
        if (element.isPresent()
            && !viewpoint.get().allows(element.get().type())
            && reported.add(node.elementId())) {
          ctx.report(
              List.of(view.id(), node.elementId()),
              new Args()
                  .put("view", ctx.labelVi(view.id()), ctx.labelEn(view.id()))
                  .put("viewpoint", viewpoint.get().nameVi(), viewpoint.get().nameEn())
                  .put("element", ctx.labelVi(node.elementId()), ctx.labelEn(node.elementId()))
                  .put("elementType", element.get().type())
                  .map());
        }
      }
    }
  }

  /** The viewpoint a view names, by id or by its exchange-format name; empty for none. */
  private static Optional<Viewpoint> viewpoint(CheckContext ctx, String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    Optional<Viewpoint> byId = ctx.metamodel().viewpoint(name);
    return byId.isPresent() ? byId : ctx.metamodel().viewpointByExchangeName(name);
  }
}
