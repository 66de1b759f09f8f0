package vn.eams.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.Element;
import vn.eams.model.ElementData;
import vn.eams.model.ModelData;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Property;
import vn.eams.model.Relationship;
import vn.eams.model.RelationshipData;

/**
 * Writes a model as Archi's CSV files ({@code elements.csv}, {@code relations.csv}, {@code
 * properties.csv}) the way Archi's CSV export writes them: UTF-8 without byte order mark, every
 * field in double quotes with quotes doubled, CRLF between rows, Archi's header rows, the model as
 * the first row of {@code elements.csv}, Archi's class names as types ({@code Junction}, {@code
 * AssignmentRelationship}) and the pseudo-properties {@value ArchiCsvReader#ACCESS_TYPE} (every
 * access relationship), {@value ArchiCsvReader#INFLUENCE_STRENGTH} (when set), {@value
 * ArchiCsvReader#DIRECTED} (every association) and {@value ArchiCsvReader#JUNCTION_TYPE} (every
 * junction).
 *
 * <p>Elements, then relationships, are written in id order. What EAMS adds to ArchiMate travels as
 * properties, as in {@link ExchangeWriter}: validity dates ({@value ImportBuilder#VALID_FROM},
 * {@value ImportBuilder#VALID_TO}) and the profile's typed properties as text, so that {@link
 * ArchiCsvReader} reads the same model back. Texts are written as they are (line breaks and tabs
 * included, which quoted fields carry). Views, folders and English texts have no place in Archi's
 * CSV and are not written.
 */
public final class ArchiCsvWriter {

  private static final String CRLF = "\r\n";

  private final Metamodel metamodel;
  private final ModelSnapshot snapshot;

  private ArchiCsvWriter(ModelSnapshot snapshot, Metamodel metamodel) {
    this.snapshot = snapshot;
    this.metamodel = metamodel;
  }

  /**
   * Writes the three files as entries {@code prefix + "elements.csv"}, {@code prefix +
   * "relations.csv"} and {@code prefix + "properties.csv"} of the zip; the zip is not closed.
   */
  public static void write(
      ModelSnapshot s, Metamodel metamodel, String prefix, ZipOutputStream zip) {
    try {
      for (Map.Entry<String, byte[]> file : files(s, metamodel, prefix).entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the Archi CSV files", e);
    }
  }

  /**
   * The three files by name ({@code prefix + "elements.csv"}, then relations, then properties), as
   * UTF-8 bytes; the map keeps that order.
   */
  public static Map<String, byte[]> files(ModelSnapshot s, Metamodel metamodel, String prefix) {
    ArchiCsvWriter w = new ArchiCsvWriter(s, metamodel);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(prefix + ArchiCsvReader.ELEMENTS_FILE, utf8(w.elements()));
    files.put(prefix + ArchiCsvReader.RELATIONS_FILE, utf8(w.relations()));
    files.put(prefix + ArchiCsvReader.PROPERTIES_FILE, utf8(w.properties()));
    return files;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String elements() {
    StringBuilder b = new StringBuilder();
    row(b, ModelPackage.ELEMENTS_HEADER);
    ModelData m = snapshot.model().data();
    row(
        b,
        List.of(snapshot.model().id(), ArchiCsvReader.MODEL_TYPE, m.name(), m.documentation(), ""));
    for (Element e : sortedElements()) {
      ElementData d = e.data();
      row(b, List.of(e.id(), archiType(d.type()), d.name(), d.documentation(), d.specialization()));
    }
    return b.toString();
  }

  private String relations() {
    StringBuilder b = new StringBuilder();
    row(b, ModelPackage.RELATIONS_HEADER);
    for (Relationship r : sortedRelationships()) {
      RelationshipData d = r.data();
      row(
          b,
          List.of(
              r.id(),
              d.type() + ArchiCsvReader.RELATIONSHIP_SUFFIX,
              d.name(),
              d.documentation(),
              d.sourceId(),
              d.targetId(),
              d.specialization()));
    }
    return b.toString();
  }

  private String properties() {
    StringBuilder b = new StringBuilder();
    row(b, ModelPackage.PROPERTIES_HEADER);
    for (Property p : snapshot.model().data().properties()) {
      property(b, snapshot.model().id(), p.key(), p.value());
    }
    for (Element e : sortedElements()) {
      for (Property p : ExchangeWriter.fileProperties(e.data(), false)) {
        property(b, e.id(), p.key(), p.value());
      }
      if (isJunction(e.data().type())) {
        property(b, e.id(), ArchiCsvReader.JUNCTION_TYPE, junctionType(e.data().type()));
      }
    }
    for (Relationship r : sortedRelationships()) {
      RelationshipData d = r.data();
      for (Property p : d.properties()) {
        property(b, r.id(), p.key(), p.value());
      }
      relationshipFields(b, r.id(), d);
    }
    return b.toString();
  }

  /** Access type, influence strength and direction as Archi's pseudo-properties. */
  private static void relationshipFields(StringBuilder b, String id, RelationshipData d) {
    switch (d.type()) {
      case "Access" ->
          property(
              b,
              id,
              ArchiCsvReader.ACCESS_TYPE,
              d.accessType().isEmpty() ? ArchiCsvReader.ACCESS_TYPES.get(0) : d.accessType());
      case "Influence" -> {
        if (!d.influenceStrength().isEmpty()) {
          property(b, id, ArchiCsvReader.INFLUENCE_STRENGTH, d.influenceStrength());
        }
      }
      case "Association" ->
          property(b, id, ArchiCsvReader.DIRECTED, Boolean.toString(d.directed()));
      default -> {
        // no attribute of its own
      }
    }
  }

  private List<Element> sortedElements() {
    return snapshot.elements().stream().sorted(Comparator.comparing(Element::id)).toList();
  }

  private List<Relationship> sortedRelationships() {
    return snapshot.relationships().stream()
        .sorted(Comparator.comparing(Relationship::id))
        .toList();
  }

  private String archiType(String type) {
    return isJunction(type) ? ArchiCsvReader.JUNCTION : type;
  }

  private boolean isJunction(String type) {
    return metamodel.elementType(type).map(ElementType::isJunction).orElse(false);
  }

  private static String junctionType(String type) {
    return type.startsWith(ArchiCsvReader.JUNCTION_OR)
        ? ArchiCsvReader.JUNCTION_OR
        : ArchiCsvReader.JUNCTION_AND;
  }

  private static void property(StringBuilder b, String id, String key, String value) {
    row(b, List.of(id, key, value));
  }

  /** One row: CRLF before every row but the header, as Archi writes (no line end at the end). */
  private static void row(StringBuilder b, List<String> fields) {
    if (b.length() > 0) {
      b.append(CRLF);
    }
    b.append(Csv.quoted(fields));
  }
}
