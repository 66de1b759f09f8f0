package vn.eams.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The scale generator {@code tests/generator/ScaleGenerator.java}, run as a child JVM the way a
 * benchmark runs it: a model of 2,000 elements and 4,000 relationships, generated twice with the
 * same seed. Checks that the two files are byte-identical, that the counts are the requested ones,
 * that every relationship is allowed by {@code metamodel/archimate-3.2/relationship-table.tsv},
 * that every reference resolves, and, when the shared corpus is present, that the file is valid
 * against the Open Group exchange schema.
 *
 * <p>The schema check leaves out the schema's identity constraints (xs:key, xs:keyref): the JDK's
 * validator looks each key value up by a linear scan, so they cost minutes already at this size
 * (more than 15 minutes at 100,000 elements). {@link #everyReference_Resolves} checks the same
 * references, by concept kind, and the schema's ID/IDREF checks stay on.
 */
class ScaleGeneratorTest {

  static final int ELEMENTS = 2000;
  static final int RELATIONSHIPS = 4000;
  static final int DEFAULT_VIEWS = 133; // one view per 15 elements
  static final String SEED = "42";
  static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
  static final Pattern NC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  @TempDir static Path temp;

  static Path first;
  static Path second;
  static GeneratedFile model;

  static Path tests() {
    return Path.of(System.getProperty("test.tests.dir", "tests")).toAbsolutePath();
  }

  static Path projectRoot() {
    return tests().getParent();
  }

  @BeforeAll
  static void generateTwiceWithTheSameSeed() throws Exception {
    first = temp.resolve("first.xml");
    second = temp.resolve("second.xml");
    Process a = startGenerator(first);
    Process b = startGenerator(second);
    awaitSuccess(a, first);
    awaitSuccess(b, second);
    model = GeneratedFile.read(first);
  }

  private static Process startGenerator(Path out) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path program = tests().resolve("generator/ScaleGenerator.java");
    List<String> command =
        List.of(
            java.toString(),
            program.toString(),
            "--elements",
            String.valueOf(ELEMENTS),
            "--relationships",
            String.valueOf(RELATIONSHIPS),
            "--seed",
            SEED,
            "--out",
            out.toString());
    return new ProcessBuilder(command)
        .directory(projectRoot().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log(out).toFile())
        .start();
  }

  private static Path log(Path out) {
    return out.resolveSibling(out.getFileName() + ".log");
  }

  private static void awaitSuccess(Process process, Path out) throws Exception {
    boolean done = process.waitFor(10, TimeUnit.MINUTES);
    if (!done) {
      process.destroyForcibly();
    }
    String output = Files.readString(log(out), StandardCharsets.UTF_8);
    assertThat(done).as("generator finished in time; output:%n%s", output).isTrue();
    assertThat(process.exitValue()).as("generator exit code; output:%n%s", output).isZero();
  }

  @Test
  void sameArguments_GiveByteIdenticalFiles() throws IOException {
    assertThat(Files.size(first)).isGreaterThan(0);
    assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
  }

  @Test
  void counts_AreTheRequestedOnes() {
    assertThat(model.elementTypes).hasSize(ELEMENTS);
    assertThat(model.relationships).hasSize(RELATIONSHIPS);
    assertThat(model.views).hasSize(DEFAULT_VIEWS);
    for (GeneratedView view : model.views) {
      assertThat(view.nodes.size()).as("nodes of %s", view.id).isBetween(1, 40);
    }
  }

  @Test
  void everyRelationship_IsAllowedByTheArchiMate32Table() throws IOException {
    AllowedTable table = AllowedTable.load(projectRoot().resolve("metamodel/archimate-3.2"));
    List<String> notAllowed = new ArrayList<>();
    for (GeneratedRelationship r : model.relationships) {
      String source = model.elementTypes.get(r.source);
      String target = model.elementTypes.get(r.target);
      if (!table.isAllowed(source, r.type, target)) {
        notAllowed.add(r.id + ": " + source + " " + r.type + " " + target);
      }
    }
    assertThat(notAllowed).isEmpty();
  }

  @Test
  void everyReference_Resolves() {
    List<String> problems = new ArrayList<>();
    Map<String, GeneratedRelationship> relationships = new HashMap<>();
    for (GeneratedRelationship r : model.relationships) {
      relationships.put(r.id, r);
      if (!model.elementTypes.containsKey(r.source) || !model.elementTypes.containsKey(r.target)) {
        problems.add("relationship " + r.id + " has an unknown end");
      }
      if (r.source.equals(r.target)) {
        problems.add("relationship " + r.id + " is a self-loop");
      }
    }
    for (GeneratedView view : model.views) {
      checkView(view, relationships, problems);
    }
    checkOrganizations(problems);
    for (String ref : model.propertyRefs) {
      if (!model.propertyDefinitions.contains(ref)) {
        problems.add("property of unknown definition " + ref);
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void checkView(
      GeneratedView view, Map<String, GeneratedRelationship> relationships, List<String> problems) {
    view.nodes.forEach(
        (node, element) -> {
          if (!model.elementTypes.containsKey(element)) {
            problems.add(view.id + ": node " + node + " shows unknown element " + element);
          }
        });
    for (GeneratedConnection c : view.connections) {
      GeneratedRelationship r = relationships.get(c.relationship);
      if (r == null) {
        problems.add(view.id + ": connection " + c.id + " shows unknown " + c.relationship);
      } else if (!r.source.equals(view.nodes.get(c.source))
          || !r.target.equals(view.nodes.get(c.target))) {
        problems.add(view.id + ": connection " + c.id + " does not join the relationship's ends");
      }
    }
  }

  private static void checkOrganizations(List<String> problems) {
    Set<String> known = new HashSet<>(model.elementTypes.keySet());
    model.relationships.forEach(r -> known.add(r.id));
    model.views.forEach(v -> known.add(v.id));
    Set<String> filed = new HashSet<>();
    for (String ref : model.organizationRefs) {
      if (!known.contains(ref)) {
        problems.add("folder item refers to unknown " + ref);
      }
      if (!filed.add(ref)) {
        problems.add("filed twice: " + ref);
      }
    }
    for (String element : model.elementTypes.keySet()) {
      if (!filed.contains(element)) {
        problems.add("element in no folder: " + element);
      }
    }
  }

  @Test
  void identifiers_AreUniqueNcNames() {
    Set<String> seen = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (String id : model.identifiers) {
      if (!NC_NAME.matcher(id).matches()) {
        problems.add("not an NCName: " + id);
      }
      if (!seen.add(id)) {
        problems.add("duplicate: " + id);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void typeShares_FollowTheMix() throws IOException {
    Map<String, Long> elementMix = new TreeMap<>();
    Map<String, Long> relationshipMix = new TreeMap<>();
    for (String[] row : tsvRows(tests().resolve("generator/dimpact-mix.tsv"))) {
      long count = Long.parseLong(row[4]);
      if (row[0].equals("element")) {
        elementMix.merge(row[1], count, Long::sum);
      } else if (row[0].equals("relationship")) {
        relationshipMix.merge(row[2], count, Long::sum);
      }
    }
    Map<String, Long> elementCounts = new TreeMap<>();
    model.elementTypes.values().forEach(t -> elementCounts.merge(t, 1L, Long::sum));
    Map<String, Long> relationshipCounts = new TreeMap<>();
    model.relationships.forEach(r -> relationshipCounts.merge(r.type, 1L, Long::sum));

    long elementTotal = elementMix.values().stream().mapToLong(Long::longValue).sum();
    elementMix.forEach(
        (type, count) ->
            assertThat((double) elementCounts.getOrDefault(type, 0L))
                .as("elements of type %s", type)
                .isCloseTo(ELEMENTS * (double) count / elementTotal, within(1.0)));
    long relationshipTotal = relationshipMix.values().stream().mapToLong(Long::longValue).sum();
    relationshipMix.forEach(
        (type, count) ->
            assertThat((double) relationshipCounts.getOrDefault(type, 0L))
                .as("relationships of type %s", type)
                .isCloseTo(
                    RELATIONSHIPS * (double) count / relationshipTotal,
                    within(RELATIONSHIPS * 0.01)));
  }

  @Test
  void degrees_AreSkewed_FewHubsAndMostlyOneToThree() {
    Map<String, Integer> degree = new HashMap<>();
    for (GeneratedRelationship r : model.relationships) {
      degree.merge(r.source, 1, Integer::sum);
      degree.merge(r.target, 1, Integer::sum);
    }
    long oneToThree = degree.values().stream().filter(d -> d >= 1 && d <= 3).count();
    int max = degree.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    assertThat(oneToThree).isGreaterThan(ELEMENTS / 2);
    assertThat(max).isGreaterThan(10 * 2 * RELATIONSHIPS / ELEMENTS);
  }

  @Test
  void file_IsValidAgainstTheOpenGroupExchangeSchema() throws Exception {
    Path wrapper =
        Path.of(System.getProperty("test.shared.dir", "../shared"))
            .resolve("corpus/archi/xsd-local/wrapper.xsd");
    assumeTrue(Files.isRegularFile(wrapper), "the exchange schema is not present: " + wrapper);
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator validator = factory.newSchema(wrapper.toFile()).newValidator();
    validator.setFeature(
        "http://apache.org/xml/features/validation/identity-constraint-checking", false);
    List<String> errors = new ArrayList<>();
    validator.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ": " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            errors.add(e.getLineNumber() + ": " + e.getMessage());
          }
        });
    validator.validate(new StreamSource(first.toFile()));
    assertThat(errors).isEmpty();
  }

  // -----------------------------------------------------------------------------------------------

  static List<String[]> tsvRows(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.strip().startsWith("#")) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows.subList(1, rows.size()); // without the header
  }

  /** Appendix B as the project's matrix: "Source|Target" to the allowed letters. */
  record AllowedTable(Map<String, String> cells, Map<String, String> letters) {

    static AllowedTable load(Path dir) throws IOException {
      Map<String, String> letters = new HashMap<>();
      for (String[] row : tsvRows(dir.resolve("relationship-types.tsv"))) {
        letters.put(row[0].strip(), row[1].strip());
      }
      Map<String, String> cells = new HashMap<>();
      String[] header = null;
      for (String line :
          Files.readAllLines(dir.resolve("relationship-table.tsv"), StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.strip().startsWith("#")) {
          continue;
        }
        String[] row = line.split("\t", -1);
        if (header == null) {
          header = row;
          continue;
        }
        for (int c = 1; c < row.length; c++) {
          cells.put(row[0].strip() + "|" + header[c].strip(), row[c].strip());
        }
      }
      return new AllowedTable(cells, letters);
    }

    boolean isAllowed(String source, String relationship, String target) {
      String cell = cells.get(concept(source) + "|" + concept(target));
      String letter = letters.get(relationship);
      return cell != null && letter != null && cell.contains(letter);
    }

    private static String concept(String type) {
      return "AndJunction".equals(type) || "OrJunction".equals(type) ? "Junction" : type;
    }
  }

  record GeneratedRelationship(String id, String type, String source, String target) {}

  record GeneratedConnection(String id, String relationship, String source, String target) {}

  record GeneratedView(
      String id, Map<String, String> nodes, List<GeneratedConnection> connections) {}

  /** What the checks need from an exchange file, read with StAX. */
  static final class GeneratedFile {
    final Map<String, String> elementTypes = new LinkedHashMap<>();
    final List<GeneratedRelationship> relationships = new ArrayList<>();
    final List<GeneratedView> views = new ArrayList<>();
    final List<String> organizationRefs = new ArrayList<>();
    final List<String> identifiers = new ArrayList<>();
    final Set<String> propertyDefinitions = new HashSet<>();
    final Set<String> propertyRefs = new HashSet<>();

    static GeneratedFile read(Path file) throws IOException, XMLStreamException {
      GeneratedFile x = new GeneratedFile();
      try (InputStream in = Files.newInputStream(file)) {
        XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(in);
        GeneratedView view = null;
        while (r.hasNext()) {
          if (r.next() != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String id = r.getAttributeValue(null, "identifier");
          if (id != null) {
            x.identifiers.add(id);
          }
          String type = r.getAttributeValue(XSI, "type");
          switch (r.getLocalName()) {
            case "element" -> x.elementTypes.put(id, type);
            case "relationship" ->
                x.relationships.add(
                    new GeneratedRelationship(
                        id, type, attribute(r, "source"), attribute(r, "target")));
            case "view" -> {
              view = new GeneratedView(id, new HashMap<>(), new ArrayList<>());
              x.views.add(view);
            }
            case "node" -> view.nodes().put(id, attribute(r, "elementRef"));
            case "connection" ->
                view.connections()
                    .add(
                        new GeneratedConnection(
                            id,
                            attribute(r, "relationshipRef"),
                            attribute(r, "source"),
                            attribute(r, "target")));
            case "propertyDefinition" -> x.propertyDefinitions.add(id);
            case "property" -> x.propertyRefs.add(attribute(r, "propertyDefinitionRef"));
            case "item" -> {
              String ref = attribute(r, "identifierRef");
              if (ref != null) {
                x.organizationRefs.add(ref);
              }
            }
            default -> {
              // not needed
            }
          }
        }
        r.close();
      }
      return x;
    }

    private static String attribute(XMLStreamReader r, String name) {
      return r.getAttributeValue(null, name);
    }
  }
}
