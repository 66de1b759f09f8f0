package vn.eams.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import vn.eams.metamodel.Aspect;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Layer;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.RelationshipCategory;
import vn.eams.metamodel.RelationshipType;

/**
 * The derivation rules of ArchiMate 3.2 (Appendix B): the valid derivations DR1–DR8, the potential
 * derivations PDR1–PDR12 and the restrictions on which domains a derivation may cross. See
 * metamodel/README.md, section "Derivation of relationships", for each rule's wording and how it is
 * applied here.
 *
 * <p>A chain of model relationships from an element A is folded from A onwards: the relationship
 * derived so far between A and the chain's current element x is combined with the next relationship
 * between x and y by every rule whose two premises match, in either order, with x as the shared
 * element; what comes out is a relationship between A and y (from A to y, or from y to A). Each
 * result must itself pass the restrictions and be allowed by the relationship table, or the chain
 * derives nothing through it. Relationships of one type that meet in a junction count as one
 * relationship. Immutable and thread-safe.
 */
public final class Derivation {

  /**
   * A relationship derived between the chain's first element A and its current element.
   *
   * @param type index of the relationship type in {@code Metamodel.relationshipTypes()}
   * @param forward true for a relationship from A to the current element, false for one from the
   *     current element to A
   * @param potential true when a potential rule (PDR) was used anywhere in the chain
   * @param rules the rules applied, in chain order (empty for a single model relationship)
   */
  public record Derived(int type, boolean forward, boolean potential, List<String> rules) {}

  /**
   * A relationship derived from one element to another, with the chain that yields it.
   *
   * @param edges the chain's relationships (edge numbers of the graph), in order from A
   * @param forwards for each, true when the chain runs along it from source to target
   */
  record Found(Derived derived, int[] edges, boolean[] forwards) {}

  private enum Var {
    A,
    B,
    C
  }

  private enum Result {
    P,
    Q,
    WEAKEST_STRUCTURAL,
    WEAKEST_DEPENDENCY
  }

  private record Premise(Var from, Var to, IntPredicate type) {}

  private record Rule(
      String id,
      boolean potential,
      Premise p,
      Premise q,
      Var from,
      Var to,
      Result result,
      boolean groupingB) {}

  private enum Domain {
    CORE,
    STRATEGY,
    MOTIVATION,
    IMPLEMENTATION,
    NEUTRAL
  }

  private final Metamodel metamodel;
  private final List<Rule> rules;
  private final String[] concepts; // by element type index: the relationship table's concept
  private final Domain[] domains;
  private final boolean[] passive;
  private final boolean[] junction;
  private final boolean[] grouping;
  private final RelationshipCategory[] categories; // by relationship type index
  private final int specialization;
  private final int triggering;
  private final int flow;
  private final int access;
  private final int realization;
  private final int influence;
  private final int association;
  private final int[] dependencyRank;
  private final int[] structuralRank;

  /** The rules for the relationship types of {@code metamodel}. */
  public Derivation(Metamodel metamodel) {
    this.metamodel = metamodel;
    List<ElementType> types = metamodel.elementTypes();
    if (types.size() > 256 || metamodel.relationshipTypes().size() > 32) {
      throw new IllegalArgumentException(
          "The derivation's step tables hold up to 256 element types and 32 relationship types");
    }
    concepts = new String[types.size()];
    domains = new Domain[types.size()];
    passive = new boolean[types.size()];
    junction = new boolean[types.size()];
    grouping = new boolean[types.size()];
    for (int i = 0; i < types.size(); i++) {
      ElementType t = types.get(i);
      concepts[i] = t.name();
      domains[i] = domain(t.layer());
      passive[i] = t.aspect() == Aspect.PASSIVE_STRUCTURE;
      junction[i] = t.isJunction();
      grouping[i] = t.name().equals("Grouping");
    }
    List<RelationshipType> rels = metamodel.relationshipTypes();
    categories = new RelationshipCategory[rels.size()];
    dependencyRank = new int[rels.size()];
    structuralRank = new int[rels.size()];
    int dependencies = 0;
    for (int i = 0; i < rels.size(); i++) {
      categories[i] = rels.get(i).category();
      structuralRank[i] = metamodel.structuralStrength(rels.get(i));
    }
    // dependency strength: relationship-types.tsv lists them strongest first (serving, access,
    // influence, association), as it does the structural ones
    for (int i = rels.size() - 1; i >= 0; i--) {
      if (categories[i] == RelationshipCategory.DEPENDENCY) {
        dependencyRank[i] = ++dependencies;
      }
    }
    specialization = index(metamodel, "Specialization");
    triggering = index(metamodel, "Triggering");
    flow = index(metamodel, "Flow");
    access = index(metamodel, "Access");
    realization = index(metamodel, "Realization");
    influence = index(metamodel, "Influence");
    association = index(metamodel, "Association");
    int composition = index(metamodel, "Composition");
    int aggregation = index(metamodel, "Aggregation");
    int assignment = index(metamodel, "Assignment");

    IntPredicate spec = t -> t == specialization;
    IntPredicate structural = t -> categories[t] == RelationshipCategory.STRUCTURAL;
    IntPredicate dependency = t -> categories[t] == RelationshipCategory.DEPENDENCY;
    IntPredicate dynamic = t -> categories[t] == RelationshipCategory.DYNAMIC;
    IntPredicate anyButSpec = structural.or(dependency).or(dynamic);
    IntPredicate trig = t -> t == triggering;
    IntPredicate fl = t -> t == flow;
    Var a = Var.A;
    Var b = Var.B;
    Var c = Var.C;
    rules =
        List.of(
            new Rule("DR1", false, pr(a, b, spec), pr(b, c, spec), a, c, Result.P, false),
            new Rule(
                "DR2",
                false,
                pr(a, b, structural),
                pr(b, c, structural),
                a,
                c,
                Result.WEAKEST_STRUCTURAL,
                false),
            new Rule(
                "DR3", false, pr(a, b, structural), pr(b, c, dependency), a, c, Result.Q, false),
            new Rule(
                "DR4", false, pr(a, b, structural), pr(c, b, dependency), c, a, Result.Q, false),
            new Rule("DR5", false, pr(a, b, structural), pr(b, c, dynamic), a, c, Result.Q, false),
            new Rule("DR6", false, pr(a, b, structural), pr(c, b, fl), c, a, Result.Q, false),
            new Rule("DR7", false, pr(a, b, trig), pr(b, c, structural), a, c, Result.P, false),
            new Rule("DR8", false, pr(a, b, trig), pr(b, c, trig), a, c, Result.P, false),
            new Rule("PDR1", true, pr(a, b, spec), pr(b, c, anyButSpec), a, c, Result.Q, false),
            new Rule("PDR2", true, pr(a, b, spec), pr(c, b, anyButSpec), c, a, Result.Q, false),
            new Rule("PDR3", true, pr(a, b, spec), pr(a, c, anyButSpec), b, c, Result.Q, false),
            new Rule("PDR4", true, pr(a, b, spec), pr(c, a, anyButSpec), c, b, Result.Q, false),
            new Rule(
                "PDR5", true, pr(a, b, structural), pr(c, a, dependency), c, b, Result.Q, false),
            new Rule(
                "PDR6", true, pr(a, b, structural), pr(a, c, dependency), b, c, Result.Q, false),
            new Rule(
                "PDR7",
                true,
                pr(a, b, dependency),
                pr(b, c, dependency),
                a,
                c,
                Result.WEAKEST_DEPENDENCY,
                false),
            new Rule("PDR8", true, pr(a, b, fl), pr(b, c, structural), a, c, Result.P, false),
            new Rule("PDR9", true, pr(a, b, structural), pr(a, c, dynamic), b, c, Result.Q, false),
            new Rule("PDR10", true, pr(a, b, fl), pr(b, c, fl), a, c, Result.P, false),
            new Rule("PDR11", true, pr(a, b, trig), pr(c, b, structural), a, c, Result.P, false),
            new Rule(
                "PDR12",
                true,
                pr(b, a, t -> t == aggregation || t == composition),
                pr(b, c, t -> t == realization || t == assignment),
                a,
                c,
                Result.Q,
                true));
  }

  private static Premise pr(Var from, Var to, IntPredicate type) {
    return new Premise(from, to, type);
  }

  private static int index(Metamodel metamodel, String type) {
    int i = metamodel.relationshipTypeIndex(type);
    if (i < 0) {
      throw new IllegalStateException("the metamodel has no relationship type " + type);
    }
    return i;
  }

  private static Domain domain(Layer layer) {
    return switch (layer) {
      case BUSINESS, APPLICATION, TECHNOLOGY, PHYSICAL -> Domain.CORE;
      case STRATEGY -> Domain.STRATEGY;
      case MOTIVATION -> Domain.MOTIVATION;
      case IMPLEMENTATION_MIGRATION -> Domain.IMPLEMENTATION;
      case OTHER -> Domain.NEUTRAL;
    };
  }

  /** The ids of the rules, in the specification's order. */
  public List<String> ruleIds() {
    return rules.stream().map(Rule::id).toList();
  }

  /** The state after the chain's first relationship {@code edge}, taken from A. */
  Derived first(ModelGraph g, int edge, boolean forward) {
    return new Derived(g.edgeTypes[edge], forward, false, List.of());
  }

  /**
   * Combines the relationship {@code s} derived between A and x with the model relationship {@code
   * edge} between x and y (traversed from source to target when {@code forward}); the results are
   * the relationships derived between A and y.
   */
  List<Derived> step(ModelGraph g, int a, Derived s, int x, int edge, boolean forward, int y) {
    int t2 = g.edgeTypes[edge];
    int typeA = g.nodeTypes[a];
    int typeX = g.nodeTypes[x];
    int typeY = g.nodeTypes[y];
    if (junction[typeX]) {
      // one relationship drawn through a junction: the type carries on unchanged
      if (s.type() == t2 && s.forward() == forward && allowed(t2, forward, typeA, typeX, typeY)) {
        return List.of(new Derived(t2, forward, s.potential(), s.rules()));
      }
      return List.of();
    }
    Outcome[] outcomes =
        outcomes(s.type(), s.forward(), s.potential(), t2, forward, typeA, typeX, typeY);
    if (outcomes.length == 0) {
      return List.of();
    }
    List<Derived> out = new ArrayList<>(outcomes.length);
    for (Outcome o : outcomes) {
      String[] applied = s.rules().toArray(new String[s.rules().size() + 1]);
      applied[applied.length - 1] = o.rule();
      out.add(new Derived(o.type(), o.forward(), o.potential(), List.of(applied)));
    }
    return out;
  }

  /** One relationship a step derives: its type, direction, certainty and the rule applied. */
  private record Outcome(int type, boolean forward, boolean potential, String rule) {}

  private static final Outcome[] NO_OUTCOMES = {};

  /** The most step tables kept; further combinations are matched against the rules every time. */
  private static final int MAX_TABLE = 1 << 18;

  /**
   * What a step yields depends only on the types involved and the certainty so far; it is matched
   * against the rules once per combination and then looked up (the impact answer folds every listed
   * element's path, the derivation search every chain it tries).
   */
  private final ConcurrentHashMap<Long, Outcome[]> steps = new ConcurrentHashMap<>();

  private Outcome[] outcomes(
      int t1, boolean f1, boolean p1, int t2, boolean f2, int typeA, int typeX, int typeY) {
    // element type indexes take 8 bits each (the constructor checks), relationship types 5
    long key =
        (long) t1 << 32
            | (long) t2 << 27
            | (f1 ? 1L << 26 : 0)
            | (f2 ? 1L << 25 : 0)
            | (p1 ? 1L << 24 : 0)
            | (long) typeA << 16
            | (long) typeX << 8
            | typeY;
    Outcome[] found = steps.get(key);
    if (found != null) {
      return found;
    }
    // roles: 0 = A, 1 = x, 2 = y; each fact as (from role, to role, type)
    int[] fact1 = f1 ? new int[] {0, 1, t1} : new int[] {1, 0, t1};
    int[] fact2 = f2 ? new int[] {1, 2, t2} : new int[] {2, 1, t2};
    int[] roleTypes = {typeA, typeX, typeY};
    Derived s = new Derived(t1, f1, p1, List.of());
    List<Derived> out = new ArrayList<>(2);
    for (Rule r : rules) {
      match(r, fact1, fact2, roleTypes, s, out);
      match(r, fact2, fact1, roleTypes, s, out);
    }
    Outcome[] result = NO_OUTCOMES;
    if (!out.isEmpty()) {
      result = new Outcome[out.size()];
      for (int i = 0; i < result.length; i++) {
        Derived d = out.get(i);
        result[i] = new Outcome(d.type(), d.forward(), d.potential(), d.rules().get(0));
      }
    }
    if (steps.size() < MAX_TABLE) {
      steps.putIfAbsent(key, result);
    }
    return result;
  }

  private void match(Rule r, int[] fp, int[] fq, int[] roleTypes, Derived s, List<Derived> out) {
    if (!r.p().type().test(fp[2]) || !r.q().type().test(fq[2])) {
      return;
    }
    int[] bind = {-1, -1, -1};
    if (!bind(bind, r.p(), fp) || !bind(bind, r.q(), fq)) {
      return;
    }
    int from = bind[r.from().ordinal()];
    int to = bind[r.to().ordinal()];
    if (from < 0 || to < 0 || from + to != 2 || from == to) {
      return; // the conclusion must join A (0) and y (2)
    }
    if (r.groupingB() && !grouping[roleTypes[bind[Var.B.ordinal()]]]) {
      return;
    }
    int type =
        switch (r.result()) {
          case P -> fp[2];
          case Q -> fq[2];
          case WEAKEST_STRUCTURAL -> structuralRank[fp[2]] <= structuralRank[fq[2]] ? fp[2] : fq[2];
          case WEAKEST_DEPENDENCY -> dependencyRank[fp[2]] <= dependencyRank[fq[2]] ? fp[2] : fq[2];
        };
    boolean forward = from == 0;
    if (!allowed(type, forward, roleTypes[0], roleTypes[1], roleTypes[2])) {
      return;
    }
    boolean potential = s.potential() || r.potential();
    for (Derived d : out) {
      if (d.type() == type && d.forward() == forward && (!d.potential() || potential)) {
        return; // already derived, at least as certainly
      }
    }
    List<String> applied = new ArrayList<>(s.rules().size() + 1);
    applied.addAll(s.rules());
    applied.add(r.id());
    out.removeIf(d -> d.type() == type && d.forward() == forward && d.potential() && !potential);
    out.add(new Derived(type, forward, potential, List.copyOf(applied)));
  }

  private static boolean bind(int[] bind, Premise p, int[] fact) {
    int f = p.from().ordinal();
    int t = p.to().ordinal();
    if ((bind[f] >= 0 && bind[f] != fact[0]) || (bind[t] >= 0 && bind[t] != fact[1])) {
      return false;
    }
    bind[f] = fact[0];
    bind[t] = fact[1];
    return true;
  }

  /**
   * The restrictions of Appendix B and the relationship table, for a relationship of {@code type}
   * derived between A and y (from A to y when {@code forward}) through the intermediary x.
   */
  boolean allowed(int type, boolean forward, int typeA, int typeX, int typeY) {
    int source = forward ? typeA : typeY;
    int target = forward ? typeY : typeA;
    if (!metamodel.isAllowed(
        metamodel.relationshipTypes().get(type), concepts[source], concepts[target])) {
      return false;
    }
    Domain ds = domains[source];
    Domain dt = domains[target];
    // no derivation through an intermediary of a third domain
    Domain dx = domains[typeX];
    if (dx != Domain.NEUTRAL
        && (ds != Domain.NEUTRAL || dt != Domain.NEUTRAL)
        && dx != ds
        && dx != dt) {
      return false;
    }
    if (ds != dt && ds != Domain.NEUTRAL && dt != Domain.NEUTRAL) {
      // derivation between core and motivation, strategy or implementation & migration elements:
      // realization and influence only, and of those ...
      if (type != realization && type != influence) {
        return false;
      }
      if (dt == Domain.STRATEGY && type != realization) {
        return false; // core or implementation & migration to strategy: realization only
      }
      if (ds == Domain.IMPLEMENTATION && dt == Domain.CORE && type != realization) {
        return false; // implementation & migration to core: realization only
      }
      if (dt != Domain.MOTIVATION && type == influence) {
        return false; // influence is derived only towards motivation elements
      }
    }
    // access only to passive structure; to passive structure, of the dependencies only access
    if (type == access && !passive[target]) {
      return false;
    }
    return !(passive[target]
        && categories[type] == RelationshipCategory.DEPENDENCY
        && type != access
        && type != association);
  }

  /** The relationships derived along a whole chain from A, or none. */
  List<Derived> fold(ModelGraph g, int a, int[] edges, boolean[] forwards) {
    if (edges.length == 0) {
      return List.of();
    }
    List<Derived> states = List.of(first(g, edges[0], forwards[0]));
    int x = forwards[0] ? g.targets[edges[0]] : g.sources[edges[0]];
    for (int i = 1; i < edges.length && !states.isEmpty(); i++) {
      int y = forwards[i] ? g.targets[edges[i]] : g.sources[edges[i]];
      List<Derived> next = new ArrayList<>();
      for (Derived s : states) {
        for (Derived d : step(g, a, s, x, edges[i], forwards[i], y)) {
          if (next.stream().noneMatch(n -> n.type() == d.type() && n.forward() == d.forward())) {
            next.add(d);
          }
        }
      }
      states = next;
      x = y;
    }
    return states;
  }

  /**
   * What relationships can be derived from {@code from} to {@code to}: every chain of at most
   * {@code maxLength} model relationships (at least two) from one to the other, followed in either
   * direction without visiting an element twice, whose fold yields a relationship from {@code from}
   * to {@code to}. Per derived type and certainty the shortest chains are kept (at most {@code
   * perType}), valid before potential.
   *
   * @param budget the most relationship steps to try; the answer says whether it sufficed
   */
  Search between(
      ModelGraph g, int from, int to, int maxLength, boolean potential, int perType, int budget) {
    List<Found> found = new ArrayList<>();
    int[] edges = new int[maxLength];
    boolean[] forwards = new boolean[maxLength];
    boolean[] onPath = new boolean[g.nodeCount];
    onPath[from] = true;
    int[] steps = {0};
    List<List<Derived>> stack = new ArrayList<>();
    for (int i = 0; i <= maxLength; i++) {
      stack.add(null);
    }
    dfs(
        g, from, to, from, 0, maxLength, potential, edges, forwards, onPath, stack, found, steps,
        budget);
    Map<String, List<Found>> byType = new LinkedHashMap<>();
    found.sort(
        Comparator.<Found>comparingInt(f -> f.derived().potential() ? 1 : 0)
            .thenComparingInt(f -> f.edges().length)
            .thenComparing(f -> Arrays.toString(f.edges())));
    List<Found> kept = new ArrayList<>();
    for (Found f : found) {
      List<Found> same =
          byType.computeIfAbsent(
              f.derived().type() + "/" + f.derived().potential(), k -> new ArrayList<>());
      if (same.size() < perType) {
        same.add(f);
        kept.add(f);
      }
    }
    return new Search(kept, steps[0] < budget);
  }

  /** The answer of {@link #between}: the chains found, and whether the search was complete. */
  record Search(List<Found> found, boolean complete) {}

  private void dfs(
      ModelGraph g,
      int a,
      int b,
      int x,
      int depth,
      int maxLength,
      boolean potential,
      int[] edges,
      boolean[] forwards,
      boolean[] onPath,
      List<List<Derived>> stack,
      List<Found> found,
      int[] steps,
      int budget) {
    for (int dir = 0; dir < 2; dir++) {
      boolean forward = dir == 0;
      long[] adj = g.all.adj;
      int from = g.all.start(x) + (forward ? 0 : g.all.outCount(x));
      int to = from + (forward ? g.all.outCount(x) : g.all.inCount(x));
      for (int i = from; i < to; i++) {
        if (++steps[0] >= budget) {
          return;
        }
        int e = ModelGraph.edgeOf(adj[i]);
        int y = ModelGraph.other(adj[i]);
        if (onPath[y]) {
          continue;
        }
        List<Derived> states;
        if (depth == 0) {
          states = List.of(first(g, e, forward));
        } else {
          states = new ArrayList<>();
          for (Derived s : stack.get(depth)) {
            for (Derived d : step(g, a, s, x, e, forward, y)) {
              if (potential || !d.potential()) {
                states.add(d);
              }
            }
          }
          if (states.isEmpty()) {
            continue;
          }
        }
        edges[depth] = e;
        forwards[depth] = forward;
        if (y == b) {
          if (depth > 0) {
            for (Derived d : states) {
              if (d.forward() && !d.rules().isEmpty()) {
                found.add(
                    new Found(
                        d, Arrays.copyOf(edges, depth + 1), Arrays.copyOf(forwards, depth + 1)));
              }
            }
          }
          continue;
        }
        if (depth + 1 < maxLength) {
          stack.set(depth + 1, states);
          onPath[y] = true;
          dfs(
              g, a, b, y, depth + 1, maxLength, potential, edges, forwards, onPath, stack, found,
              steps, budget);
          onPath[y] = false;
        }
      }
    }
  }
}
