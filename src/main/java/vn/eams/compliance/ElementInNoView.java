package vn.eams.compliance;

import java.util.List;
import vn.eams.model.Element;

/** An element that no view shows. */
final class ElementInNoView implements ModelCheck {

  @Override
  public String id() {
    return "archimate.element-in-no-view";
  }

  @Override
  public void run(CheckContext ctx) {
    for (Element e : ctx.snapshot().elements()) {
      if (!ctx.shownInAnyView(e.id())) {
        ctx.report(
            List.of(e.id()),
            new Args()
                .put("element", ctx.labelVi(e.id()), ctx.labelEn(e.id()))
                .put("type", e.type())
                .map());
      }
    }
  }
}
