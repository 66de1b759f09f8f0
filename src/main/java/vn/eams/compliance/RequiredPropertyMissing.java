package vn.eams.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.eams.metamodel.PropertyDefinition;
import vn.eams.metamodel.Specialization;
import vn.eams.model.Element;

/**
 * An element of a specialization without a value for one or more of the specialization's required
 * typed properties; one finding per element, naming every missing property.
 */
final class RequiredPropertyMissing implements ModelCheck {

  @Override
  public String id() {
    return "profile.required-property-missing";
  }

  @Override
  public void run(CheckContext ctx) {
    for (Element e : ctx.snapshot().elements()) {
      Optional<Specialization> spec = ctx.metamodel().specialization(e.data().specialization());
      if (spec.isEmpty()) {
        continue;
      }
      List<PropertyDefinition> missing = new ArrayList<>();
      for (PropertyDefinition p : spec.get().properties()) {
        Object value = e.data().profile().get(p.name());
        if (p.required() && (value == null || (value instanceof String s && s.isBlank()))) {
          missing.add(p);
        }
      }
      if (!missing.isEmpty()) {
        ctx.report(
            List.of(e.id()),
            new Args()
                .put("element", ctx.labelVi(e.id()), ctx.labelEn(e.id()))
                .put("specialization", spec.get().nameVi(), spec.get().nameEn())
                .put("properties", labels(missing, true), labels(missing, false))
                .map());
      }
    }
  }

  private static String labels(List<PropertyDefinition> properties, boolean vietnamese) {
    List<String> labels = new ArrayList<>();
    for (PropertyDefinition p : properties) {
      labels.add("'" + (vietnamese ? p.labelVi() : p.labelEn()) + "' (" + p.name() + ")");
    }
    return String.join(", ", labels);
  }
}
