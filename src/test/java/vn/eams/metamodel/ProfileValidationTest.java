package vn.eams.metamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Typed properties of the fixture profile (tests/fixtures/metamodel/profiles/test-profile). */
class ProfileValidationTest {

  private static Metamodel metamodel;
  private static Specialization system;

  @BeforeAll
  static void loadFixtureProfile() {
    metamodel =
        MetamodelLoader.fromClasspath(
            TestSupport.classLoader(),
            "metamodel",
            List.of(TestSupport.fixtureProfile().toString()));
    system = metamodel.specialization("InformationSystem").orElseThrow();
  }

  /** A complete, valid set of values for InformationSystem. */
  private static Map<String, Object> valid() {
    Map<String, Object> values = new HashMap<>();
    values.put("securityLevel", 3);
    values.put("owner", "Sở Thông tin và Truyền thông tỉnh Trà Vinh");
    values.put("hostingModel", "dataCenter");
    values.put("website", "https://travinh.gov.vn/portal");
    values.put("goLiveDate", "2025-01-31");
    values.put("annualCost", 12.5);
    values.put("isShared", true);
    values.put("runsOn", "elem-42");
    values.put("notes", "Dòng 1\nDòng 2");
    return values;
  }

  private static Map<String, Object> validWith(String property, Object value) {
    Map<String, Object> values = valid();
    values.put(property, value);
    return values;
  }

  @Test
  void fromClasspath_LoadsTheFixtureProfile_WhenGivenAsExtraProfileDir() {
    // the shipped profile first, then the extra one
    assertThat(metamodel.profiles())
        .extracting(Profile::id)
        .containsExactly("vn-egov", "test-profile");
    assertThat(metamodel.profiles().get(1).version()).isEqualTo("0.1");
    assertThat(metamodel.specializations())
        .filteredOn(s -> s.profileId().equals("test-profile"))
        .extracting(Specialization::id)
        .containsExactly("InformationSystem", "DataCenter", "SharedService");
    assertThat(metamodel.specializationsFor("ApplicationComponent")).contains(system);
    assertThat(metamodel.specializationsFor("Artifact")).isEmpty();
    assertThat(system.profileId()).isEqualTo("test-profile");
    assertThat(system.properties()).hasSize(9);
    assertThat(metamodel.specialization("SharedService").orElseThrow().properties()).isEmpty();
    assertThat(metamodel.specialization("DataCenter").orElseThrow().description()).isEmpty();
  }

  @Test
  void propertyDefinitions_CarryTypeConstraintAndLabels_AsWrittenInTheProfile() {
    PropertyDefinition level = system.property("securityLevel").orElseThrow();
    assertThat(level.type()).isEqualTo(PropertyType.INTEGER);
    assertThat(level.required()).isTrue();
    assertThat(level.constraint().min()).contains(BigDecimal.ONE);
    assertThat(level.constraint().max()).contains(BigDecimal.valueOf(5));
    assertThat(level.labelVi()).isEqualTo("Cấp độ an toàn");
    assertThat(system.property("runsOn").orElseThrow().constraint().elementTypes())
        .containsExactly("Node", "Device", "SystemSoftware");
    assertThat(system.property("owner").orElseThrow().constraint().maxLength()).hasValue(100);
  }

  @Test
  void coerce_ReportsNothingAndStoresJavaTypes_WhenAllValuesAreValid() {
    CoercedProperties result = system.coerce(valid());

    assertThat(result.problems()).isEmpty();
    assertThat(result.values())
        .containsEntry("securityLevel", 3L)
        .containsEntry("annualCost", new BigDecimal("12.5"))
        .containsEntry("isShared", true)
        .containsEntry("goLiveDate", "2025-01-31");
    assertThat(result.values().keySet())
        .containsExactly(
            "securityLevel",
            "owner",
            "hostingModel",
            "website",
            "goLiveDate",
            "annualCost",
            "isShared",
            "runsOn",
            "notes");
  }

  @Test
  void validate_ReportsUnknownPropertyListingTheAllowedOnes_WhenNameIsNotDefined() {
    List<PropertyProblem> problems = system.validate(validWith("colour", "red"));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.property()).isEqualTo("colour");
              assertThat(p.code()).isEqualTo(PropertyProblem.UNKNOWN);
              assertThat(p.messageEn()).contains("'colour'", "securityLevel, owner");
              assertThat(p.messageVi()).contains("'colour'", "Hệ thống thông tin");
            });
  }

  @Test
  void validate_ReportsEachMissingRequiredProperty_WhenValuesAreEmpty() {
    assertThat(system.validate(Map.of()))
        .extracting(PropertyProblem::property, PropertyProblem::code)
        .containsExactly(
            tuple("securityLevel", PropertyProblem.REQUIRED),
            tuple("owner", PropertyProblem.REQUIRED));
  }

  @Test
  void validate_ReportsRequired_WhenRequiredTextIsBlank() {
    assertThat(system.validate(validWith("owner", "   ")))
        .extracting(PropertyProblem::code)
        .containsExactly(PropertyProblem.REQUIRED);
  }

  @Test
  void coerce_LeavesOutOptionalProperty_WhenItIsNullOrBlank() {
    Map<String, Object> values = validWith("notes", "");
    values.put("website", null);

    CoercedProperties result = system.coerce(values);

    assertThat(result.problems()).isEmpty();
    assertThat(result.values()).doesNotContainKeys("notes", "website");
  }

  static List<Arguments> invalidValues() {
    return List.of(
        Arguments.of("securityLevel", "3", PropertyProblem.TYPE, "JSON number without quotes"),
        Arguments.of("securityLevel", 3.0, PropertyProblem.TYPE, "whole number"),
        Arguments.of("securityLevel", 7, PropertyProblem.RANGE, "between 1 and 5; got 7"),
        Arguments.of("securityLevel", 0L, PropertyProblem.RANGE, "between 1 and 5; got 0"),
        Arguments.of("securityLevel", true, PropertyProblem.TYPE, "whole number"),
        Arguments.of("annualCost", "12.5", PropertyProblem.TYPE, "a number"),
        Arguments.of("annualCost", -1, PropertyProblem.RANGE, "at least 0; got -1"),
        Arguments.of("annualCost", Double.NaN, PropertyProblem.TYPE, "a number"),
        Arguments.of(
            "hostingModel", "hybrid", PropertyProblem.ENUM, "onPremise, dataCenter, cloud"),
        Arguments.of("hostingModel", "Cloud", PropertyProblem.ENUM, "got 'Cloud'"),
        Arguments.of("owner", "x".repeat(101), PropertyProblem.MAX_LENGTH, "at most 100"),
        Arguments.of("owner", 42, PropertyProblem.TYPE, "must be text"),
        Arguments.of("website", "ftp://travinh.gov.vn", PropertyProblem.URL, "http://"),
        Arguments.of("website", "travinh.gov.vn", PropertyProblem.URL, "https://"),
        Arguments.of("website", "https://", PropertyProblem.URL, "https://"),
        Arguments.of("website", "https://a b.vn", PropertyProblem.URL, "https://"),
        Arguments.of("goLiveDate", "2025-02-30", PropertyProblem.DATE, "YYYY-MM-DD"),
        Arguments.of("goLiveDate", "31/01/2025", PropertyProblem.DATE, "YYYY-MM-DD"),
        Arguments.of("goLiveDate", 20250131, PropertyProblem.TYPE, "YYYY-MM-DD"),
        Arguments.of("isShared", "true", PropertyProblem.TYPE, "true or false"),
        Arguments.of("isShared", 1, PropertyProblem.TYPE, "true or false"),
        Arguments.of("runsOn", 42, PropertyProblem.TYPE, "must be text"),
        Arguments.of("notes", List.of("a"), PropertyProblem.TYPE, "a list"));
  }

  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @MethodSource("invalidValues")
  void validate_ReportsOneProblemWithTheFix_WhenValueIsInvalid(
      String property, Object value, String code, String hint) {
    List<PropertyProblem> problems = system.validate(validWith(property, value));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.property()).isEqualTo(property);
              assertThat(p.code()).isEqualTo(code);
              assertThat(p.messageEn()).contains("(" + property + ")", hint);
              assertThat(p.messageVi()).contains("(" + property + ")").isNotEqualTo(p.messageEn());
            });
  }

  static List<Arguments> acceptedValues() {
    return List.of(
        Arguments.of("securityLevel", 5, 5L),
        Arguments.of("securityLevel", 1L, 1L),
        Arguments.of("securityLevel", (short) 2, 2L),
        Arguments.of("securityLevel", BigInteger.valueOf(4), 4L),
        Arguments.of("annualCost", 3, new BigDecimal("3")),
        Arguments.of("annualCost", 0.1, new BigDecimal("0.1")),
        Arguments.of("annualCost", new BigDecimal("1000000.25"), new BigDecimal("1000000.25")),
        Arguments.of("owner", "Đ".repeat(100), "Đ".repeat(100)),
        Arguments.of("website", "HTTP://example.gov.vn", "HTTP://example.gov.vn"),
        Arguments.of("goLiveDate", LocalDate.of(2024, 2, 29), "2024-02-29"),
        Arguments.of("isShared", false, false));
  }

  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @MethodSource("acceptedValues")
  void coerce_StoresTheCanonicalJavaValue_WhenValueIsValid(
      String property, Object value, Object stored) {
    CoercedProperties result = system.coerce(validWith(property, value));

    assertThat(result.problems()).isEmpty();
    assertThat(result.values().get(property)).isEqualTo(stored);
  }

  @Test
  void validate_ReportsEveryProblemAtOnce_WhenSeveralValuesAreWrong() {
    Map<String, Object> values = validWith("securityLevel", "3");
    values.put("hostingModel", "hybrid");
    values.put("colour", "red");
    values.remove("owner");

    assertThat(system.validate(values))
        .extracting(PropertyProblem::property)
        .containsExactlyInAnyOrder("colour", "securityLevel", "owner", "hostingModel");
  }

  @Test
  void propertyValidate_ReportsNothing_WhenOptionalValueIsAbsent() {
    assertThat(system.property("website").orElseThrow().validate(null)).isEmpty();
    assertThat(system.property("owner").orElseThrow().validate(null))
        .extracting(PropertyProblem::code)
        .containsExactly(PropertyProblem.REQUIRED);
  }
}
