package vn.eams.analysis;

import java.nio.file.Path;
import java.util.List;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.MetamodelLoader;

/** Small hand-built projections for the analysis tests: {@code el("a", "Node").rel(...)}. */
final class Graphs {

  static final Metamodel METAMODEL = MetamodelLoader.fromDirectory(Path.of("metamodel"), List.of());

  private final ModelGraph g = new ModelGraph("test", new ModelGraph.Specializations());

  static Graphs graph() {
    return new Graphs();
  }

  Graphs el(String id, String type) {
    return el(id, type, "");
  }

  Graphs el(String id, String type, String specialization) {
    List<String> names = METAMODEL.elementTypes().stream().map(t -> t.name()).toList();
    int t = names.indexOf(type);
    if (t < 0) {
      throw new IllegalArgumentException("no element type " + type);
    }
    g.putNode(id, (short) t, id, "", g.specializations.of(specialization));
    return this;
  }

  /** A relationship {@code source -type-> target}; its id is {@code source-type-target}. */
  Graphs rel(String source, String type, String target) {
    int t = METAMODEL.relationshipTypeIndex(type);
    if (t < 0) {
      throw new IllegalArgumentException("no relationship type " + type);
    }
    if (!g.putEdge(source + "-" + type + "-" + target, (byte) t, source, target)) {
      throw new IllegalArgumentException("unknown end of " + source + " " + type + " " + target);
    }
    return this;
  }

  ModelGraph build() {
    return g;
  }
}
