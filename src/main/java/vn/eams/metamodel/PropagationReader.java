package vn.eams.metamodel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads propagation.tsv: one row per relationship type and kind of change. */
final class PropagationReader {

  static final String FILE = "propagation.tsv";
  static final List<String> COLUMNS = List.of("type", "change", "forward", "backward");

  private PropagationReader() {}

  static Propagation read(TsvFile file, List<RelationshipType> types) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < types.size(); i++) {
      index.put(types.get(i).name(), i);
    }
    Propagation.Change[] changes = Propagation.Change.values();
    Propagation.Rule[][] rules = new Propagation.Rule[types.size()][changes.length];
    int[][] lines = new int[types.size()][changes.length];
    for (TsvFile.Row row : file.rows()) {
      Integer t = index.get(row.get("type"));
      if (t == null) {
        throw row.unknown(
            "type",
            "relationship type",
            String.join(", ", index.keySet().stream().sorted().toList()));
      }
      Propagation.Change change =
          Propagation.Change.fromToken(row.get("change"))
              .orElseThrow(() -> row.unknown("change", "change", Propagation.Change.tokens()));
      Propagation.Reach forward =
          Propagation.Reach.fromToken(row.get("forward"))
              .orElseThrow(() -> row.unknown("forward", "reach", Propagation.Reach.tokens()));
      Propagation.Reach backward =
          Propagation.Reach.fromToken(row.get("backward"))
              .orElseThrow(() -> row.unknown("backward", "reach", Propagation.Reach.tokens()));
      if (lines[t][change.ordinal()] != 0) {
        throw row.error(
            "duplicate row for "
                + row.get("type")
                + " / "
                + change.token()
                + ", first on line "
                + lines[t][change.ordinal()]
                + " (remove one of the rows)");
      }
      lines[t][change.ordinal()] = row.line();
      rules[t][change.ordinal()] = new Propagation.Rule(types.get(t), change, forward, backward);
    }
    for (int t = 0; t < types.size(); t++) {
      for (Propagation.Change change : changes) {
        if (rules[t][change.ordinal()] == null) {
          throw file.error(
              file.headerLine(),
              "no row for "
                  + types.get(t).name()
                  + " / "
                  + change.token()
                  + " (every relationship type needs a row for each change: "
                  + Propagation.Change.tokens()
                  + ")");
        }
      }
    }
    return new Propagation(types, rules);
  }
}
