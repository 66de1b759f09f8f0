package vn.eams.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code JSON} scalar: any JSON value, passed through as maps, lists and scalars. */
final class JsonScalar {

  private JsonScalar() {}

  static final GraphQLScalarType JSON =
      GraphQLScalarType.newScalar()
          .name("JSON")
          .description("Any JSON value.")
          .coercing(
              new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, GraphQLContext context, Locale locale) {
                  return value;
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                  return input;
                }

                @Override
                public Object parseLiteral(
                    Value<?> input,
                    CoercedVariables variables,
                    GraphQLContext context,
                    Locale locale) {
                  return literal(input, variables);
                }
              })
          .build();

  private static Object literal(Value<?> v, CoercedVariables variables) {
    if (v instanceof VariableReference r) {
      return variables.get(r.getName());
    }
    if (v instanceof ObjectValue o) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (ObjectField f : o.getObjectFields()) {
        m.put(f.getName(), literal(f.getValue(), variables));
      }
      return m;
    }
    if (v instanceof ArrayValue a) {
      List<Object> list = new ArrayList<>();
      a.getValues().forEach(x -> list.add(literal(x, variables)));
      return list;
    }
    if (v instanceof IntValue i) {
      return i.getValue().longValue();
    }
    if (v instanceof FloatValue f) {
      return f.getValue();
    }
    if (v instanceof StringValue s) {
      return s.getValue();
    }
    if (v instanceof BooleanValue b) {
      return b.isValue();
    }
    if (v instanceof EnumValue e) {
      return e.getName();
    }
    if (v instanceof NullValue) {
      return null;
    }
    return null;
  }
}
