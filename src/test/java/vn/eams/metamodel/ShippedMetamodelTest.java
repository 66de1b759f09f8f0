package vn.eams.metamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ShippedMetamodelTest {

  private final Metamodel metamodel = TestSupport.shipped();

  @Test
  void fromClasspath_LoadsSixtyElementTypesPlusTwoJunctions_WhenShippedDataIsUsed() {
    assertThat(metamodel.elementTypes()).hasSize(62);
    assertThat(metamodel.elementTypes().stream().filter(e -> !e.isJunction())).hasSize(60);
    assertThat(metamodel.elementTypes().stream().filter(ElementType::isJunction))
        .extracting(ElementType::name)
        .containsExactly("AndJunction", "OrJunction");
  }

  @Test
  void fromClasspath_LoadsElevenRelationshipTypesWithTheSpecLetters_WhenShippedDataIsUsed() {
    Map<String, Character> letters =
        metamodel.relationshipTypes().stream()
            .collect(Collectors.toMap(RelationshipType::name, RelationshipType::letter));
    assertThat(letters)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("Composition", 'c'),
                Map.entry("Aggregation", 'g'),
                Map.entry("Assignment", 'i'),
                Map.entry("Realization", 'r'),
                Map.entry("Serving", 'v'),
                Map.entry("Access", 'a'),
                Map.entry("Influence", 'n'),
                Map.entry("Triggering", 't'),
                Map.entry("Flow", 'f'),
                Map.entry("Specialization", 's'),
                Map.entry("Association", 'o')));
  }

  @Test
  void fromClasspath_Loads25Viewpoints_WhenShippedDataIsUsed() {
    assertThat(metamodel.viewpoints()).hasSize(25);
    assertThat(metamodel.version()).isEqualTo("3.2");
  }

  @ParameterizedTest
  @CsvSource({
    "ApplicationComponent, APPLICATION, ACTIVE_STRUCTURE",
    "DataObject, APPLICATION, PASSIVE_STRUCTURE",
    "BusinessProcess, BUSINESS, BEHAVIOR",
    "Product, BUSINESS, COMPOSITE",
    "Resource, STRATEGY, PASSIVE_STRUCTURE",
    "Capability, STRATEGY, BEHAVIOR",
    "CourseOfAction, STRATEGY, BEHAVIOR",
    "CommunicationNetwork, TECHNOLOGY, ACTIVE_STRUCTURE",
    "Artifact, TECHNOLOGY, PASSIVE_STRUCTURE",
    "Material, PHYSICAL, PASSIVE_STRUCTURE",
    "Goal, MOTIVATION, MOTIVATION",
    "WorkPackage, IMPLEMENTATION_MIGRATION, BEHAVIOR",
    "ImplementationEvent, IMPLEMENTATION_MIGRATION, BEHAVIOR",
    "Deliverable, IMPLEMENTATION_MIGRATION, PASSIVE_STRUCTURE",
    "Plateau, IMPLEMENTATION_MIGRATION, COMPOSITE",
    "Gap, IMPLEMENTATION_MIGRATION, PASSIVE_STRUCTURE",
    "Grouping, OTHER, COMPOSITE",
    "Location, OTHER, COMPOSITE",
    "OrJunction, OTHER, CONNECTOR"
  })
  void elementType_HasTheSpecLayerAndAspect_ForSampleTypes(
      String type, Layer layer, Aspect aspect) {
    ElementType element = metamodel.elementType(type).orElseThrow();
    assertThat(element.layer()).isEqualTo(layer);
    assertThat(element.aspect()).isEqualTo(aspect);
  }

  @ParameterizedTest
  @CsvSource({
    "STRATEGY, 4",
    "BUSINESS, 13",
    "APPLICATION, 9",
    "TECHNOLOGY, 13",
    "PHYSICAL, 4",
    "MOTIVATION, 10",
    "IMPLEMENTATION_MIGRATION, 5",
    "OTHER, 4"
  })
  void elementTypes_HasTheSpecCountPerLayer_ForEachLayer(Layer layer, int count) {
    assertThat(metamodel.elementTypes(layer)).hasSize(count);
  }

  @Test
  void elementTypes_HaveDistinctNonBlankVietnameseNames_WhenShippedDataIsUsed() {
    List<String> names = metamodel.elementTypes().stream().map(ElementType::nameVi).toList();
    assertThat(names).allMatch(n -> !n.isBlank()).doesNotHaveDuplicates();
    assertThat(metamodel.elementType("BusinessActor").orElseThrow().nameVi())
        .isEqualTo("Tác nhân nghiệp vụ");
    assertThat(metamodel.elementType("Plateau").orElseThrow().nameVi())
        .isEqualTo("Trạng thái kiến trúc (Plateau)");
  }

  @Test
  void elementType_IsEmpty_WhenNameIsUnknownOrNull() {
    assertThat(metamodel.elementType("Server")).isEmpty();
    assertThat(metamodel.elementType(null)).isEmpty();
    assertThat(metamodel.elementType(Metamodel.JUNCTION)).isEmpty();
  }

  @Test
  void structuralStrength_OrdersCompositionAggregationAssignmentRealization_WhenCompared() {
    assertThat(metamodel.structuralByStrength())
        .extracting(RelationshipType::name)
        .containsExactly("Composition", "Aggregation", "Assignment", "Realization");
    assertThat(metamodel.structuralStrength(type("Composition"))).isEqualTo(4);
    assertThat(metamodel.structuralStrength(type("Realization"))).isEqualTo(1);
    assertThat(metamodel.structuralStrength(type("Serving"))).isZero();
    assertThat(metamodel.weakestStructural(type("Composition"), type("Assignment")))
        .contains(type("Assignment"));
    assertThat(metamodel.weakestStructural(type("Composition"), type("Flow"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "Composition, STRUCTURAL",
    "Realization, STRUCTURAL",
    "Serving, DEPENDENCY",
    "Association, DEPENDENCY",
    "Influence, DEPENDENCY",
    "Flow, DYNAMIC",
    "Triggering, DYNAMIC",
    "Specialization, OTHER"
  })
  void relationshipType_HasTheSpecCategory_ForSampleTypes(
      String name, RelationshipCategory category) {
    assertThat(type(name).category()).isEqualTo(category);
  }

  @Test
  void relationshipAttributes_HaveExchangeFormatDefaults_WhenAbsent() {
    RelationshipAttribute accessType = type("Access").attribute("accessType").orElseThrow();
    assertThat(accessType.constraint().allowedValues())
        .containsExactly("Access", "Read", "Write", "ReadWrite");
    assertThat(accessType.coerce(null).value()).contains("Access");
    assertThat(accessType.coerce("Read").value()).contains("Read");
    assertThat(accessType.validate("Delete"))
        .extracting(PropertyProblem::code)
        .containsExactly(PropertyProblem.ENUM);
    RelationshipAttribute isDirected = type("Association").attribute("isDirected").orElseThrow();
    assertThat(isDirected.coerce(null).value()).contains(false);
    assertThat(isDirected.validate("true"))
        .extracting(PropertyProblem::code)
        .containsExactly(PropertyProblem.TYPE);
    RelationshipAttribute strength = type("Influence").attribute("influenceStrength").orElseThrow();
    assertThat(strength.type()).isEqualTo(PropertyType.STRING);
    assertThat(strength.coerce("++").value()).contains("++");
    assertThat(type("Serving").attributes()).isEmpty();
  }

  @Test
  void allowedRelationships_ListsTypesInDataFileOrder_ForAComponentAndItsService() {
    assertThat(metamodel.allowedRelationships("ApplicationComponent", "ApplicationService"))
        .extracting(RelationshipType::name)
        .containsExactly(
            "Assignment", "Realization", "Serving", "Association", "Triggering", "Flow");
  }

  @Test
  void isAllowed_IsFalse_WhenAnyNameIsUnknown() {
    assertThat(metamodel.isAllowed("Serves", "ApplicationComponent", "BusinessProcess")).isFalse();
    assertThat(metamodel.isAllowed("Serving", "AppComponent", "BusinessProcess")).isFalse();
    assertThat(metamodel.isAllowed("Serving", "ApplicationComponent", null)).isFalse();
    assertThat(metamodel.allowedRelationships("Nope", "Node")).isEmpty();
  }

  @Test
  void isAllowed_TreatsBothJunctionsAsTheJunctionConcept_ForEveryTarget() {
    for (String target : metamodel.concepts()) {
      List<RelationshipType> junction = metamodel.allowedRelationships("Junction", target);
      assertThat(metamodel.allowedRelationships("AndJunction", target)).isEqualTo(junction);
      assertThat(metamodel.allowedRelationships("OrJunction", target)).isEqualTo(junction);
      assertThat(metamodel.allowedRelationships(target, "AndJunction"))
          .isEqualTo(metamodel.allowedRelationships(target, "OrJunction"));
    }
    assertThat(metamodel.concepts()).hasSize(62).contains("Junction", Metamodel.RELATIONSHIP);
  }

  @Test
  void viewpoint_AllowsOnlyItsConcepts_ForApplicationCooperation() {
    Viewpoint vp = metamodel.viewpoint("ApplicationCooperation").orElseThrow();
    assertThat(vp.category()).isEqualTo(ViewpointCategory.COOPERATION);
    assertThat(vp.allows("ApplicationComponent")).isTrue();
    assertThat(vp.allows("Location")).isTrue();
    assertThat(vp.allows("Node")).isFalse();
  }

  @Test
  void viewpoints_AllowGroupingAndJunctions_InEveryViewpoint() {
    assertThat(metamodel.viewpoints())
        .allSatisfy(
            vp -> assertThat(vp.elementTypes()).contains("Grouping", "AndJunction", "OrJunction"));
  }

  @Test
  void viewpoint_LayeredAllowsEveryElementType_WhenLookedUpByExchangeName() {
    Viewpoint layered = metamodel.viewpointByExchangeName("Layered").orElseThrow();
    assertThat(layered.elementTypes())
        .containsExactlyElementsOf(
            metamodel.elementTypes().stream().map(ElementType::name).toList());
    assertThat(metamodel.viewpointByExchangeName("Implementation and Deployment"))
        .map(Viewpoint::id)
        .contains("ImplementationAndDeployment");
  }

  @Test
  void viewpointIds_ArePascalCaseOfTheExchangeName_ForEveryViewpoint() {
    assertThat(metamodel.viewpoints())
        .allSatisfy(vp -> assertThat(vp.id()).isEqualTo(pascalCase(vp.nameEn())));
  }

  @ParameterizedTest
  @EnumSource(ViewpointCategory.class)
  void viewpoints_CoverEveryCategory_ForEachCategory(ViewpointCategory category) {
    assertThat(metamodel.viewpoints()).anyMatch(vp -> vp.category() == category);
  }

  @Test
  void vnEgovProfile_IsShipped_WithItsSpecializationsOnTheirArchiMateTypes() {
    assertThat(metamodel.profiles()).extracting(p -> p.id()).containsExactly("vn-egov");
    assertThat(metamodel.specializations()).hasSize(25);
    assertThat(metamodel.specialization("Agency").orElseThrow().elementType())
        .isEqualTo("BusinessActor");
    assertThat(metamodel.specialization("Application").orElseThrow().elementType())
        .isEqualTo("ApplicationComponent");
    assertThat(metamodel.specialization("Database").orElseThrow().elementType())
        .isEqualTo("DataObject");
    assertThat(metamodel.specializationsFor("ApplicationComponent"))
        .extracting(s -> s.id())
        .containsExactlyInAnyOrder("Application", "Platform");
    // the test fixture profile is not shipped
    assertThat(metamodel.specialization("InformationSystem")).isEmpty();
    var level = metamodel.specialization("Application").orElseThrow().property("securityLevel");
    assertThat(level).isPresent();
    assertThat(level.get().validate(6L)).isNotEmpty();
    assertThat(level.get().validate(3L)).isEmpty();
  }

  @Test
  void lists_AreUnmodifiable_WhenCallerTriesToChangeThem() {
    assertThatThrownBy(() -> metamodel.elementTypes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> metamodel.viewpoints().get(0).elementTypes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void fromDirectory_LoadsTheSameTable_AsFromClasspath(@TempDir Path root) {
    TestSupport.copyShippedTo(root);
    Metamodel fromDisk = MetamodelLoader.fromDirectory(root, List.of());
    assertThat(fromDisk.elementTypes()).isEqualTo(metamodel.elementTypes());
    assertThat(fromDisk.viewpoints()).isEqualTo(metamodel.viewpoints());
    for (String source : metamodel.concepts()) {
      for (String target : metamodel.concepts()) {
        assertThat(fromDisk.allowedRelationships(source, target))
            .isEqualTo(metamodel.allowedRelationships(source, target));
      }
    }
  }

  private RelationshipType type(String name) {
    return metamodel.relationshipType(name).orElseThrow();
  }

  private static String pascalCase(String exchangeName) {
    StringBuilder sb = new StringBuilder();
    for (String word : exchangeName.split(" ")) {
      sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return sb.toString();
  }
}
