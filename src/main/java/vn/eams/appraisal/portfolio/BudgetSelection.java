package vn.eams.appraisal.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The projects to fund under a budget ceiling: the exact optimum of the 0/1 knapsack problem (most
 * total score whose total cost fits the budget), found by depth-first branch and bound over the
 * items sorted by score per VND, bounded by the fractional (linear relaxation) optimum of the items
 * not yet decided. Costs stay whole VND: nothing is scaled or rounded.
 *
 * <p>Scores are compared to 9 decimals, exactly (as whole units of 1e-9). Ties go to the cheaper
 * combination; among combinations of the same score and cost, to the first one the search meets,
 * trying the items in order of falling score per VND (then input order), each taken before it is
 * left out — so of equal items the earlier listed is chosen. The answer depends only on the input.
 */
public final class BudgetSelection {

  /** Left out because its cost alone is above the budget. */
  public static final String OVER_BUDGET_ALONE = "over-budget-alone";

  /** Left out because a combination without it scores more (or the same, cheaper). */
  public static final String DISPLACED = "displaced";

  /**
   * The search gives up after this many branches (the problem is then too large to solve exactly).
   */
  static final long MAX_NODES = 50_000_000L;

  /** Scores are compared in units of 1e-9 (9 decimals), exactly. */
  static final double SCORE_UNITS = 1e9;

  /** The largest score of one item (so that sums of units stay exact). */
  static final double MAX_SCORE = 1e6;

  /** Room for the rounding of the fractional bounds (score units or VND). */
  private static final double SLACK = 1e-3;

  private BudgetSelection() {}

  /** A candidate: its id, cost (VND, ≥ 0) and score (≥ 0). */
  public record Item(String id, long costVnd, double score) {}

  /** An item not chosen, and why ({@link #OVER_BUDGET_ALONE} or {@link #DISPLACED}). */
  public record LeftOut(String id, String reason) {}

  /**
   * The chosen items (in input order), their totals, and the items left out (in input order).
   *
   * @param method how it was found: {@code branch-and-bound} (exact) or {@code greedy}
   */
  public record Selection(
      List<String> chosen,
      long totalCostVnd,
      double totalScore,
      long budgetVnd,
      List<LeftOut> leftOut,
      String method) {

    public Selection {
      chosen = List.copyOf(chosen);
      leftOut = List.copyOf(leftOut);
    }
  }

  /**
   * The exact optimum.
   *
   * @throws IllegalArgumentException naming {@code items[i]} for a negative cost, a negative or
   *     non-finite score or a repeated id; for a negative budget; or when the search needs more
   *     than {@value #MAX_NODES} branches
   */
  public static Selection select(List<Item> items, long budgetVnd) {
    validate(items, budgetVnd);
    Search s = new Search(items, budgetVnd);
    s.run();
    return selection(items, budgetVnd, s.best, "branch-and-bound");
  }

  /**
   * The greedy choice by score per VND (for comparison only: it is not optimal): items in falling
   * ratio order, each taken when it still fits.
   */
  public static Selection greedy(List<Item> items, long budgetVnd) {
    validate(items, budgetVnd);
    boolean[] chosen = new boolean[items.size()];
    long left = budgetVnd;
    for (int i : byRatio(items)) {
      if (items.get(i).costVnd() <= left) {
        chosen[i] = true;
        left -= items.get(i).costVnd();
      }
    }
    return selection(items, budgetVnd, chosen, "greedy");
  }

  private static void validate(List<Item> items, long budgetVnd) {
    if (budgetVnd < 0) {
      throw new IllegalArgumentException("budgetVnd: must not be negative (" + budgetVnd + ")");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      String at = "items[" + i + "]";
      if (it.id() == null || it.id().isBlank()) {
        throw new IllegalArgumentException(at + ".id: missing");
      }
      if (!ids.add(it.id())) {
        throw new IllegalArgumentException(at + ".id: '" + it.id() + "' is listed twice");
      }
      if (it.costVnd() < 0) {
        throw new IllegalArgumentException(at + ".costVnd: must not be negative");
      }
      if (!Double.isFinite(it.score()) || it.score() < 0 || it.score() > MAX_SCORE) {
        throw new IllegalArgumentException(at + ".score: must be a number from 0 to " + MAX_SCORE);
      }
    }
  }

  private static Selection selection(
      List<Item> items, long budgetVnd, boolean[] chosen, String method) {
    List<String> ids = new ArrayList<>();
    List<LeftOut> out = new ArrayList<>();
    long cost = 0;
    double score = 0;
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (chosen[i]) {
        ids.add(it.id());
        cost += it.costVnd();
        score += it.score();
      } else {
        out.add(new LeftOut(it.id(), it.costVnd() > budgetVnd ? OVER_BUDGET_ALONE : DISPLACED));
      }
    }
    return new Selection(ids, cost, score, budgetVnd, out, method);
  }

  /** Indices by falling score per VND (free items first), then input order. */
  private static List<Integer> byRatio(List<Item> items) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingDouble((Integer i) -> -ratio(items.get(i))).thenComparingInt(i -> i));
    return order;
  }

  private static double ratio(Item it) {
    if (it.costVnd() == 0) {
      return it.score() > 0 ? Double.POSITIVE_INFINITY : 0;
    }
    return it.score() / it.costVnd();
  }

  /** Depth-first branch and bound over whole VND and scores in units of 1e-9. */
  private static final class Search {
    private final List<Item> items;
    private final long[] units;
    private final int[] order;
    private final boolean[] current;
    private boolean[] best;
    private long bestScore = -1;
    private long bestCost = Long.MAX_VALUE;
    private long nodes;
    private final long budget;

    Search(List<Item> items, long budget) {
      this.items = items;
      this.budget = budget;
      this.units = new long[items.size()];
      for (int i = 0; i < units.length; i++) {
        units[i] = Math.round(items.get(i).score() * SCORE_UNITS);
      }
      this.order =
          byRatio(items).stream()
              .filter(i -> items.get(i).costVnd() <= budget)
              .mapToInt(Integer::intValue)
              .toArray();
      this.current = new boolean[items.size()];
      this.best = new boolean[items.size()];
    }

    void run() {
      dfs(0, budget, 0, 0);
    }

    private void dfs(int k, long cap, long score, long cost) {
      if (++nodes > MAX_NODES) {
        throw new IllegalArgumentException(
            "items: too many combinations to choose exactly (more than "
                + MAX_NODES
                + " branches); select among fewer items");
      }
      if (k == order.length) {
        if (score > bestScore || (score == bestScore && cost < bestCost)) {
          best = current.clone();
          bestScore = score;
          bestCost = cost;
        }
        return;
      }
      double upper = score + bound(k, cap);
      if (upper < bestScore - SLACK) {
        return; // cannot reach the best score
      }
      if (upper < bestScore + 1 - SLACK
          && cost + cheapestGain(k, bestScore - score) > bestCost - 1 + SLACK) {
        return; // can at most tie the best score, and not for at least 1 VND less
      }
      int i = order[k];
      Item it = items.get(i);
      if (it.costVnd() <= cap) {
        current[i] = true;
        dfs(k + 1, cap - it.costVnd(), score + units[i], cost + it.costVnd());
        current[i] = false;
      }
      dfs(k + 1, cap, score, cost);
    }

    /** The fractional optimum (score units) of the items order[k..] within cap. */
    private double bound(int k, long cap) {
      double b = 0;
      long left = cap;
      for (int j = k; j < order.length; j++) {
        int i = order[j];
        long c = items.get(i).costVnd();
        if (c <= left) {
          left -= c;
          b += units[i];
        } else {
          b += units[i] * ((double) left / c);
          break;
        }
      }
      return b;
    }

    /**
     * A lower bound (VND) of the cost of gaining {@code need} more score units from the items
     * order[k..]: the fractional choice by falling score per VND (+∞ when they cannot gain it).
     */
    private double cheapestGain(int k, long need) {
      long left = need;
      double c = 0;
      for (int j = k; j < order.length && left > 0; j++) {
        int i = order[j];
        if (units[i] <= 0) {
          continue;
        }
        if (units[i] <= left) {
          left -= units[i];
          c += items.get(i).costVnd();
        } else {
          c += items.get(i).costVnd() * ((double) left / units[i]);
          left = 0;
        }
      }
      return left > 0 ? Double.POSITIVE_INFINITY : c;
    }
  }
}
