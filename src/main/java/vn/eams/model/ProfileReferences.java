package vn.eams.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.PropertyDefinition;
import vn.eams.metamodel.PropertyType;
import vn.eams.platform.Problem;

/**
 * Typed profile properties of type {@code element} name another element: it must exist and be of
 * one of the types the property allows. The metamodel cannot check this alone; the model can.
 */
final class ProfileReferences {

  private final Metamodel metamodel;

  ProfileReferences(Metamodel metamodel) {
    this.metamodel = metamodel;
  }

  /** The ids an element operation's typed properties name (to load them with the batch). */
  List<String> of(ModelOperation op) {
    ElementData d =
        op instanceof ModelOperation.CreateElement c
            ? c.data()
            : op instanceof ModelOperation.UpdateElement u ? u.data() : null;
    if (d == null) {
      return List.of();
    }
    return definitions(d).stream().map(p -> ref(d, p)).toList();
  }

  /**
   * Problems of the element references in {@code d}; {@code lookup} returns the element with an id,
   * or null.
   */
  List<Problem.Error> check(ElementData d, Function<String, Element> lookup) {
    List<Problem.Error> errors = new ArrayList<>();
    for (PropertyDefinition p : definitions(d)) {
      String ref = ref(d, p);
      Element target = lookup.apply(ref);
      Set<String> allowed = p.constraint().elementTypes();
      String field = "profile." + p.name();
      if (target == null) {
        errors.add(
            Problem.Error.field(
                field,
                "unknown-element",
                "No element '"
                    + ref
                    + "' exists in this model; give the id of one of its elements."));
      } else if (!allowed.isEmpty() && !allowed.contains(target.type())) {
        errors.add(
            Problem.Error.field(
                field,
                "wrong-element-type",
                "'"
                    + ref
                    + "' is a "
                    + target.type()
                    + "; "
                    + p.name()
                    + " must name one of: "
                    + String.join(", ", allowed.stream().sorted().toList())
                    + "."));
      }
    }
    return errors;
  }

  private List<PropertyDefinition> definitions(ElementData d) {
    if (d.specialization().isBlank()) {
      return List.of();
    }
    return metamodel.specialization(d.specialization().strip()).stream()
        .flatMap(s -> s.properties().stream())
        .filter(
            p -> p.type() == PropertyType.ELEMENT && d.profile().get(p.name()) instanceof String)
        .toList();
  }

  private static String ref(ElementData d, PropertyDefinition p) {
    return ((String) d.profile().get(p.name())).strip();
  }
}
