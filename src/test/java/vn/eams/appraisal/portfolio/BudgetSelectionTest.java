package vn.eams.appraisal.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.eams.appraisal.portfolio.BudgetSelection.Item;
import vn.eams.appraisal.portfolio.BudgetSelection.LeftOut;
import vn.eams.appraisal.portfolio.BudgetSelection.Selection;

class BudgetSelectionTest {

  static final long BN = 1_000_000_000L;

  @Test
  void optimum_BeatsGreedyByScorePerCost() {
    // budget 10 bn. Score per bn: A 0.7/6 = 0.1167, B = C = 0.5/5 = 0.1; D costs 12 bn > budget.
    // greedy: A (6 bn), then 4 bn left: neither B nor C fits → {A}, score 0.7
    // optimum: {B, C}, 10 bn, score 1.0 ({A} alone 0.7; A+B = 11 bn does not fit)
    List<Item> items =
        List.of(
            new Item("A", 6 * BN, 0.7),
            new Item("B", 5 * BN, 0.5),
            new Item("C", 5 * BN, 0.5),
            new Item("D", 12 * BN, 0.9));
    Selection greedy = BudgetSelection.greedy(items, 10 * BN);
    assertThat(greedy.chosen()).containsExactly("A");
    assertThat(greedy.totalScore()).isCloseTo(0.7, within(1e-12));

    Selection best = BudgetSelection.select(items, 10 * BN);
    assertThat(best.chosen()).containsExactly("B", "C");
    assertThat(best.totalCostVnd()).isEqualTo(10 * BN);
    assertThat(best.totalScore()).isCloseTo(1.0, within(1e-12));
    assertThat(best.method()).isEqualTo("branch-and-bound");
    assertThat(best.leftOut())
        .containsExactly(
            new LeftOut("A", BudgetSelection.DISPLACED),
            new LeftOut("D", BudgetSelection.OVER_BUDGET_ALONE));
    assertThat(best.totalScore()).isGreaterThan(greedy.totalScore());
  }

  @Test
  void ties_GoToTheCheaperCombination_ThenTheEarlierListed() {
    // equal scores, equal costs: the first listed wins, whatever the order
    assertThat(
            BudgetSelection.select(
                    List.of(new Item("X", 5 * BN, 0.5), new Item("Y", 5 * BN, 0.5)), 5 * BN)
                .chosen())
        .containsExactly("X");
    assertThat(
            BudgetSelection.select(
                    List.of(new Item("Y", 5 * BN, 0.5), new Item("X", 5 * BN, 0.5)), 5 * BN)
                .chosen())
        .containsExactly("Y");
    // equal scores: the cheaper one (P, 4 bn) even though Q is listed first
    assertThat(
            BudgetSelection.select(
                    List.of(new Item("Q", 5 * BN, 0.5), new Item("P", 4 * BN, 0.5)), 5 * BN)
                .chosen())
        .containsExactly("P");
  }

  @Test
  void exactCostsInVnd_NoRounding() {
    // budget 1 000 000 001 đồng: 600 000 001 + 400 000 000 = 1 000 000 001 fits exactly
    List<Item> items =
        List.of(
            new Item("a", 600_000_001L, 0.6),
            new Item("b", 400_000_000L, 0.4),
            new Item("c", 400_000_001L, 0.45));
    // a + b = 1.0 fits (1 000 000 001); a + c = 1 000 000 002 does not; b + c = 0.85
    Selection s = BudgetSelection.select(items, 1_000_000_001L);
    assertThat(s.chosen()).containsExactly("a", "b");
    assertThat(s.totalCostVnd()).isEqualTo(1_000_000_001L);
  }

  @Test
  void emptyAndFreeItems() {
    assertThat(BudgetSelection.select(List.of(), 10).chosen()).isEmpty();
    // a free item with a score is always taken; budget 0 leaves the others out
    Selection s =
        BudgetSelection.select(List.of(new Item("free", 0, 0.1), new Item("paid", 1, 0.9)), 0);
    assertThat(s.chosen()).containsExactly("free");
    assertThat(s.leftOut()).containsExactly(new LeftOut("paid", BudgetSelection.OVER_BUDGET_ALONE));
  }

  @Test
  void matchesBruteForce_OnRandomCases() {
    Random random = new Random(20261201L);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(12);
      List<Item> items = new ArrayList<>();
      long sum = 0;
      for (int i = 0; i < n; i++) {
        long cost = (1 + random.nextInt(50)) * 100_000_000L;
        sum += cost;
        items.add(new Item("p" + i, cost, random.nextInt(100) / 100.0));
      }
      long budget = (long) (sum * random.nextDouble());
      double best = 0;
      long cheapest = 0;
      for (int mask = 0; mask < (1 << n); mask++) {
        long c = 0;
        double sc = 0;
        for (int i = 0; i < n; i++) {
          if ((mask & (1 << i)) != 0) {
            c += items.get(i).costVnd();
            sc += items.get(i).score();
          }
        }
        if (c <= budget) {
          if (sc > best + 1e-9) {
            best = sc;
            cheapest = c;
          } else if (sc >= best - 1e-9 && c < cheapest) {
            cheapest = c;
          }
        }
      }
      Selection s = BudgetSelection.select(items, budget);
      assertThat(s.totalScore()).as("round " + round).isCloseTo(best, within(1e-9));
      assertThat(s.totalCostVnd())
          .as("round " + round + ": cheapest of the best")
          .isEqualTo(cheapest);
    }
  }

  @Test
  void aProvincePortfolio_OfSixtyCases_IsSolved_AndNeverWorseThanGreedy() {
    Random random = new Random(7L);
    for (int round = 0; round < 5; round++) {
      List<Item> items = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        items.add(
            new Item(
                "c" + i, (2 + random.nextInt(300)) * 100_000_000L, random.nextInt(1000) / 1000.0));
      }
      long budget = 300 * BN;
      Selection best = BudgetSelection.select(items, budget);
      Selection greedy = BudgetSelection.greedy(items, budget);
      assertThat(best.totalCostVnd()).isLessThanOrEqualTo(budget);
      assertThat(best.totalScore()).isGreaterThanOrEqualTo(greedy.totalScore() - 1e-9);
    }
  }

  @Test
  void manyEqualItems_TheEarlierListedAreChosen() {
    // 40 items of 1 bn scoring 0.5 each, budget 20 bn: any 20 of them score 10.0; the search
    // keeps the first it meets, p0..p19, and does not walk the C(40, 20) ties
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      items.add(new Item("p" + i, BN, 0.5));
    }
    Selection s = BudgetSelection.select(items, 20 * BN);
    assertThat(s.chosen()).hasSize(20).startsWith("p0").endsWith("p19");
    assertThat(s.totalScore()).isCloseTo(10.0, within(1e-9));
    assertThat(s.leftOut()).hasSize(20).allMatch(l -> l.reason().equals(BudgetSelection.DISPLACED));
  }

  @Test
  void badInput_NamesTheItem() {
    assertThatThrownBy(() -> BudgetSelection.select(List.of(new Item("a", -1, 0)), 1))
        .hasMessageContaining("items[0].costVnd");
    assertThatThrownBy(
            () -> BudgetSelection.select(List.of(new Item("a", 1, 0), new Item("a", 1, 0)), 1))
        .hasMessageContaining("items[1].id: 'a' is listed twice");
    assertThatThrownBy(() -> BudgetSelection.select(List.of(new Item("a", 1, Double.NaN)), 1))
        .hasMessageContaining("items[0].score");
    assertThatThrownBy(() -> BudgetSelection.select(List.of(), -1))
        .hasMessageContaining("budgetVnd");
  }
}
