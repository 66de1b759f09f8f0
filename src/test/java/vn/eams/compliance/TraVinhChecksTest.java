package vn.eams.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.eams.compliance.ModelFixture.CHECKS;
import static vn.eams.compliance.ModelFixture.METAMODEL;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.eams.exchange.ModelLoader;
import vn.eams.exchange.ModelPackage;
import vn.eams.exchange.ViewPackage;
import vn.eams.model.Element;
import vn.eams.model.ElementData;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelOperation;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Relationship;
import vn.eams.model.ViewDefinition;

/**
 * Every check on the shipped Trà Vinh model, read from {@code model/tra-vinh-v1.0} and {@code
 * views/tra-vinh-v1.0} with the project's own package readers, as the first start loads it.
 */
class TraVinhChecksTest {

  static ModelSnapshot snapshot;
  static List<Finding> findings;

  @BeforeAll
  static void readTheShippedModelAndCheckIt() {
    ModelPackage pkg =
        ModelPackage.read(
            "model/tra-vinh-v1.0", ModelLoader.folder(Path.of("model/tra-vinh-v1.0")), METAMODEL);
    List<ViewDefinition> views =
        ViewPackage.read(
            "views/tra-vinh-v1.0",
            ModelLoader.folder(Path.of("views/tra-vinh-v1.0")),
            pkg,
            METAMODEL);
    List<Element> elements = new ArrayList<>();
    List<Relationship> relationships = new ArrayList<>();
    Instant t = Instant.EPOCH;
    for (ModelOperation op : pkg.operations()) {
      if (op instanceof ModelOperation.CreateElement e) {
        elements.add(new Element(e.id(), pkg.modelId(), e.data(), 1, t, t));
      } else if (op instanceof ModelOperation.CreateRelationship r) {
        relationships.add(new Relationship(r.id(), pkg.modelId(), r.data(), 1, t, t));
      }
    }
    elements.sort(Comparator.comparing(Element::id));
    relationships.sort(Comparator.comparing(Relationship::id));
    List<ViewDefinition> sortedViews = new ArrayList<>(views);
    sortedViews.sort(Comparator.comparing(ViewDefinition::id));
    ModelInfo info =
        new ModelInfo(pkg.modelId(), pkg.model(), 1, t, t, elements.size(), relationships.size());
    snapshot = new ModelSnapshot(info, 1, List.of(), elements, relationships, sortedViews);
    findings = CHECKS.run(snapshot);
  }

  @Test
  void traVinh_ReportsNoError_AgainstTheLanguageOrTheProfile() {
    assertThat(snapshot.elements()).hasSize(324);
    assertThat(snapshot.relationships()).hasSize(307);
    assertThat(snapshot.views()).hasSize(6);
    assertThat(findings).extracting(Finding::severity).doesNotContain(Severity.ERROR);
  }

  @Test
  void traVinh_ReportsExactlyItsTwoKnownWarnings() {
    // two different services called "Thông báo" (a portal service and a common technical
    // service), and the data integration centre (a Facility) drawn on the roadmap, whose
    // viewpoint (Implementation and Migration) has no technology or physical elements
    assertThat(findings)
        .extracting(f -> f.severity() + " " + f.rule().id() + " " + f.conceptIds())
        .containsExactly(
            "WARNING archimate.duplicate-element [tv-cts-thong-bao, tv-portalsvc-thong-bao]",
            "WARNING archimate.viewpoint-element-not-allowed [tv-view-roadmap,"
                + " tv-dc-trung-tam-tich-hop-du-lieu]");
  }

  @Test
  void traVinh_ReportsAMissingRequiredProperty_WhenAnApplicationLosesItsGroup() {
    Element app =
        snapshot.elements().stream()
            .filter(e -> e.data().specialization().equals("Application"))
            .findFirst()
            .orElseThrow();
    assertThat(app.data().profile()).containsKey("applicationGroup");
    List<Element> elements = new ArrayList<>(snapshot.elements());
    ElementData d = app.data();
    ElementData withoutGroup =
        new ElementData(
            d.type(),
            d.name(),
            d.nameEn(),
            d.documentation(),
            d.documentationEn(),
            d.specialization(),
            d.properties(),
            Map.of(),
            d.folderId(),
            d.validFrom(),
            d.validTo());
    elements.set(
        elements.indexOf(app),
        new Element(app.id(), app.modelId(), withoutGroup, 1, app.createdAt(), app.updatedAt()));
    ModelSnapshot changed =
        new ModelSnapshot(
            snapshot.model(),
            snapshot.seq(),
            snapshot.folders(),
            elements,
            snapshot.relationships(),
            snapshot.views());

    assertThat(CHECKS.run(changed))
        .filteredOn(f -> f.severity() == Severity.ERROR)
        .extracting(f -> f.rule().id() + " " + f.conceptIds())
        .containsExactly("profile.required-property-missing [" + app.id() + "]");
  }
}
