package vn.eams.compliance;

import java.util.List;
import vn.eams.model.Relationship;

/** A relationship that no view shows as a connection. */
final class RelationshipInNoView implements ModelCheck {

  @Override
  public String id() {
    return "archimate.relationship-in-no-view";
  }

  @Override
  public void run(CheckContext ctx) {
    for (Relationship r : ctx.snapshot().relationships()) {
      if (!ctx.shownInAnyView(r.id())) {
        String source = r.data().sourceId();
        String target = r.data().targetId();
        ctx.report(
            List.of(r.id()),
            new Args()
                .put("relationship", ctx.labelVi(r.id()), ctx.labelEn(r.id()))
                .put("type", r.type())
                .put("source", ctx.labelVi(source), ctx.labelEn(source))
                .put("target", ctx.labelVi(target), ctx.labelEn(target))
                .map());
      }
    }
  }
}
