package vn.eams.appraisal.duplication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.eams.exchange.ExchangeReader;
import vn.eams.exchange.ImportedModel;
import vn.eams.exchange.ModelLoader;
import vn.eams.exchange.ModelPackage;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.MetamodelLoader;
import vn.eams.model.Element;
import vn.eams.model.ElementData;
import vn.eams.model.ModelData;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelKind;
import vn.eams.model.ModelOperation;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Property;
import vn.eams.model.Relationship;
import vn.eams.model.RelationshipData;

/**
 * The shipped Trà Vinh model read into a snapshot without Quarkus (as TraVinhChecksTest does), and
 * a small builder of proposals over it.
 */
final class TraVinh {

  static final Instant T = Instant.EPOCH;

  static final Metamodel METAMODEL = MetamodelLoader.fromDirectory(Path.of("metamodel"), List.of());

  static final ModelSnapshot BASELINE = read();

  static final DuplicationRuleSet RULES =
      new DuplicationRuleSets(Path.of("metamodel/rulesets")).byId("duplication-2026").orElseThrow();

  private TraVinh() {}

  private static ModelSnapshot read() {
    ModelPackage pkg =
        ModelPackage.read(
            "model/tra-vinh-v1.0", ModelLoader.folder(Path.of("model/tra-vinh-v1.0")), METAMODEL);
    return snapshot(pkg.modelId(), pkg.model(), pkg.operations());
  }

  /** The sample proposal of import/samples, read with the exchange-format reader. */
  static ModelSnapshot sample() {
    try (InputStream in =
        Files.newInputStream(Path.of("import/samples/de-xuat-phan-mem-ho-so-dat-dai.xml"))) {
      ImportedModel m = ExchangeReader.read(in, "de-xuat-phan-mem-ho-so-dat-dai.xml", METAMODEL);
      return snapshot(m.modelId(), m.model(), m.operations());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ModelSnapshot snapshot(
      String modelId, ModelData data, List<ModelOperation> operations) {
    List<Element> elements = new ArrayList<>();
    List<Relationship> relationships = new ArrayList<>();
    for (ModelOperation op : operations) {
      if (op instanceof ModelOperation.CreateElement e) {
        elements.add(new Element(e.id(), modelId, e.data(), 1, T, T));
      } else if (op instanceof ModelOperation.CreateRelationship r) {
        relationships.add(new Relationship(r.id(), modelId, r.data(), 1, T, T));
      }
    }
    elements.sort(Comparator.comparing(Element::id));
    relationships.sort(Comparator.comparing(Relationship::id));
    ModelInfo info = new ModelInfo(modelId, data, 1, T, T, elements.size(), relationships.size());
    return new ModelSnapshot(info, 1, List.of(), elements, relationships, List.of());
  }

  /** A proposal over the Trà Vinh model, built element by element. */
  static final class Proposal {
    private final String id;
    private final List<Element> elements = new ArrayList<>();
    private final List<Relationship> relationships = new ArrayList<>();

    Proposal(String id) {
      this.id = id;
    }

    /** A stand-in for the baseline element {@code ref}. */
    Proposal ref(String elementId, String type, String name, String ref) {
      return add(
          elementId, type, "", name, "", List.of(new Property(ModelKind.REF, ref)), Map.of());
    }

    /** An element the project builds. */
    Proposal build(
        String elementId,
        String type,
        String specialization,
        String name,
        String nameEn,
        Map<String, Object> profile) {
      return add(elementId, type, specialization, name, nameEn, List.of(), profile);
    }

    private Proposal add(
        String elementId,
        String type,
        String specialization,
        String name,
        String nameEn,
        List<Property> properties,
        Map<String, Object> profile) {
      ElementData d =
          new ElementData(
              type,
              name,
              nameEn,
              "",
              "",
              specialization,
              properties,
              profile,
              "",
              Optional.empty(),
              Optional.empty());
      elements.add(new Element(elementId, id, d, 1, T, T));
      return this;
    }

    Proposal relationship(String relId, String type, String source, String target, String name) {
      RelationshipData d =
          new RelationshipData(
              type, source, target, name, "", "", "", "", List.of(), "", "", false, "");
      relationships.add(new Relationship(relId, id, d, 1, T, T));
      return this;
    }

    ModelSnapshot snapshot() {
      ModelData data =
          new ModelData(
              "Đề xuất " + id,
              "Proposal " + id,
              "",
              "",
              List.of(
                  new Property(ModelKind.KIND, ModelKind.PROPOSAL),
                  new Property(ModelKind.BASELINE, BASELINE.model().id())));
      List<Element> es = new ArrayList<>(elements);
      es.sort(Comparator.comparing(Element::id));
      List<Relationship> rs = new ArrayList<>(relationships);
      rs.sort(Comparator.comparing(Relationship::id));
      ModelInfo info = new ModelInfo(id, data, 1, T, T, es.size(), rs.size());
      return new ModelSnapshot(info, 1, List.of(), es, rs, List.of());
    }
  }
}
