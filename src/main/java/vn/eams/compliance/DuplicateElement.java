package vn.eams.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.eams.model.Element;
import vn.eams.model.Text;

/**
 * Two or more elements of one type with the same name, ignoring case, diacritics and extra spaces
 * ({@link Text#foldKey}); junctions and unnamed elements are left out. One finding per group.
 */
final class DuplicateElement implements ModelCheck {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  @Override
  public String id() {
    return "archimate.duplicate-element";
  }

  @Override
  public void run(CheckContext ctx) {
    Map<String, List<Element>> groups = new LinkedHashMap<>();
    for (Element e : ctx.snapshot().elements()) {
      String name = e.data().name();
      if (name == null || name.isBlank() || ctx.isJunction(e.id())) {
        continue;
      }
      String key = e.type() + '\u0000' + Text.foldKey(SPACES.matcher(name.strip()).replaceAll(" "));
      groups.computeIfAbsent(key, k -> new ArrayList<>(1)).add(e);
    }
    for (List<Element> group : groups.values()) {
      if (group.size() < 2) {
        continue;
      }
      List<String> ids = group.stream().map(Element::id).sorted().toList();
      ctx.report(
          ids,
          new Args()
              .put("type", group.get(0).type())
              .put("name", group.get(0).data().name().strip())
              .put("count", String.valueOf(group.size()))
              .put(
                  "elements",
                  ids.stream().map(ctx::labelVi).collect(Collectors.joining(", ")),
                  ids.stream().map(ctx::labelEn).collect(Collectors.joining(", ")))
              .map());
    }
  }
}
