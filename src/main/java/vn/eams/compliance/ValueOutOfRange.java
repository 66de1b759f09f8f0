package vn.eams.compliance;

import java.util.List;
import java.util.Optional;
import vn.eams.metamodel.PropertyDefinition;
import vn.eams.metamodel.PropertyProblem;
import vn.eams.metamodel.PropertyType;
import vn.eams.metamodel.Specialization;
import vn.eams.model.Element;

/**
 * A typed property whose value the profile refuses ({@link Specialization#validate}: a property the
 * specialization does not have, a wrong type, not one of the enum values, out of range, too long,
 * not a URL or date; missing required values are profile.required-property-missing), or an {@code
 * element} property naming an element the model does not have or one of a type its constraint does
 * not allow. One finding per property.
 */
final class ValueOutOfRange implements ModelCheck {

  @Override
  public String id() {
    return "profile.value-out-of-range";
  }

  @Override
  public void run(CheckContext ctx) {
    for (Element e : ctx.snapshot().elements()) {
      Optional<Specialization> spec = ctx.metamodel().specialization(e.data().specialization());
      if (spec.isEmpty()) {
        continue;
      }
      for (PropertyProblem problem : spec.get().validate(e.data().profile())) {
        if (!problem.code().equals(PropertyProblem.REQUIRED)) {
          report(ctx, e, spec.get(), List.of(e.id()), problem.messageVi(), problem.messageEn());
        }
      }
      for (PropertyDefinition p : spec.get().properties()) {
        if (p.type() == PropertyType.ELEMENT
            && e.data().profile().get(p.name()) instanceof String id
            && !id.isBlank()) {
          checkReference(ctx, e, spec.get(), p, id.strip());
        }
      }
    }
  }

  private static void checkReference(
      CheckContext ctx, Element e, Specialization spec, PropertyDefinition p, String id) {
    Optional<Element> target = ctx.element(id);
    String property = "Thuộc tính '" + p.labelVi() + "' (" + p.name() + ")";
    String propertyEn = "Property '" + p.labelEn() + "' (" + p.name() + ")";
    if (target.isEmpty()) {
      report(
          ctx,
          e,
          spec,
          List.of(e.id()),
          property
              + " trỏ tới '"
              + id
              + "', không phải phần tử nào của mô hình (hãy chọn một phần tử có trong mô hình"
              + " hoặc xóa giá trị)",
          propertyEn
              + " refers to '"
              + id
              + "', which is no element of the model (choose an element of the model or clear"
              + " the value)");
      return;
    }
    var allowed = p.constraint().elementTypes();
    String type = target.get().type();
    if (!allowed.isEmpty() && !allowed.contains(type)) {
      String types = String.join(", ", allowed);
      report(
          ctx,
          e,
          spec,
          List.of(e.id(), id),
          property
              + " trỏ tới "
              + ctx.labelVi(id)
              + " thuộc kiểu "
              + type
              + ", nhưng chỉ nhận phần tử kiểu "
              + types
              + " (hãy chọn phần tử đúng kiểu)",
          propertyEn
              + " refers to "
              + ctx.labelEn(id)
              + " of type "
              + type
              + ", but takes only elements of type "
              + types
              + " (choose an element of that type)");
    }
  }

  private static void report(
      CheckContext ctx,
      Element e,
      Specialization spec,
      List<String> ids,
      String problemVi,
      String problemEn) {
    ctx.report(
        ids,
        new Args()
            .put("element", ctx.labelVi(e.id()), ctx.labelEn(e.id()))
            .put("specialization", spec.nameVi(), spec.nameEn())
            .put("problem", problemVi, problemEn)
            .map());
  }
}
