package vn.eams.analysis;

import java.util.List;
import java.util.Map;
import vn.eams.exchange.Csv;

/** The impacted elements of an impact answer as CSV (RFC 4180, UTF-8 with a byte-order mark). */
final class ImpactCsv {

  static final List<String> HEADER =
      List.of(
          "id",
          "name",
          "nameEn",
          "type",
          "layer",
          "specialization",
          "distance",
          "potential",
          "path",
          "derived");

  private ImpactCsv() {}

  @SuppressWarnings("unchecked")
  static String write(Map<String, Object> answer) {
    StringBuilder b = new StringBuilder("\uFEFF");
    row(b, HEADER);
    Map<String, Map<String, Object>> nodes = (Map<String, Map<String, Object>>) answer.get("nodes");
    for (Map<String, Object> e : (List<Map<String, Object>>) answer.get("elements")) {
      StringBuilder path = new StringBuilder();
      List<Map<String, Object>> steps = (List<Map<String, Object>>) e.get("path");
      for (int i = 0; i < steps.size(); i++) {
        Map<String, Object> s = steps.get(i);
        boolean forward = (Boolean) s.get("forward");
        String from = (String) (forward ? s.get("source") : s.get("target"));
        String to = (String) (forward ? s.get("target") : s.get("source"));
        if (i == 0) {
          path.append(nodes.get(from).get("name"));
        }
        path.append(forward ? " —" + s.get("type") + "→ " : " ←" + s.get("type") + "— ");
        path.append(nodes.get(to).get("name"));
      }
      Map<String, Object> d = (Map<String, Object>) e.get("derived");
      String derived =
          d == null
              ? ""
              : d.get("type")
                  + " ("
                  + String.join(", ", (List<String>) d.get("rules"))
                  + (Boolean.TRUE.equals(d.get("potential")) ? "; potential" : "")
                  + ")";
      row(
          b,
          List.of(
              str(e.get("id")),
              str(e.get("name")),
              str(e.get("nameEn")),
              str(e.get("type")),
              str(e.get("layer")),
              str(e.get("specialization")),
              str(e.get("distance")),
              str(e.get("potential")),
              path.toString(),
              derived));
    }
    return b.toString();
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private static void row(StringBuilder b, List<String> cells) {
    b.append(Csv.quoted(cells)).append("\r\n");
  }
}
