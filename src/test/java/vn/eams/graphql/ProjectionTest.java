package vn.eams.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The stored properties that a selection on an element needs. */
class ProjectionTest {

  /** The projection of the first field of the query's operation. */
  private static List<String> of(String query) {
    Document d = Parser.parse(query);
    OperationDefinition op = d.getDefinitionsOfType(OperationDefinition.class).get(0);
    Field root = (Field) op.getSelectionSet().getSelections().get(0);
    Map<String, FragmentDefinition> fragments =
        d.getDefinitionsOfType(FragmentDefinition.class).stream()
            .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
    return Projection.of(List.of(root), fragments);
  }

  @Test
  void storedFields_AndTypedProfileFields_AreRead_WithTheIdAndTheType() {
    assertThat(of("{ element(id: \"x\") { name ... on ApplicationComponent { securityLevel } } }"))
        .containsExactly("id", "name", "p_securityLevel", "type");
    assertThat(of("{ element(id: \"x\") { __typename layer outgoing { totalCount } } }"))
        .containsExactly("id", "type");
    assertThat(
            of(
                "{ element(id: \"x\") { version createdAt updatedAt validFrom validTo modelId"
                    + " nameEn documentation documentationEn specialization folderId } }"))
        .containsExactly(
            "createdAt",
            "documentation",
            "documentationEn",
            "folderId",
            "id",
            "modelId",
            "nameEn",
            "specialization",
            "type",
            "updatedAt",
            "validFrom",
            "validTo",
            "version");
  }

  @Test
  void fragments_AreLookedInto_WhateverTheirDirectives() {
    assertThat(
            of(
                "query($x: Boolean!) { element(id: \"x\") { ...f ... @include(if: $x) { nameEn } } }"
                    + " fragment f on ApplicationComponent { owner { id } }"))
        .containsExactly("id", "nameEn", "p_owner", "type");
  }

  @Test
  void everyProperty_IsRead_ForPropertiesOrProfile_OrAnUnknownFragment() {
    assertThat(of("{ element(id: \"x\") { name properties { key } } }")).isNull();
    assertThat(of("{ element(id: \"x\") { ... on Element { profile } } }")).isNull();
    assertThat(of("{ element(id: \"x\") { ...missing } }")).isNull();
  }

  @Test
  void theSameSelection_GivesTheSameList_InWhateverOrderItIsWritten() {
    assertThat(of("{ element(id: \"x\") { name documentation } }"))
        .isEqualTo(of("{ element(id: \"x\") { documentation name name } }"));
  }
}
