package vn.eams.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.eams.model.Element;
import vn.eams.model.ElementData;
import vn.eams.model.Relationship;
import vn.eams.model.RelationshipData;

/**
 * Compares stored concepts with the ones read back from RDF, field by field: everything but
 * versions, timestamps and folders (not mapped). Profile numbers compare by value (the graph store
 * gives decimals back as doubles) and dates as ISO text.
 */
final class RdfComparison {

  private RdfComparison() {}

  static void assertSameElements(List<Element> stored, List<Element> actual) {
    assertThat(actual).hasSameSizeAs(stored);
    List<Element> expected = new ArrayList<>(stored);
    expected.sort(Comparator.comparing(Element::id));
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      Element e = expected.get(i);
      Element a = actual.get(i);
      if (!e.id().equals(a.id()) || !e.modelId().equals(a.modelId())) {
        problems.add(e.id() + " read back as " + a.id() + " in " + a.modelId());
        continue;
      }
      ElementData x = e.data();
      ElementData y = a.data();
      ElementData mapped =
          new ElementData(
              x.type(),
              x.name(),
              x.nameEn(),
              x.documentation(),
              x.documentationEn(),
              x.specialization(),
              x.properties(),
              y.profile(),
              "",
              x.validFrom(),
              x.validTo());
      if (!mapped.equals(y)) {
        problems.add(e.id() + ": " + x + "\n   read back as " + y);
      }
      if (!normal(x.profile()).equals(normal(y.profile()))) {
        problems.add(e.id() + " profile: " + x.profile() + "\n   read back as " + y.profile());
      }
    }
    assertThat(problems).isEmpty();
  }

  static void assertSameRelationships(List<Relationship> stored, List<Relationship> actual) {
    assertThat(actual).hasSameSizeAs(stored);
    List<Relationship> expected = new ArrayList<>(stored);
    expected.sort(Comparator.comparing(Relationship::id));
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      Relationship e = expected.get(i);
      Relationship a = actual.get(i);
      RelationshipData x = e.data();
      RelationshipData mapped =
          new RelationshipData(
              x.type(),
              x.sourceId(),
              x.targetId(),
              x.name(),
              x.nameEn(),
              x.documentation(),
              x.documentationEn(),
              x.specialization(),
              x.properties(),
              x.accessType(),
              x.influenceStrength(),
              x.directed(),
              "");
      if (!e.id().equals(a.id()) || !e.modelId().equals(a.modelId()) || !mapped.equals(a.data())) {
        problems.add(e.id() + ": " + x + "\n   read back as " + a.id() + " " + a.data());
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Numbers as plain decimals without trailing zeros, dates as ISO text. */
  private static Map<String, String> normal(Map<String, Object> profile) {
    Map<String, String> m = new TreeMap<>();
    profile.forEach(
        (k, v) -> {
          String n;
          if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            n = "number " + new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
          } else if (v instanceof Long || v instanceof Integer) {
            n = "number " + BigDecimal.valueOf(((Number) v).longValue()).toPlainString();
          } else if (v instanceof Boolean b) {
            n = "boolean " + b;
          } else {
            n = "text " + v; // dates are ISO text, or LocalDate whose text is the same
          }
          m.put(k, n);
        });
    return m;
  }
}
