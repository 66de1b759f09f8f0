package vn.eams.compliance;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.MetamodelLoader;
import vn.eams.model.Element;
import vn.eams.model.ElementData;
import vn.eams.model.ModelData;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Relationship;
import vn.eams.model.RelationshipData;
import vn.eams.model.ViewDefinition;

/** Builds small model snapshots by hand for the check tests, and runs the checks on them. */
final class ModelFixture {

  static final Metamodel METAMODEL = MetamodelLoader.fromDirectory(Path.of("metamodel"), List.of());
  static final CheckCatalogue CATALOGUE =
      CheckCatalogue.fromFile(Path.of("metamodel/rules/checks.tsv"));
  static final ModelChecks CHECKS = new ModelChecks(METAMODEL, CATALOGUE);

  private static final String MODEL = "m";

  private final List<Element> elements = new ArrayList<>();
  private final List<Relationship> relationships = new ArrayList<>();
  private final List<ViewDefinition> views = new ArrayList<>();

  static ModelFixture model() {
    return new ModelFixture();
  }

  /** A plain element. */
  ModelFixture element(String id, String type, String name) {
    return element(id, ElementData.of(type, name));
  }

  /** An element with an English name. */
  ModelFixture element(String id, String type, String name, String nameEn) {
    return element(
        id,
        new ElementData(
            type,
            name,
            nameEn,
            "",
            "",
            "",
            List.of(),
            Map.of(),
            "",
            Optional.empty(),
            Optional.empty()));
  }

  /** An element of a specialization with typed profile values. */
  ModelFixture specialized(
      String id, String type, String name, String specialization, Map<String, Object> profile) {
    return element(
        id,
        new ElementData(
            type,
            name,
            "",
            "",
            "",
            specialization,
            List.of(),
            profile,
            "",
            Optional.empty(),
            Optional.empty()));
  }

  /** An element valid from one date to another. */
  ModelFixture valid(String id, String type, String name, LocalDate from, LocalDate to) {
    return element(
        id,
        new ElementData(
            type,
            name,
            "",
            "",
            "",
            "",
            List.of(),
            Map.of(),
            "",
            Optional.ofNullable(from),
            Optional.ofNullable(to)));
  }

  ModelFixture element(String id, ElementData data) {
    elements.add(new Element(id, MODEL, data, 1, Instant.EPOCH, Instant.EPOCH));
    return this;
  }

  ModelFixture relationship(String id, String type, String source, String target) {
    relationships.add(
        new Relationship(
            id, MODEL, RelationshipData.of(type, source, target), 1, Instant.EPOCH, Instant.EPOCH));
    return this;
  }

  ModelFixture view(
      String id,
      String viewpoint,
      List<ViewDefinition.Node> nodes,
      List<ViewDefinition.Connection> connections) {
    views.add(
        new ViewDefinition(id, "Sơ đồ " + id, "View " + id, "", viewpoint, nodes, connections));
    return this;
  }

  /** A view without viewpoint showing each element of {@code elementIds} at the top level. */
  ModelFixture viewOf(String id, String... elementIds) {
    List<ViewDefinition.Node> nodes = new ArrayList<>();
    for (String e : elementIds) {
      nodes.add(node(id + "." + e, e));
    }
    return view(id, "", nodes, List.of());
  }

  static ViewDefinition.Node node(String id, String elementId) {
    return child(id, "", elementId);
  }

  static ViewDefinition.Node child(String id, String parentId, String elementId) {
    return new ViewDefinition.Node(id, parentId, "element", elementId, "", "", 0, 0, 120, 55);
  }

  static ViewDefinition.Node group(String id, String parentId) {
    return new ViewDefinition.Node(id, parentId, "group", "", "Nhóm", "Group", 0, 0, 400, 300);
  }

  static ViewDefinition.Node note(String id) {
    return new ViewDefinition.Node(id, "", "note", "", "Ghi chú", "Note", 0, 0, 200, 60);
  }

  static ViewDefinition.Connection connection(
      String id, String relationshipId, String sourceNode, String targetNode) {
    return new ViewDefinition.Connection(id, relationshipId, sourceNode, targetNode, List.of());
  }

  ModelSnapshot snapshot() {
    List<Element> es = new ArrayList<>(elements);
    es.sort(Comparator.comparing(Element::id));
    List<Relationship> rs = new ArrayList<>(relationships);
    rs.sort(Comparator.comparing(Relationship::id));
    List<ViewDefinition> vs = new ArrayList<>(views);
    vs.sort(Comparator.comparing(ViewDefinition::id));
    ModelInfo info =
        new ModelInfo(
            MODEL,
            new ModelData("Mô hình", "Model", "", "", List.of()),
            1,
            Instant.EPOCH,
            Instant.EPOCH,
            es.size(),
            rs.size());
    return new ModelSnapshot(info, 1, List.of(), es, rs, vs);
  }

  /** The findings of the rule {@code ruleId} on this model. */
  List<Finding> findings(String ruleId) {
    return CHECKS.run(snapshot()).stream().filter(f -> f.rule().id().equals(ruleId)).toList();
  }
}
