package vn.eams.compliance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.eams.model.Element;

/**
 * Agencies whose {@code successor} references lead back to themselves (an agency that succeeds
 * itself included): a merger chain must end. One finding per cycle, starting at its smallest id.
 */
final class SuccessorCycle implements ModelCheck {

  static final String AGENCY = "Agency";
  static final String SUCCESSOR = "successor";

  @Override
  public String id() {
    return "profile.successor-cycle";
  }

  @Override
  public void run(CheckContext ctx) {
    Map<String, String> successor = new LinkedHashMap<>();
    for (Element e : ctx.snapshot().elements()) {
      if (AGENCY.equals(e.data().specialization())
          && e.data().profile().get(SUCCESSOR) instanceof String next
          && !next.isBlank()) {
        successor.put(e.id(), next.strip());
      }
    }
    // each agency has at most one successor: follow each chain once, marking what it visits
    Map<String, Integer> state = new HashMap<>(); // 1 on the current chain, 2 done
    for (String start : successor.keySet()) {
      List<String> chain = new ArrayList<>();
      String current = start;
      while (current != null && !state.containsKey(current)) {
        state.put(current, 1);
        chain.add(current);
        current = successor.get(current);
      }
      if (current != null && state.get(current) == 1) {
        report(ctx, chain.subList(chain.indexOf(current), chain.size()));
      }
      chain.forEach(id -> state.put(id, 2));
    }
  }

  private static void report(CheckContext ctx, List<String> cycle) {
    List<String> ids = new ArrayList<>(cycle);
    Collections.rotate(ids, -ids.indexOf(Collections.min(ids)));
    List<String> closed = new ArrayList<>(ids);
    closed.add(ids.get(0));
    ctx.report(
        ids,
        new Args()
            .put("agency", ctx.labelVi(ids.get(0)), ctx.labelEn(ids.get(0)))
            .put(
                "cycle",
                closed.stream().map(ctx::labelVi).collect(Collectors.joining(" → ")),
                closed.stream().map(ctx::labelEn).collect(Collectors.joining(" → ")))
            .map());
  }
}
