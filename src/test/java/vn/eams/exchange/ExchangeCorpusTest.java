package vn.eams.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelService;
import vn.eams.model.ModelSnapshot;
import vn.eams.platform.Problem;

/**
 * Every exchange file of the corpus imports; what it holds arrives; its export is valid against the
 * Open Group schema; export → import → export gives the same file. Skipped without
 * ../shared/corpus.
 */
@QuarkusTest
class ExchangeCorpusTest {

  @Inject ImportService imports;
  @Inject ModelQueries queries;
  @Inject ModelService service;
  @Inject Metamodel metamodel;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "opengroup-xmlexchange/archisurance.xml, 0",
    // 2.1 allowed an application component assigned to a business function; 3.2's table does not
    "archimodels/ArchiMetal_ArchiMetal.xml, 10",
    "archimodels/Archisurance_Archisurance.xml, 0",
    "archimodels/OpenDay_Open_Day.xml, 0",
    "public-sector/dimpact-architectuurmodel/dimpact-architectuurmodel.exchange.xml, 0",
    "public-sector/gemma-ggm/gemma-ggm.exchange.xml, 0",
    "public-sector/uk-ccs-architecture/uk-ccs-architecture.exchange.xml, 1",
    "public-sector/helsinki-ea-architecture/helsinki-ea-architecture.exchange.xml, 1",
    "archi/models/org.opengroup.archimate.xmlexchange.tests__bendpoint.test.xml, 0",
    "archi/models/org.opengroup.archimate.xmlexchange.tests__Sample1.xml, 0"
  })
  void corpusFile_Imports_ExportsValid_RoundTrips(String file, int forbidden) throws Exception {
    Path path = Exchange.CORPUS.resolve(file);
    Assumptions.assumeTrue(Files.exists(path), "needs ../shared/corpus");
    byte[] bytes = Files.readAllBytes(path);
    Counts expected = count(bytes);

    ImportedModel read = read(bytes, file);
    String modelId = "c" + UUID.randomUUID().toString().substring(0, 8);
    long relationshipWarnings =
        read.warnings().stream().filter(w -> w.code().equals("relationship-not-allowed")).count();
    assertThat(relationshipWarnings).as("forbidden relationships reported").isEqualTo(forbidden);
    assertThat(read.forbidden()).hasSize(forbidden);
    try {
      importAndRoundTrip(file, forbidden, expected, read, modelId);
    } finally {
      queries
          .snapshot(modelId)
          .ifPresent(m -> service.deleteModel(modelId, m.model().version(), "test"));
    }
  }

  private void importAndRoundTrip(
      String file, int forbidden, Counts expected, ImportedModel read, String modelId)
      throws Exception {
    ImportService.Result r =
        imports.create(
            read, new ImportService.Options(modelId, ImportService.Forbidden.KEEP, false), "test");
    assertThat(r.created().get("elements")).isEqualTo(expected.elements);
    assertThat(r.created().get("relationships")).isEqualTo(expected.relationships);
    assertThat(r.created().get("views")).isEqualTo(expected.views);

    ModelSnapshot snap = queries.snapshot(modelId).orElseThrow();
    assertThat(snap.elements()).hasSize((int) expected.elements);
    assertThat(snap.relationships()).hasSize((int) expected.relationships);
    assertThat(snap.views()).hasSize((int) expected.views);
    assertThat(snap.views().stream().mapToLong(v -> v.nodes().size()).sum())
        .isEqualTo(expected.nodes);
    assertThat(snap.views().stream().mapToLong(v -> v.connections().size()).sum())
        .isEqualTo(expected.connections);
    long properties =
        snap.elements().stream()
                .mapToLong(
                    e ->
                        e.data().properties().size()
                            + e.data().profile().size()
                            + (e.data().specialization().isEmpty() ? 0 : 1))
                .sum()
            + snap.relationships().stream().mapToLong(x -> x.data().properties().size()).sum()
            - forbidden; // each kept forbidden relationship carries eams:invalid
    assertThat(properties).as("element and relationship properties").isEqualTo(expected.properties);

    String first = export(snap);
    if (Files.exists(Exchange.XSD)) {
      assertThat(Exchange.xsdProblem(first)).as("export of " + file + " is XSD-valid").isNull();
    }
    // round trip: the exported file, imported again in place of the model, exports the same
    service.deleteModel(modelId, snap.model().version(), "test");
    ImportedModel again = read(first.getBytes(StandardCharsets.UTF_8), "export");
    imports.create(
        again, new ImportService.Options(modelId, ImportService.Forbidden.KEEP, false), "test");
    String second = export(queries.snapshot(modelId).orElseThrow());
    assertThat(firstDifference(first, second)).as("export → import → export").isEmpty();
  }

  /** "" when the texts are equal, else the first line that differs in each. */
  static String firstDifference(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String l = i < x.length ? x[i] : "<end>";
      String r = i < y.length ? y[i] : "<end>";
      if (!l.equals(r)) {
        return "line " + (i + 1) + ":\n  first:  " + l + "\n  second: " + r;
      }
    }
    return "";
  }

  private ImportedModel read(byte[] bytes, String name) {
    return ExchangeReader.read(new ByteArrayInputStream(bytes), name, metamodel);
  }

  private String export(ModelSnapshot s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExchangeWriter.write(s, metamodel, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Counts of the file, by a plain StAX pass independent of the reader under test. */
  private static Counts count(byte[] bytes) throws Exception {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XMLStreamReader r;
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      r = f.createXMLStreamReader(in);
      Counts c = new Counts();
      List<String> path = new ArrayList<>();
      Map<String, Integer> unused = new HashMap<>();
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          String name = r.getLocalName();
          String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
          switch (name) {
            case "element" -> c.elements += parent.equals("elements") ? 1 : 0;
            case "relationship" -> c.relationships += parent.equals("relationships") ? 1 : 0;
            case "view" -> c.views++;
            case "node" -> c.nodes++;
            case "connection" -> c.connections++;
            case "property" ->
                c.properties +=
                    path.size() >= 3
                            && (path.get(path.size() - 2).equals("element")
                                || path.get(path.size() - 2).equals("relationship"))
                        ? 1
                        : path.size() >= 2
                                && (parent.equals("element") || parent.equals("relationship"))
                            ? 1
                            : 0;
            default -> unused.merge(name, 1, Integer::sum);
          }
          path.add(name);
        } else if (e == XMLStreamConstants.END_ELEMENT) {
          path.remove(path.size() - 1);
        }
      }
      return c;
    }
  }

  private static final class Counts {
    long elements;
    long relationships;
    long views;
    long nodes;
    long connections;
    long properties;
  }

  @SuppressWarnings("unused")
  private static String codes(List<Problem.Error> errors) {
    return errors.stream().map(Problem.Error::code).toList().toString();
  }
}
