package vn.eams.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.eams.exchange.ExchangeReader;
import vn.eams.exchange.ImportService;
import vn.eams.exchange.ImportedModel;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelService;
import vn.eams.model.ModelSnapshot;

/**
 * The RDF mapping round trip on real models: each exchange file of the corpus (imported as
 * ExchangeCorpusTest does; skipped without ../shared/corpus) and the shipped Trà Vinh model, mapped
 * to RDF, written as Turtle, parsed again and read back, compared field by field.
 */
@QuarkusTest
class RdfCorpusTest {

  static final Path CORPUS = Path.of("../shared/corpus");

  @Inject ImportService imports;
  @Inject ModelQueries queries;
  @Inject ModelService service;
  @Inject Metamodel metamodel;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "opengroup-xmlexchange/archisurance.xml",
        "archimodels/ArchiMetal_ArchiMetal.xml",
        "archimodels/Archisurance_Archisurance.xml",
        "archimodels/OpenDay_Open_Day.xml"
      })
  void corpusModel_RoundTripsThroughRdf_FieldByField(String file) throws Exception {
    Path path = CORPUS.resolve(file);
    Assumptions.assumeTrue(Files.exists(path), "needs ../shared/corpus");
    ImportedModel read =
        ExchangeReader.read(new ByteArrayInputStream(Files.readAllBytes(path)), file, metamodel);
    String modelId = "rdf" + UUID.randomUUID().toString().substring(0, 8);
    imports.create(
        read, new ImportService.Options(modelId, ImportService.Forbidden.KEEP, false), "test");
    try {
      ModelSnapshot s = queries.snapshot(modelId).orElseThrow();
      assertThat(s.elements()).isNotEmpty();
      assertThat(s.relationships()).isNotEmpty();
      roundTrip(s);
    } finally {
      queries
          .snapshot(modelId)
          .ifPresent(m -> service.deleteModel(modelId, m.model().version(), "test"));
    }
  }

  @Test
  void traVinhModel_RoundTripsThroughRdf_FieldByField() {
    ModelSnapshot s = queries.snapshot("tra-vinh-v1.0").orElseThrow();
    assertThat(s.elements()).hasSizeGreaterThan(100);
    assertThat(s.elements()).anyMatch(e -> !e.data().profile().isEmpty());
    roundTrip(s);
  }

  private void roundTrip(ModelSnapshot s) {
    Model rdf = RdfMapping.toRdf(s, metamodel);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, rdf, Lang.TURTLE);
    Model parsed = ModelFactory.createDefaultModel();
    RDFDataMgr.read(parsed, new ByteArrayInputStream(out.toByteArray()), Lang.TURTLE);
    assertThat(parsed.size()).isEqualTo(rdf.size());
    RdfMapping.Read back = RdfMapping.fromRdf(parsed, s.model().id(), metamodel);
    assertThat(back.model()).isEqualTo(s.model().data());
    RdfComparison.assertSameElements(s.elements(), back.elements());
    RdfComparison.assertSameRelationships(s.relationships(), back.relationships());
  }
}
