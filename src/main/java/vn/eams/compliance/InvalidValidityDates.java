package vn.eams.compliance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import vn.eams.metamodel.PropertyDefinition;
import vn.eams.metamodel.Specialization;
import vn.eams.model.Element;

/**
 * A period that ends before it starts: an element's validFrom after its validTo, and the profile's
 * own periods (a legal document's effectiveFrom after effectiveTo, a roadmap phase's startYear
 * after endYear). A value that is not a date or number is left to profile.value-out-of-range.
 */
final class InvalidValidityDates implements ModelCheck {

  /** A specialization's pair of typed properties that make a period. */
  private record Period(String specialization, String from, String to) {}

  private static final List<Period> PERIODS =
      List.of(
          new Period("LegalDocument", "effectiveFrom", "effectiveTo"),
          new Period("RoadmapPhase", "startYear", "endYear"));

  @Override
  public String id() {
    return "profile.invalid-validity-dates";
  }

  @Override
  public void run(CheckContext ctx) {
    for (Element e : ctx.snapshot().elements()) {
      Optional<LocalDate> from = e.data().validFrom();
      Optional<LocalDate> to = e.data().validTo();
      if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
        report(ctx, e, "validFrom", "validFrom", from.get(), "validTo", "validTo", to.get());
      }
      for (Period period : PERIODS) {
        if (period.specialization().equals(e.data().specialization())) {
          check(ctx, e, period);
        }
      }
    }
  }

  private static void check(CheckContext ctx, Element e, Period period) {
    Optional<Comparable<Object>> from = comparable(e.data().profile().get(period.from()));
    Optional<Comparable<Object>> to = comparable(e.data().profile().get(period.to()));
    if (from.isEmpty() || to.isEmpty() || from.get().getClass() != to.get().getClass()) {
      return;
    }
    if (from.get().compareTo(to.get()) > 0) {
      Optional<Specialization> spec = ctx.metamodel().specialization(period.specialization());
      Optional<PropertyDefinition> f = spec.flatMap(s -> s.property(period.from()));
      Optional<PropertyDefinition> t = spec.flatMap(s -> s.property(period.to()));
      report(
          ctx,
          e,
          label(f.map(PropertyDefinition::labelVi), period.from()),
          label(f.map(PropertyDefinition::labelEn), period.from()),
          from.get(),
          label(t.map(PropertyDefinition::labelVi), period.to()),
          label(t.map(PropertyDefinition::labelEn), period.to()),
          to.get());
    }
  }

  private static String label(Optional<String> label, String name) {
    return label.map(l -> "'" + l + "' (" + name + ")").orElse(name);
  }

  /** A date (LocalDate or ISO text) or a whole number (a year), comparable with its own kind. */
  @SuppressWarnings("unchecked")
  private static Optional<Comparable<Object>> comparable(Object value) {
    Object v = value;
    if (v instanceof String s) {
      try {
        v = LocalDate.parse(s.strip());
      } catch (DateTimeParseException ex) {
        return Optional.empty();
      }
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      v = ((Number) v).longValue();
    }
    return v instanceof LocalDate || v instanceof Long
        ? Optional.of((Comparable<Object>) v)
        : Optional.empty();
  }

  private static void report(
      CheckContext ctx,
      Element e,
      String fromVi,
      String fromEn,
      Object from,
      String toVi,
      String toEn,
      Object to) {
    ctx.report(
        List.of(e.id()),
        new Args()
            .put("element", ctx.labelVi(e.id()), ctx.labelEn(e.id()))
            .put("from", fromVi, fromEn)
            .put("fromValue", String.valueOf(from))
            .put("to", toVi, toEn)
            .put("toValue", String.valueOf(to))
            .map());
  }
}
