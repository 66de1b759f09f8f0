package vn.eams.metamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertyConstraintTest {

  @Test
  void parse_ReadsBothBounds_WhenRangeIsComplete() {
    PropertyConstraint c = PropertyConstraint.parse(PropertyType.DECIMAL, "-2.5..10");
    assertThat(c.min()).contains(new BigDecimal("-2.5"));
    assertThat(c.max()).contains(BigDecimal.TEN);
    assertThat(c.text()).isEqualTo("-2.5..10");
  }

  @Test
  void parse_LeavesASideOpen_WhenRangeHasOneBound() {
    assertThat(PropertyConstraint.parse(PropertyType.INTEGER, "0..").max()).isEmpty();
    assertThat(PropertyConstraint.parse(PropertyType.INTEGER, "..9").min()).isEmpty();
  }

  @Test
  void parse_KeepsEnumValuesInOrder_WhenValuesAreListed() {
    assertThat(PropertyConstraint.parse(PropertyType.ENUM, "c|a|b").allowedValues())
        .containsExactly("c", "a", "b");
  }

  @Test
  void parse_ReturnsNone_WhenConstraintIsADash() {
    assertThat(PropertyConstraint.parse(PropertyType.URL, "-")).isEqualTo(PropertyConstraint.NONE);
    assertThat(PropertyConstraint.parse(PropertyType.ELEMENT, "-").elementTypes()).isEmpty();
  }

  @ParameterizedTest(name = "{0} ''{1}''")
  @CsvSource(
      delimiter = ';',
      value = {
        "INTEGER; 1..x; not a number",
        "INTEGER; 1.5..3; not a whole number",
        "INTEGER; 5; not a range",
        "INTEGER; ..; not a range",
        "DECIMAL; 3..1; min greater than max",
        "ENUM; -; enum needs its values",
        "ENUM; a|a; duplicate value",
        "ENUM; a|; empty value",
        "STRING; 100; not a maximum length",
        "TEXT; ..0; not a maximum length",
        "BOOLEAN; true; takes no constraint",
        "DATE; ..2030; takes no constraint",
        "ELEMENT; Node||Device; empty value"
      })
  void parse_ThrowsWithTheFix_WhenConstraintIsMalformed(
      PropertyType type, String text, String expected) {
    assertThatThrownBy(() -> PropertyConstraint.parse(type, text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expected)
        .hasMessageContaining("(");
  }
}
