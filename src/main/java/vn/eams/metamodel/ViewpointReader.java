package vn.eams.metamodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads viewpoints.tsv; concepts are element type names and tokens: {@code @All}, {@code @Junction}
 * and {@code @<Layer>}.
 */
final class ViewpointReader {

  static final String FILE = "viewpoints.tsv";
  static final List<String> COLUMNS = List.of("id", "category", "name_vi", "name_en", "concepts");
  static final String ALL = "@All";
  static final String JUNCTIONS = "@Junction";

  private static final Pattern ID = Pattern.compile("[A-Z][A-Za-z0-9]*");

  private ViewpointReader() {}

  static List<Viewpoint> read(TsvFile file, List<ElementType> elements) {
    Map<String, List<String>> tokens = tokens(elements);
    Set<String> names = new LinkedHashSet<>();
    elements.forEach(e -> names.add(e.name()));
    List<Viewpoint> viewpoints = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    Map<String, Integer> exchangeNames = new HashMap<>();
    for (TsvFile.Row row : file.rows()) {
      String id = row.get("id");
      if (!ID.matcher(id).matches()) {
        throw row.error("id", "'" + id + "' is not a PascalCase id (e.g. ApplicationCooperation)");
      }
      Integer first = ids.putIfAbsent(id, row.line());
      if (first != null) {
        throw row.error(
            "id", "duplicate viewpoint id '" + id + "', first on line " + first + " (rename one)");
      }
      first = exchangeNames.putIfAbsent(row.get("name_en"), row.line());
      if (first != null) {
        throw row.error(
            "name_en",
            "duplicate name '"
                + row.get("name_en")
                + "', first on line "
                + first
                + " (each viewpoint needs its own exchange-format name)");
      }
      ViewpointCategory category =
          ViewpointCategory.fromToken(row.get("category"))
              .orElseThrow(() -> row.unknown("category", "category", ViewpointCategory.tokens()));
      Set<String> allowed = new LinkedHashSet<>();
      for (String concept : row.get("concepts").split("\\s+")) {
        if (concept.startsWith("@")) {
          List<String> expanded = tokens.get(concept);
          if (expanded == null) {
            throw row.error(
                "concepts",
                "unknown token '"
                    + concept
                    + "' (use one of: "
                    + String.join(" ", tokens.keySet())
                    + ")");
          }
          allowed.addAll(expanded);
        } else if (names.contains(concept)) {
          allowed.add(concept);
        } else {
          throw row.error(
              "concepts",
              "unknown element type '"
                  + concept
                  + "' (use a type from elements.tsv or a token such as @Application)");
        }
      }
      viewpoints.add(new Viewpoint(id, category, row.get("name_vi"), row.get("name_en"), allowed));
    }
    return viewpoints;
  }

  /** The tokens and their element types: {@code @All}, {@code @Junction}, one per layer. */
  static Map<String, List<String>> tokens(List<ElementType> elements) {
    Map<String, List<String>> tokens = new LinkedHashMap<>();
    tokens.put(ALL, elements.stream().map(ElementType::name).toList());
    tokens.put(
        JUNCTIONS,
        elements.stream().filter(ElementType::isJunction).map(ElementType::name).toList());
    Arrays.stream(Layer.values())
        .forEach(
            layer ->
                tokens.put(
                    "@" + layer.token(),
                    elements.stream()
                        .filter(e -> e.layer() == layer)
                        .map(ElementType::name)
                        .toList()));
    return tokens;
  }
}
