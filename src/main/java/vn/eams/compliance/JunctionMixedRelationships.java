package vn.eams.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import vn.eams.model.Element;
import vn.eams.model.Relationship;

/** A junction whose relationships are not all of one type. */
final class JunctionMixedRelationships implements ModelCheck {

  @Override
  public String id() {
    return "archimate.junction-mixed-relationships";
  }

  @Override
  public void run(CheckContext ctx) {
    for (Element junction : ctx.snapshot().elements()) {
      if (!ctx.isJunction(junction.id())) {
        continue;
      }
      TreeSet<String> types = new TreeSet<>();
      TreeSet<String> relationships = new TreeSet<>();
      for (Relationship r : ctx.incoming(junction.id())) {
        types.add(r.type());
        relationships.add(r.id());
      }
      for (Relationship r : ctx.outgoing(junction.id())) {
        types.add(r.type());
        relationships.add(r.id());
      }
      if (types.size() > 1) {
        List<String> ids = new ArrayList<>();
        ids.add(junction.id());
        ids.addAll(relationships);
        ctx.report(
            ids,
            new Args()
                .put("junction", ctx.labelVi(junction.id()), ctx.labelEn(junction.id()))
                .put("junctionType", junction.type())
                .put("types", String.join(", ", types))
                .put("relationships", String.join(", ", relationships))
                .map());
      }
    }
  }
}
