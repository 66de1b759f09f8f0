package vn.eams.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import graphql.introspection.IntrospectionQuery;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;

/** The schema: the hand-written core plus one type per element type, generated at start. */
@QuarkusTest
class GraphQlSchemaTest {

  @Inject GraphQlEngine engine;
  @Inject Metamodel metamodel;

  @Test
  void schema_HasAnObjectTypeImplementingElement_ForEachOfThe60ElementTypes() {
    assertThat(metamodel.elementTypes().stream().filter(t -> !t.isJunction())).hasSize(60);
    GraphQLInterfaceType element = (GraphQLInterfaceType) engine.schema().getType("Element");
    for (ElementType t : metamodel.elementTypes()) {
      GraphQLObjectType type = engine.schema().getObjectType(t.name());
      assertThat(type).as(t.name()).isNotNull();
      assertThat(type.getInterfaces()).as(t.name()).contains(element);
    }
    // the 60 element types, and AndJunction and OrJunction
    assertThat(engine.schema().getImplementations(element)).hasSize(62);
  }

  @Test
  void warmUpQueries_RunWithoutErrors_OnTheShippedModel() {
    // they are valid against the schema and answer: a schema change that broke them would leave
    // the first department query of every start cold again
    assertThat(GraphQlWarmUp.warmQueries(engine)).isEmpty();
  }

  @Test
  void schema_TypesProfileProperties_OnTheTypesThatCarryThem() {
    GraphQLObjectType app = engine.schema().getObjectType("ApplicationComponent");
    assertThat(GraphQLTypeUtil.simplePrint(app.getFieldDefinition("securityLevel").getType()))
        .isEqualTo("Int");
    assertThat(GraphQLTypeUtil.simplePrint(app.getFieldDefinition("owner").getType()))
        .isEqualTo("Element");
    assertThat(GraphQLTypeUtil.simplePrint(app.getFieldDefinition("lgspIntegrated").getType()))
        .isEqualTo("Boolean");
    assertThat(app.getFieldDefinition("integrations")).isNotNull();
    GraphQLObjectType actor = engine.schema().getObjectType("BusinessActor");
    assertThat(actor.getFieldDefinition("applications")).isNotNull();
    assertThat(engine.schema().getObjectType("Goal").getFieldDefinition("securityLevel")).isNull();
  }

  @Test
  void schema_TypesTheAnalysisAnswers_WithElementsRelationshipsAndEnums() {
    assertThat(type("Query", "impact")).isEqualTo("ImpactResult!");
    assertThat(type("Query", "derivedRelationships")).isEqualTo("DerivationResult!");
    assertThat(type("ImpactResult", "change")).isEqualTo("ImpactChange!");
    assertThat(type("ImpactResult", "start")).isEqualTo("[Element!]!");
    assertThat(type("ImpactSummary", "byLayer")).isEqualTo("[LayerCount!]!");
    assertThat(type("LayerCount", "layer")).isEqualTo("Layer!");
    assertThat(type("ImpactedElement", "element")).isEqualTo("Element!");
    assertThat(type("ImpactedElement", "path")).isEqualTo("[PathStep!]!");
    assertThat(type("PathStep", "relationship")).isEqualTo("Relationship!");
    assertThat(type("DerivedRelationship", "type")).isEqualTo("RelationshipType!");
    assertThat(type("DerivedRelationship", "source")).isEqualTo("Element!");
    assertThat(type("DerivationResult", "derived")).isEqualTo("[DerivedRelationship!]!");
  }

  private String type(String object, String field) {
    return GraphQLTypeUtil.simplePrint(
        engine.schema().getObjectType(object).getFieldDefinition(field).getType());
  }

  @Test
  void introspection_ListsTheGeneratedTypesAndEnums() {
    GraphQl.post("{ __schema { types { name } } }")
        .body(
            "data.__schema.types.name",
            hasItems("ApplicationComponent", "BusinessActor", "Element", "ElementConnection"));
    GraphQl.post("{ __type(name: \"ElementType\") { enumValues { name } } }")
        .body("data.__type.enumValues.name", hasItems("ApplicationComponent", "DataObject"));
    GraphQl.post("{ __type(name: \"RelationshipType\") { enumValues { name } } }")
        .body("data.__type.enumValues.name", hasItem("Serving"))
        .body("data.__type.enumValues.size()", equalTo(11));
  }

  @Test
  void introspection_TheFullQueryOfGraphQlTools_PassesTheLimits() {
    GraphQl.post(IntrospectionQuery.INTROSPECTION_QUERY)
        .body("errors", nullValue())
        .body("data.__schema.queryType.name", equalTo("Query"));
  }
}
