package vn.eams.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Layer;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.Propagation.Change;
import vn.eams.metamodel.RelationshipType;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Impact analysis and derivation of relationships on the models' projections: what the REST API
 * (and the pages) answer.
 */
@ApplicationScoped
public class ImpactService {

  /** The summary classes of an impact answer, in order (class 1, 2, ...). */
  static final List<String> SUMMARY_CLASSES =
      List.of("agencies", "publicServices", "applications", "databases");

  /** Specializations of the vn-egov profile counted in an impact summary, by class. */
  static final Map<String, String> SUMMARY_SPECIALIZATIONS =
      Map.of(
          "Agency", "agencies",
          "PublicService", "publicServices",
          "Application", "applications",
          "Platform", "applications",
          "Database", "databases");

  private final Projections projections;
  private final Metamodel metamodel;
  private final ImpactAnalysis analysis;
  private final Derivation derivation;
  private final List<ElementType> elementTypes;
  private final List<RelationshipType> relationshipTypes;

  ImpactService(Projections projections, Metamodel metamodel) {
    this.projections = projections;
    this.metamodel = metamodel;
    this.analysis = new ImpactAnalysis(metamodel);
    this.derivation = new Derivation(metamodel);
    this.elementTypes = metamodel.elementTypes();
    this.relationshipTypes = metamodel.relationshipTypes();
  }

  /**
   * An impact request, as read from the API.
   *
   * @param relationshipTypes types to follow; empty = all
   * @param layers layers to report; empty = all
   */
  public record ImpactRequest(
      List<String> start,
      Change change,
      boolean dependents,
      int maxDepth,
      List<String> relationshipTypes,
      List<Layer> layers,
      boolean includePotential,
      int limit) {}

  /** The impact of a change to the start elements; see docs/api for the shape. */
  public Map<String, Object> impact(String modelId, ImpactRequest r) {
    int typeMask = 0;
    for (String t : r.relationshipTypes()) {
      typeMask |= 1 << metamodel.relationshipTypeIndex(t);
    }
    if (r.relationshipTypes().isEmpty()) {
      typeMask = (1 << relationshipTypes.size()) - 1;
    }
    int layerMask = 0;
    for (Layer l : r.layers()) {
      layerMask |= 1 << l.ordinal();
    }
    if (r.layers().isEmpty()) {
      layerMask = -1;
    }
    int types = typeMask;
    int layers = layerMask;
    return projections.read(
        modelId,
        g -> {
          int[] starts = startNodes(g, r.start());
          try (ImpactAnalysis.Result result =
              analysis.run(
                  g,
                  new ImpactAnalysis.Query(
                      starts,
                      r.change(),
                      r.dependents(),
                      r.maxDepth(),
                      types,
                      layers,
                      r.includePotential(),
                      classOfSpec(g),
                      r.limit()))) {
            return answer(g, r, starts, result);
          }
        });
  }

  private int[] startNodes(ModelGraph g, List<String> ids) {
    int[] starts = new int[ids.size()];
    List<Problem.Error> errors = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      starts[i] = g.node(ids.get(i));
      if (starts[i] < 0) {
        errors.add(
            new Problem.Error(
                "start[" + i + "]",
                ids.get(i),
                null,
                "not-found",
                "The model has no element with this id (relationships cannot be start elements)."));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(
          "Start elements not found in model '" + g.modelId + "': check the ids.", errors);
    }
    return starts;
  }

  private Map<String, Object> answer(
      ModelGraph g, ImpactRequest r, int[] starts, ImpactAnalysis.Result result) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("modelId", g.modelId);
    m.put("seq", g.seq);
    m.put("change", r.change().token());
    m.put("direction", r.dependents() ? "dependents" : "dependencies");
    m.put("maxDepth", r.maxDepth());
    m.put("includePotential", r.includePotential());
    List<Map<String, Object>> startList = new ArrayList<>();
    for (int s : starts) {
      startList.add(node(g, s));
    }
    m.put("start", startList);
    m.put("summary", summary(g, result));
    int listed = result.order.length;
    m.put("truncated", listed < result.total);
    Integer[] shown = new Integer[listed];
    for (int i = 0; i < listed; i++) {
      shown[i] = result.order[i];
    }
    Arrays.sort(
        shown,
        Comparator.<Integer>comparingInt(result::distance)
            .thenComparingInt(n -> analysis.layer(g, n))
            .thenComparing(n -> g.names[n], String.CASE_INSENSITIVE_ORDER)
            .thenComparing(n -> g.nodeIds[n]));
    Map<String, Map<String, Object>> named = new LinkedHashMap<>();
    List<Map<String, Object>> elements = new ArrayList<>(listed);
    for (int n : shown) {
      Map<String, Object> e = node(g, n);
      e.put("distance", result.distance(n));
      e.put("potential", result.potential(n));
      int[] path = result.path(n);
      boolean[] forwards = result.pathForwards(n);
      List<Map<String, Object>> steps = new ArrayList<>(path.length);
      for (int i = 0; i < path.length; i++) {
        steps.add(step(g, path[i], forwards[i]));
        named.computeIfAbsent(g.nodeIds[g.sources[path[i]]], k -> brief(g, k));
        named.computeIfAbsent(g.nodeIds[g.targets[path[i]]], k -> brief(g, k));
      }
      e.put("path", steps);
      e.put("derived", derived(g, result.root(n), n, path, forwards));
      elements.add(e);
    }
    m.put("elements", elements);
    m.put("nodes", named);
    return m;
  }

  /** For each specialization index of the graph, its summary class (1.. by SUMMARY_CLASSES). */
  private static byte[] classOfSpec(ModelGraph g) {
    short[] specs = new short[SUMMARY_SPECIALIZATIONS.size()];
    byte[] classes = new byte[specs.length];
    int max = -1;
    int i = 0;
    for (Map.Entry<String, String> en : SUMMARY_SPECIALIZATIONS.entrySet()) {
      specs[i] = g.specializations.of(en.getKey());
      classes[i] = (byte) (SUMMARY_CLASSES.indexOf(en.getValue()) + 1);
      max = Math.max(max, specs[i]);
      i++;
    }
    byte[] classOf = new byte[max + 1];
    for (int k = 0; k < specs.length; k++) {
      classOf[specs[k]] = classes[k];
    }
    return classOf;
  }

  private Map<String, Object> summary(ModelGraph g, ImpactAnalysis.Result result) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("elements", result.total);
    s.put("potential", result.potentialCount);
    Map<String, Integer> layers = new LinkedHashMap<>();
    for (Layer l : Layer.values()) {
      if (result.byLayer[l.ordinal()] > 0) {
        layers.put(l.token(), result.byLayer[l.ordinal()]);
      }
    }
    s.put("byLayer", layers);
    Map<String, Integer> distances = new LinkedHashMap<>();
    for (int d = 0; d < result.byDistance.length; d++) {
      if (result.byDistance[d] > 0) {
        distances.put(String.valueOf(d), result.byDistance[d]);
      }
    }
    s.put("byDistance", distances);
    for (int c = 0; c < SUMMARY_CLASSES.size(); c++) {
      s.put(SUMMARY_CLASSES.get(c), c + 1 < result.byClass.length ? result.byClass[c + 1] : 0);
    }
    return s;
  }

  /**
   * The relationship the path amounts to by the derivation rules: between its start element and its
   * end when the whole path derives one, else between the latest element of the path from which the
   * rest of the path derives one and the end (the part of the path that explains the end best).
   * Null for a path of one relationship or when no part of it derives anything.
   */
  private Map<String, Object> derived(
      ModelGraph g, int root, int node, int[] path, boolean[] forwards) {
    int from = root;
    for (int k = 0; k + 1 < path.length; k++) {
      int[] edges = Arrays.copyOfRange(path, k, path.length);
      boolean[] ways = Arrays.copyOfRange(forwards, k, forwards.length);
      Derivation.Derived best =
          derivation.fold(g, from, edges, ways).stream()
              .filter(d -> !d.rules().isEmpty())
              .min(Comparator.comparing(Derivation.Derived::potential))
              .orElse(null);
      if (best != null) {
        return derivedJson(g, best, best.forward() ? from : node, best.forward() ? node : from);
      }
      from = forwards[k] ? g.targets[path[k]] : g.sources[path[k]];
    }
    return null;
  }

  private Map<String, Object> derivedJson(ModelGraph g, Derivation.Derived d, int from, int to) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", relationshipTypes.get(d.type()).name());
    m.put("source", g.nodeIds[from]);
    m.put("target", g.nodeIds[to]);
    m.put("potential", d.potential());
    m.put("rules", d.rules());
    return m;
  }

  /** What relationships can be derived from one element to another; see docs/api. */
  public Map<String, Object> derived(
      String modelId, String from, String to, int maxLength, boolean potential) {
    return projections.read(
        modelId,
        g -> {
          int a = g.node(from);
          int b = g.node(to);
          List<Problem.Error> errors = new ArrayList<>();
          if (a < 0) {
            errors.add(
                Problem.Error.field(
                    "from", "not-found", "The model has no element '" + from + "'."));
          }
          if (b < 0) {
            errors.add(
                Problem.Error.field("to", "not-found", "The model has no element '" + to + "'."));
          }
          if (!errors.isEmpty()) {
            throw ProblemException.invalid(
                "Elements not found in model '" + modelId + "'.", errors);
          }
          Derivation.Search search = derivation.between(g, a, b, maxLength, potential, 3, 200_000);
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("modelId", modelId);
          m.put("seq", g.seq);
          m.put("from", node(g, a));
          m.put("to", node(g, b));
          m.put("maxLength", maxLength);
          m.put("complete", search.complete());
          List<Map<String, Object>> list = new ArrayList<>();
          for (Derivation.Found f : search.found()) {
            Map<String, Object> d = derivedJson(g, f.derived(), a, b);
            List<Map<String, Object>> chain = new ArrayList<>();
            for (int i = 0; i < f.edges().length; i++) {
              chain.add(step(g, f.edges()[i], f.forwards()[i]));
            }
            d.put("chain", chain);
            list.add(d);
          }
          m.put("derived", list);
          return m;
        });
  }

  private Map<String, Object> step(ModelGraph g, int e, boolean forward) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", g.edgeIds[e]);
    s.put("type", relationshipTypes.get(g.edgeTypes[e]).name());
    s.put("source", g.nodeIds[g.sources[e]]);
    s.put("target", g.nodeIds[g.targets[e]]);
    s.put("forward", forward);
    return s;
  }

  private Map<String, Object> node(ModelGraph g, int n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", g.nodeIds[n]);
    m.put("name", g.names[n]);
    if (!g.namesEn[n].isEmpty()) {
      m.put("nameEn", g.namesEn[n]);
    }
    ElementType t = elementTypes.get(g.nodeTypes[n]);
    m.put("type", t.name());
    m.put("layer", t.layer().token());
    String spec = g.specializations.id(g.nodeSpecs[n]);
    if (!spec.isEmpty()) {
      m.put("specialization", spec);
    }
    return m;
  }

  private Map<String, Object> brief(ModelGraph g, String id) {
    int n = g.node(id);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", g.names[n]);
    if (!g.namesEn[n].isEmpty()) {
      m.put("nameEn", g.namesEn[n]);
    }
    ElementType t = elementTypes.get(g.nodeTypes[n]);
    m.put("type", t.name());
    m.put("layer", t.layer().token());
    return m;
  }

  /** The status of a model's projection. */
  public Projections.Status projection(String modelId) {
    return projections.status(modelId);
  }
}
