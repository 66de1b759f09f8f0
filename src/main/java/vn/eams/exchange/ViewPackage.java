package vn.eams.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ModelOperation;
import vn.eams.model.ViewDefinition;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Reads the views of a model package ({@code views/<model>/index.tsv} and one JSON file per view,
 * format in views/README.md) and checks every reference against the package's concepts.
 */
public final class ViewPackage {

  private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ViewPackage() {}

  /**
   * The views listed by {@code index.tsv} (none when the index is absent). {@code model} supplies
   * the element ids and the relationship endpoints the views may refer to.
   */
  public static List<ViewDefinition> read(
      String source,
      Function<String, Optional<String>> files,
      ModelPackage model,
      Metamodel metamodel) {
    Optional<String> index = files.apply("index.tsv");
    if (index.isEmpty()) {
      return List.of();
    }
    Set<String> elements = new HashSet<>();
    Map<String, String[]> relationships = new HashMap<>();
    for (ModelOperation op : model.operations()) {
      if (op instanceof ModelOperation.CreateElement e) {
        elements.add(e.id());
      } else if (op instanceof ModelOperation.CreateRelationship r) {
        relationships.put(r.id(), new String[] {r.data().sourceId(), r.data().targetId()});
      }
    }
    List<Problem.Error> errors = new ArrayList<>();
    List<ViewDefinition> views = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int lineNo = 0;
    for (String line : index.get().split("\r?\n")) {
      lineNo++;
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      Optional<String> text = files.apply(name);
      if (text.isEmpty()) {
        errors.add(at("index.tsv:" + lineNo, "missing-file", "No view file '" + name + "'."));
        continue;
      }
      JsonNode root;
      try {
        root = JSON.readTree(text.get());
      } catch (JsonProcessingException e) {
        errors.add(
            at(
                name + ":" + e.getLocation().getLineNr(),
                "json-syntax",
                "Not valid JSON: " + e.getOriginalMessage()));
        continue;
      }
      new Reader(name, errors, ids, elements, relationships, metamodel)
          .view(root)
          .ifPresent(views::add);
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(
          "The views in " + source + " have " + errors.size() + " problem(s); nothing was loaded.",
          errors);
    }
    return views;
  }

  private static Problem.Error at(String where, String code, String message) {
    return new Problem.Error(null, null, where, code, message);
  }

  private record Reader(
      String file,
      List<Problem.Error> errors,
      Set<String> ids,
      Set<String> elements,
      Map<String, String[]> relationships,
      Metamodel metamodel) {

    Optional<ViewDefinition> view(JsonNode root) {
      int before = errors.size();
      String id = root.path("id").asText("");
      String where = file + " (view " + id + ")";
      checkId(id, where);
      String name = root.path("name").asText("").strip();
      if (name.isEmpty()) {
        errors.add(at(where, "name-required", "Give the view a name."));
      }
      String viewpoint = root.path("viewpoint").asText("");
      if (!viewpoint.isEmpty() && metamodel.viewpoint(viewpoint).isEmpty()) {
        errors.add(
            at(
                where,
                "unknown-viewpoint",
                "Unknown viewpoint '" + viewpoint + "'; use an id of viewpoints.tsv or \"\"."));
      }
      List<ViewDefinition.Node> nodes = new ArrayList<>();
      Map<String, String> elementOfNode = new HashMap<>();
      for (JsonNode n : root.path("nodes")) {
        node(n, "", null, nodes, elementOfNode);
      }
      List<ViewDefinition.Connection> connections = new ArrayList<>();
      for (JsonNode c : root.path("connections")) {
        String cid = c.path("id").asText("");
        String at = file + " (connection " + cid + ")";
        checkId(cid, at);
        String rel = c.path("relationship").asText("");
        String s = c.path("source").asText("");
        String t = c.path("target").asText("");
        String[] ends = relationships.get(rel);
        if (ends == null) {
          errors.add(at(at, "unknown-relationship", "No relationship '" + rel + "' in the model."));
        } else if (!ends[0].equals(elementOfNode.get(s)) || !ends[1].equals(elementOfNode.get(t))) {
          errors.add(
              at(
                  at,
                  "ends-mismatch",
                  "The nodes '"
                      + s
                      + "' and '"
                      + t
                      + "' do not show the source and target of '"
                      + rel
                      + "' ("
                      + ends[0]
                      + " -> "
                      + ends[1]
                      + ")."));
        }
        List<int[]> points = new ArrayList<>();
        for (JsonNode p : c.path("bendpoints")) {
          points.add(new int[] {p.path("x").asInt(), p.path("y").asInt()});
        }
        connections.add(new ViewDefinition.Connection(cid, rel, s, t, points));
      }
      if (errors.size() > before) {
        return Optional.empty();
      }
      return Optional.of(
          new ViewDefinition(
              id,
              name,
              root.path("nameEn").asText(""),
              root.path("documentation").asText(""),
              viewpoint,
              nodes,
              connections));
    }

    private void node(
        JsonNode n,
        String parentId,
        int[] parentBounds,
        List<ViewDefinition.Node> out,
        Map<String, String> elementOfNode) {
      String id = n.path("id").asText("");
      String at = file + " (node " + id + ")";
      checkId(id, at);
      String kind = n.path("kind").asText("element");
      String element = n.path("element").asText("");
      if (!List.of("element", "group", "note").contains(kind)) {
        errors.add(at(at, "unknown-kind", "'kind' is element, group or note."));
      } else if (kind.equals("element") && !elements.contains(element)) {
        errors.add(at(at, "unknown-element", "No element '" + element + "' in the model."));
      }
      int x = n.path("x").asInt();
      int y = n.path("y").asInt();
      int w = n.path("w").asInt();
      int h = n.path("h").asInt();
      if (w <= 0 || h <= 0) {
        errors.add(at(at, "bounds", "Width and height must be positive."));
      }
      if (parentBounds != null
          && (x < parentBounds[0]
              || y < parentBounds[1]
              || x + w > parentBounds[0] + parentBounds[2]
              || y + h > parentBounds[1] + parentBounds[3])) {
        errors.add(
            at(at, "outside-parent", "The node lies outside its parent '" + parentId + "'."));
      }
      out.add(
          new ViewDefinition.Node(
              id,
              parentId,
              kind,
              kind.equals("element") ? element : "",
              n.path("label").asText(""),
              n.path("labelEn").asText(""),
              x,
              y,
              w,
              h));
      if (kind.equals("element")) {
        elementOfNode.put(id, element);
      }
      for (JsonNode child : n.path("children")) {
        node(child, id, new int[] {x, y, w, h}, out, elementOfNode);
      }
    }

    private void checkId(String id, String where) {
      if (!ID.matcher(id).matches()) {
        errors.add(
            at(where, "invalid-id", "The id '" + id + "' must match [A-Za-z_][A-Za-z0-9_.-]*."));
      } else if (!ids.add(id)) {
        errors.add(at(where, "duplicate-id", "The id '" + id + "' repeats."));
      }
    }
  }
}
