package vn.eams.graphql;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.dataloader.DataLoader;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.Element;
import vn.eams.model.GraphMapping;
import vn.eams.model.Relationship;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.ProblemException;

/**
 * The fields of elements (every generated element type) and relationships. Whatever needs the graph
 * goes through the request's {@link GraphLoader}.
 */
final class ElementFields {

  private final Metamodel metamodel;
  private final EamsConfig.Graphql limits;

  ElementFields(Metamodel metamodel, EamsConfig.Graphql limits) {
    this.metamodel = metamodel;
    this.limits = limits;
  }

  /** The fetcher of every field of an element type. */
  DataFetcher<Object> element() {
    return this::elementField;
  }

  /** The fetcher of every field of Relationship. */
  DataFetcher<Object> relationship() {
    return this::relationshipField;
  }

  static DataLoader<GraphLoader.Key, GraphLoader.Loaded> loader(DataFetchingEnvironment env) {
    return env.getDataLoader(GraphLoader.NAME);
  }

  /** The element with this id (empty id: null), through the loader. */
  static CompletableFuture<Element> element(DataFetchingEnvironment env, String id) {
    if (id == null || id.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return loader(env)
        .load(GraphLoader.Key.element(id, Projection.of(env)))
        .thenApply(ElementFields::toElement);
  }

  /**
   * The element with this id, read together with what the query asks of it one level down: the keys
   * of its selected convenience fields ({@code applications}, {@code databases}, {@code domains},
   * {@code integrations}) and connections ({@code outgoing}, {@code incoming}) go into the same
   * batch as the element's, so one statement answers both levels and the fields find their answers
   * in the loader's cache. The fields are found in the query's syntax tree (through inline
   * fragments and fragment spreads), which costs far less than graphql-java's normalized selection
   * set. A field with a directive, or whose arguments are wrong, is not read ahead: it is read when
   * it is fetched, and reports its own error.
   */
  static CompletableFuture<Element> elementAhead(
      DataFetchingEnvironment env, String id, EamsConfig.Graphql limits) {
    if (id == null || id.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    DataLoader<GraphLoader.Key, GraphLoader.Loaded> loader = loader(env);
    // the fields one level down by the name they answer under, as graphql-java merges them
    Map<String, List<Field>> below = new LinkedHashMap<>();
    for (Field root : env.getMergedField().getFields()) {
      if (root.getSelectionSet() != null) {
        ahead(
            root.getSelectionSet(),
            env,
            f -> below.computeIfAbsent(f.getResultKey(), n -> new ArrayList<>(1)).add(f));
      }
    }
    for (List<Field> fields : below.values()) {
      GraphLoader.Key key = aheadKey(fields, env, id, limits);
      if (key != null) {
        loader.load(key);
      }
    }
    return loader
        .load(GraphLoader.Key.element(id, Projection.of(env)))
        .thenApply(ElementFields::toElement);
  }

  /** The fields of a selection set, looking into its fragments. */
  private static void ahead(SelectionSet set, DataFetchingEnvironment env, Consumer<Field> field) {
    for (Selection<?> s : set.getSelections()) {
      if (s instanceof Field f) {
        field.accept(f);
      } else if (s instanceof InlineFragment i && i.getDirectives().isEmpty()) {
        ahead(i.getSelectionSet(), env, field);
      } else if (s instanceof FragmentSpread spread && spread.getDirectives().isEmpty()) {
        FragmentDefinition d = env.getFragmentsByName().get(spread.getName());
        if (d != null) {
          ahead(d.getSelectionSet(), env, field);
        }
      }
    }
  }

  /**
   * The key that the field (written once or more under one name) will ask the loader for when it is
   * fetched, or null when it is not read ahead.
   */
  private static GraphLoader.Key aheadKey(
      List<Field> fields, DataFetchingEnvironment env, String id, EamsConfig.Graphql limits) {
    for (Field f : fields) {
      if (!f.getDirectives().isEmpty()) {
        return null;
      }
    }
    Field f = fields.get(0);
    Map<String, Object> variables = env.getVariables();
    switch (f.getName()) {
      case "applications", "databases", "domains" -> {
        return GraphLoader.Key.related(
            f.getName(), id, Projection.of(fields, env.getFragmentsByName()));
      }
      case "integrations" -> {
        return GraphLoader.Key.related(f.getName(), id, null);
      }
      case "outgoing", "incoming" -> {
        boolean out = f.getName().equals("outgoing");
        try {
          Map<String, Object> args = new HashMap<>();
          for (Argument a : f.getArguments()) {
            args.put(a.getName(), value(a.getValue(), variables));
          }
          PageArgs page = PageArgs.of(args, limits.defaultPageSize(), limits.maxPageSize());
          Cursors.decode(page.after(), 1, "after");
          Cursors.decode(page.before(), 1, "before");
          return GraphLoader.Key.edges(
              id,
              out,
              names(args.get("types")),
              names(args.get(out ? "targetTypes" : "sourceTypes")),
              page);
        } catch (ProblemException
            | ClassCastException
            | IllegalArgumentException
            | ArithmeticException e) {
          return null;
        }
      }
      default -> {
        return null;
      }
    }
  }

  /** An argument's value as the field's fetcher gets it (enum values as their names). */
  private static Object value(Value<?> v, Map<String, Object> variables) {
    if (v instanceof VariableReference r) {
      return variables.get(r.getName());
    } else if (v instanceof IntValue i) {
      return i.getValue().intValueExact();
    } else if (v instanceof StringValue s) {
      return s.getValue();
    } else if (v instanceof EnumValue e) {
      return e.getName();
    } else if (v instanceof NullValue) {
      return null;
    } else if (v instanceof ArrayValue a) {
      List<Object> list = new ArrayList<>(a.getValues().size());
      for (Value<?> x : a.getValues()) {
        list.add(value(x, variables));
      }
      return list;
    }
    throw new IllegalArgumentException("not read ahead: " + v);
  }

  /** A list of type names; a single name stands for a list of one, as GraphQL coerces it. */
  @SuppressWarnings("unchecked")
  private static List<String> names(Object v) {
    return v == null ? null : v instanceof List<?> l ? (List<String>) l : List.of((String) v);
  }

  /** The elements with these ids, in order (null for an id no element has), through the loader. */
  static CompletableFuture<List<Element>> elements(DataFetchingEnvironment env, List<String> ids) {
    List<String> props = Projection.of(env);
    return loader(env)
        .loadMany(ids.stream().map(id -> GraphLoader.Key.element(id, props)).toList())
        .thenApply(loaded -> loaded.stream().map(ElementFields::toElement).toList());
  }

  /** The relationship with this id going out of element {@code source}, through the loader. */
  static CompletableFuture<Relationship> relationship(
      DataFetchingEnvironment env, String id, String source) {
    return loader(env)
        .load(GraphLoader.Key.relationship(id, source))
        .thenApply(l -> l.rows().isEmpty() ? null : GraphMapping.relationship(l.rows().get(0)));
  }

  private static Element toElement(GraphLoader.Loaded l) {
    return l.rows().isEmpty() ? null : GraphMapping.element(l.rows().get(0));
  }

  private Object elementField(DataFetchingEnvironment env) {
    Element e = env.getSource();
    String field = env.getFieldDefinition().getName();
    return switch (field) {
      case "id" -> e.id();
      case "modelId" -> e.modelId();
      case "type" -> e.type();
      case "layer" ->
          metamodel.elementType(e.type()).map(ElementType::layer).map(l -> l.token()).orElse(null);
      case "name" -> e.data().name();
      case "nameEn" -> e.data().nameEn();
      case "documentation" -> e.data().documentation();
      case "documentationEn" -> e.data().documentationEn();
      case "specialization" -> e.data().specialization();
      case "properties" -> e.data().properties();
      case "profile" -> e.data().profile();
      case "folderId" -> e.data().folderId();
      case "validFrom" -> e.data().validFrom().map(Object::toString).orElse(null);
      case "validTo" -> e.data().validTo().map(Object::toString).orElse(null);
      case "version" -> e.version();
      case "createdAt" -> e.createdAt() == null ? null : e.createdAt().toString();
      case "updatedAt" -> e.updatedAt() == null ? null : e.updatedAt().toString();
      case "outgoing" -> edges(env, e, true);
      case "incoming" -> edges(env, e, false);
      case "applications", "databases", "domains" ->
          loader(env)
              .load(GraphLoader.Key.related(field, e.id(), Projection.of(env)))
              .thenApply(l -> l.rows().stream().map(GraphMapping::element).toList());
      case "integrations" ->
          loader(env)
              .load(GraphLoader.Key.related(field, e.id(), null))
              .thenApply(l -> l.rows().stream().map(GraphMapping::relationship).toList());
      default -> profileField(env, e, field);
    };
  }

  private Object profileField(DataFetchingEnvironment env, Element e, String field) {
    Object v = e.data().profile().get(field);
    String type = GraphQLTypeUtil.simplePrint(GraphQLTypeUtil.unwrapAll(env.getFieldType()));
    if (v == null) {
      return null;
    }
    return switch (type) {
      case "Element" -> element(env, v.toString());
      case "Int" -> v instanceof Number n ? n.intValue() : null;
      case "Float" -> v instanceof Number n ? n.doubleValue() : null;
      case "Boolean" -> v instanceof Boolean b ? b : null;
      default -> v.toString();
    };
  }

  @SuppressWarnings("unchecked")
  private CompletableFuture<Map<String, Object>> edges(
      DataFetchingEnvironment env, Element e, boolean out) {
    PageArgs page = PageArgs.of(env, limits.defaultPageSize(), limits.maxPageSize());
    Cursors.decode(page.after(), 1, "after");
    Cursors.decode(page.before(), 1, "before");
    List<String> types = env.getArgument("types");
    List<String> others = env.getArgument(out ? "targetTypes" : "sourceTypes");
    return loader(env)
        .load(GraphLoader.Key.edges(e.id(), out, types, others, page))
        .thenApply(
            l ->
                page.connection(
                    l.rows().stream().map(GraphMapping::relationship).toList(),
                    l.total(),
                    r -> Cursors.encode(r.id())));
  }

  private Object relationshipField(DataFetchingEnvironment env) {
    Relationship r = env.getSource();
    return switch (env.getFieldDefinition().getName()) {
      case "id" -> r.id();
      case "modelId" -> r.modelId();
      case "type" -> r.type();
      case "name" -> r.data().name();
      case "nameEn" -> r.data().nameEn();
      case "documentation" -> r.data().documentation();
      case "specialization" -> r.data().specialization();
      case "properties" -> r.data().properties();
      case "accessType" -> r.data().accessType();
      case "influenceStrength" -> r.data().influenceStrength();
      case "isDirected" -> r.data().directed();
      case "sourceId" -> r.data().sourceId();
      case "targetId" -> r.data().targetId();
      case "source" -> element(env, r.data().sourceId());
      case "target" -> element(env, r.data().targetId());
      case "version" -> r.version();
      default -> null;
    };
  }
}
