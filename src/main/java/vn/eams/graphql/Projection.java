package vn.eams.graphql;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.eams.model.GraphMapping;

/**
 * The stored properties of an element that a query's selection on it needs, so that the loader
 * reads those and not the element's every property ({@link GraphLoader.Key#props()}). The id and
 * the type are always read: the type decides the element's GraphQL type, the id is what its
 * connections and convenience fields are read by. A field that shows every property ({@code
 * properties}, {@code profile}) means all of them (null).
 */
final class Projection {

  /** Fields read from the stored property of the same name. */
  private static final Set<String> STORED =
      Set.of(
          "modelId",
          "name",
          "nameEn",
          "documentation",
          "documentationEn",
          "specialization",
          "folderId",
          "validFrom",
          "validTo",
          "version",
          "createdAt",
          "updatedAt");

  /** Fields that need every stored property. */
  private static final Set<String> ALL = Set.of("properties", "profile");

  private Projection() {}

  /** What the field being fetched asks of the element(s) it answers; null = everything. */
  static List<String> of(DataFetchingEnvironment env) {
    return of(env.getMergedField().getFields(), env.getFragmentsByName());
  }

  /**
   * What these fields (one field of the query, perhaps written more than once) ask of the
   * element(s) they answer, in a fixed order, so that the same selection makes the same loader key;
   * null = everything.
   */
  static List<String> of(List<Field> fields, Map<String, FragmentDefinition> fragments) {
    Set<String> props = new TreeSet<>(List.of("id", "type"));
    for (Field f : fields) {
      if (f.getSelectionSet() == null || !add(f.getSelectionSet(), fragments, props)) {
        return null;
      }
    }
    return List.copyOf(props);
  }

  /**
   * Adds what a selection set needs, through its fragments (whatever their directives say: reading
   * a property too many costs less than a statement more); false when it needs everything.
   */
  private static boolean add(
      SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> props) {
    for (Selection<?> s : set.getSelections()) {
      boolean some = true;
      if (s instanceof Field f) {
        some = add(f.getName(), props);
      } else if (s instanceof InlineFragment i) {
        some = add(i.getSelectionSet(), fragments, props);
      } else if (s instanceof FragmentSpread spread) {
        FragmentDefinition d = fragments.get(spread.getName());
        some = d != null && add(d.getSelectionSet(), fragments, props);
      }
      if (!some) {
        return false;
      }
    }
    return true;
  }

  private static boolean add(String field, Set<String> props) {
    if (ALL.contains(field)) {
      return false;
    }
    if (STORED.contains(field)) {
      props.add(field);
    } else if (!MetamodelTypes.RESERVED.contains(field) && !field.startsWith("__")) {
      // a typed field of the profile (securityLevel, owner, ...); the other fields of the
      // interface and the convenience fields need only the id and the type
      props.add(GraphMapping.PROFILE_PREFIX + field);
    }
    return true;
  }
}
