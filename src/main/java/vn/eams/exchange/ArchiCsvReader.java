package vn.eams.exchange;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.RelationshipType;
import vn.eams.model.ModelData;
import vn.eams.model.Property;
import vn.eams.model.Text;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Reads the CSV files that Archi exports and imports ({@code elements.csv}, {@code relations.csv},
 * {@code properties.csv}, optionally with one common prefix such as {@code MyModel-elements.csv}),
 * as Archi's CSV importer understands them, and hands them to an {@link ImportBuilder}.
 *
 * <p>Files: UTF-8 with or without byte order mark; delimiter {@code ,}, {@code ;} or TAB, guessed
 * per file from its header; Archi's header rows (also those of Archi before 4.9, without the
 * Specialization column); {@code #} comment lines. At least one of the three files must be there.
 *
 * <p>Meaning, as in Archi:
 *
 * <ul>
 *   <li>The first row of {@code elements.csv} whose Type is {@value #MODEL_TYPE} describes the
 *       model (name, documentation); properties with the model's ID are the model's properties.
 *   <li>Types are Archi's class names: {@code BusinessActor}, {@code AssignmentRelationship} (the
 *       suffix {@value #RELATIONSHIP_SUFFIX} is dropped), {@value #JUNCTION} (an {@code
 *       AndJunction} or, with {@value #JUNCTION_TYPE} {@code Or}, an {@code OrJunction}).
 *   <li>An empty ID asks for a new concept: it gets a new id. An ID that starts with a digit gets
 *       the prefix {@code id-}, as in {@link ArchiFileReader}, so that both imports agree.
 *   <li>The pseudo-properties {@value #ACCESS_TYPE}, {@value #INFLUENCE_STRENGTH}, {@value
 *       #DIRECTED} and {@value #JUNCTION_TYPE} set the concept's field of that name; on a concept
 *       of another type they are plain properties.
 *   <li>The Specialization column is the concept's specialization (see {@link ImportBuilder}).
 *   <li>The files are partial: a merge keeps what they do not carry, relations may connect to
 *       concepts of the target model, and properties of IDs that are in no row are kept as {@link
 *       ImportedModel#externalProperties()} for the concepts of the target model.
 *   <li>Names and property keys are made one line (line breaks and tabs become spaces), as Archi's
 *       importer does; documentation and property values are kept as they are.
 * </ul>
 *
 * <p>Every problem is reported at once, with its place as {@code file:line}.
 */
public final class ArchiCsvReader {

  /** The format an import of these files reports. */
  public static final String FORMAT = "archi-csv";

  static final String ELEMENTS_FILE = "elements.csv";
  static final String RELATIONS_FILE = "relations.csv";
  static final String PROPERTIES_FILE = "properties.csv";

  /** Type of the row of {@code elements.csv} that describes the model. */
  static final String MODEL_TYPE = "ArchimateModel";

  /** Archi's class of both junctions; {@value #JUNCTION_TYPE} tells which. */
  static final String JUNCTION = "Junction";

  /** Suffix of Archi's relationship class names. */
  static final String RELATIONSHIP_SUFFIX = "Relationship";

  static final String ACCESS_TYPE = "Access_Type";
  static final String INFLUENCE_STRENGTH = "Influence_Strength";
  static final String DIRECTED = "Directed";
  static final String JUNCTION_TYPE = "Junction_Type";
  static final String JUNCTION_AND = "And";
  static final String JUNCTION_OR = "Or";

  /** Archi's access types, in the order of its model's numbers. */
  static final List<String> ACCESS_TYPES = List.of("Write", "Read", "Access", "ReadWrite");

  /** Archi's texts carry no language. */
  private static final String LANGUAGE = "und";

  private final Metamodel metamodel;
  private final ImportBuilder builder;
  private final Set<String> prefixedIds = new TreeSet<>();

  private ArchiCsvReader(Metamodel metamodel) {
    this.metamodel = metamodel;
    this.builder = new ImportBuilder(metamodel, FORMAT);
    builder.partial();
  }

  /**
   * Reads a set of Archi CSV files.
   *
   * @param files file name (as uploaded, or a zip entry name, possibly in a folder) to content;
   *     files whose names do not end with {@code elements.csv}, {@code relations.csv} or {@code
   *     properties.csv} are not read (a warning names them)
   * @param source what the files came as, for messages (e.g. the upload's name)
   * @return the model, marked {@link ImportedModel#partial() partial}
   * @throws ProblemException 400 when no file is recognised or the files do not form one set; 422
   *     listing every problem of the files otherwise
   */
  public static ImportedModel read(Map<String, byte[]> files, String source, Metamodel metamodel) {
    return new ArchiCsvReader(metamodel).read(FileSet.find(files, source), source);
  }

  private ImportedModel read(FileSet set, String source) {
    List<Csv.Row> elementRows = dataRows(set.elements, ModelPackage.ELEMENTS_HEADER);
    List<Csv.Row> relationRows = dataRows(set.relations, ModelPackage.RELATIONS_HEADER);
    List<Csv.Row> propertyRows = dataRows(set.properties, ModelPackage.PROPERTIES_HEADER);

    Csv.Row modelRow = null;
    List<Concept> elements = new ArrayList<>();
    for (Csv.Row r : elementRows) {
      if (!r.get(1).strip().equals(MODEL_TYPE)) {
        elements.add(concept(r, set.elements));
      } else if (modelRow == null) {
        modelRow = r;
      } else {
        builder.warn(
            at(set.elements, r.line()),
            "",
            "model-row",
            "A second row of type "
                + MODEL_TYPE
                + " is ignored; the model is described by the one at line "
                + modelRow.line()
                + ".");
      }
    }
    List<Concept> relations = new ArrayList<>();
    for (Csv.Row r : relationRows) {
      relations.add(concept(r, set.relations));
    }
    Map<String, List<PropertyRow>> properties = properties(propertyRows, set.properties);

    String modelId = modelRow == null ? "" : id(modelRow.get(0));
    List<Property> modelProperties = new ArrayList<>();
    Set<String> inFile = new HashSet<>();
    elements.forEach(c -> inFile.add(c.id));
    relations.forEach(c -> inFile.add(c.id));
    for (Map.Entry<String, List<PropertyRow>> e : properties.entrySet()) {
      if (inFile.contains(e.getKey())) {
        continue;
      }
      List<Property> plain = e.getValue().stream().map(PropertyRow::property).toList();
      if (!modelId.isEmpty() && e.getKey().equals(modelId)) {
        modelProperties.addAll(plain);
      } else {
        builder.propertiesFor(e.getKey(), plain, e.getValue().get(0).where);
      }
    }
    for (Concept c : elements) {
      element(c, properties.getOrDefault(c.id, List.of()));
    }
    for (Concept c : relations) {
      relationship(c, properties.getOrDefault(c.id, List.of()));
    }
    if (modelRow != null) {
      builder.model(
          modelId,
          new ModelData(
              oneLine(modelRow.get(2)), "", modelRow.get(3), "", modelProperties, LANGUAGE));
    }
    warnAboutIgnoredFiles(set.ignored);
    warnAboutPrefixedIds();
    return builder.build(source);
  }

  // ============================================ files ============================================

  /** The data rows of a file whose header is right, each as wide as the header. */
  private List<Csv.Row> dataRows(NamedFile file, List<String> header) {
    if (file == null) {
      return List.of();
    }
    Optional<String> text = decode(file);
    if (text.isEmpty()) {
      return List.of();
    }
    List<Csv.Row> rows;
    try {
      rows = Csv.parse(text.get(), delimiter(text.get()));
    } catch (Csv.CsvException e) {
      builder.error(at(file, e.line()), "", "csv-syntax", e.getMessage());
      return List.of();
    }
    if (rows.isEmpty()) {
      builder.error(
          at(file, 1),
          "",
          "header",
          "The file is empty; its first line must be the header " + quoted(header) + ".");
      return List.of();
    }
    Csv.Row first = rows.get(0);
    int width = headerWidth(first.fields(), header);
    if (width < 0) {
      builder.error(at(file, first.line()), "", "header", wrongHeader(first.fields(), header));
      return List.of();
    }
    List<Csv.Row> data = new ArrayList<>(rows.size());
    for (Csv.Row r : rows.subList(1, rows.size())) {
      if (r.fields().size() == width) {
        data.add(r);
      } else {
        builder.error(
            at(file, r.line()),
            "",
            "columns",
            "The row has "
                + r.fields().size()
                + " field(s), the header "
                + width
                + ". Quote a field that holds the delimiter, and give every row all the columns.");
      }
    }
    return data;
  }

  /**
   * The number of columns when the header is Archi's ({@code header}, or, as Archi before 4.9 wrote
   * it, without the last column Specialization), compared as Archi does regardless of case; -1 when
   * it is not.
   */
  private static int headerWidth(List<String> found, List<String> header) {
    boolean legacyAllowed = header.get(header.size() - 1).equals("Specialization");
    if (sameNames(found, header)) {
      return header.size();
    }
    if (legacyAllowed && sameNames(found, header.subList(0, header.size() - 1))) {
      return header.size() - 1;
    }
    return -1;
  }

  private static boolean sameNames(List<String> found, List<String> header) {
    if (found.size() != header.size()) {
      return false;
    }
    for (int i = 0; i < header.size(); i++) {
      if (!found.get(i).strip().equalsIgnoreCase(header.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String wrongHeader(List<String> found, List<String> header) {
    return "The header must be "
        + quoted(header)
        + " (as Archi exports it; a file of Archi before 4.9 may lack the last column), not "
        + quoted(found)
        + ". Export the file from Archi again, or correct its first line.";
  }

  private static String quoted(List<String> fields) {
    StringBuilder b = new StringBuilder();
    for (String f : fields) {
      b.append(b.length() == 0 ? "" : ",").append('"').append(f).append('"');
    }
    return b.toString();
  }

  /** The text of a file, strictly UTF-8 (a byte order mark is dropped); empty after an error. */
  private Optional<String> decode(NamedFile file) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(file.bytes);
    CharBuffer out = CharBuffer.allocate(file.bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      builder.error(
          at(file, lineAt(file.bytes, offset)),
          "",
          "encoding",
          "The file is not UTF-8: the byte "
              + String.format("0x%02X", file.bytes[Math.min(offset, file.bytes.length - 1)])
              + " at offset "
              + offset
              + " starts no UTF-8 character. Save it as UTF-8 (Archi: export with the encoding"
              + " UTF-8; Excel: 'CSV UTF-8').");
      return Optional.empty();
    }
    out.flip();
    String text = out.toString();
    return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The delimiter of the header: the first line that is neither blank nor a comment. */
  private static char delimiter(String text) {
    int start = 0;
    while (start < text.length()) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String line = text.substring(start, end);
      if (!line.isBlank() && !line.startsWith("#")) {
        return Csv.sniffDelimiter(line);
      }
      start = end + 1;
    }
    return ',';
  }

  // =========================================== concepts ==========================================

  private Concept concept(Csv.Row r, NamedFile file) {
    String given = r.get(0).strip();
    String id = given.isEmpty() ? Text.newId() : id(given);
    boolean relation = file.kind.equals(RELATIONS_FILE);
    return new Concept(
        id,
        r.get(1).strip(),
        oneLine(r.get(2)),
        r.get(3),
        relation ? id(r.get(4)) : "",
        relation ? id(r.get(5)) : "",
        (relation ? r.get(6) : r.get(4)).strip(),
        at(file, r.line()));
  }

  private void element(Concept c, List<PropertyRow> properties) {
    String type = c.type;
    List<Property> props = new ArrayList<>(properties.size() + 1);
    specialization(c, props);
    if (type.equals(JUNCTION)) {
      type = junctionType(c, properties);
      for (PropertyRow p : properties) {
        if (!p.key.equals(JUNCTION_TYPE)) {
          props.add(p.property());
        }
      }
    } else {
      if (metamodel.elementType(type).filter(t -> !t.isJunction()).isEmpty()) {
        builder.error(c.where, c.id, "unknown-type", unknownElementType(type));
        return;
      }
      properties.forEach(p -> props.add(p.property()));
    }
    builder.element(c.id, type, c.name, "", c.documentation, "", props, c.where);
  }

  private String junctionType(Concept c, List<PropertyRow> properties) {
    String kind = JUNCTION_AND; // Archi's default
    for (PropertyRow p : properties) {
      if (!p.key.equals(JUNCTION_TYPE)) {
        continue;
      }
      String v = p.value.strip();
      if (v.equalsIgnoreCase(JUNCTION_AND) || v.equalsIgnoreCase(JUNCTION_OR)) {
        kind = v.equalsIgnoreCase(JUNCTION_OR) ? JUNCTION_OR : JUNCTION_AND;
      } else {
        builder.error(
            p.where,
            c.id,
            "invalid-value",
            JUNCTION_TYPE
                + " must be "
                + JUNCTION_AND
                + " or "
                + JUNCTION_OR
                + ", not '"
                + v
                + "'.");
      }
    }
    return kind + "Junction";
  }

  private void relationship(Concept c, List<PropertyRow> properties) {
    String type = relationshipType(c.type);
    if (type == null) {
      builder.error(c.where, c.id, "unknown-type", unknownRelationshipType(c.type));
      return;
    }
    if (c.source.isEmpty() || c.target.isEmpty()) {
      builder.error(
          c.where,
          c.id,
          "endpoint",
          "Give the ID of the relationship's "
              + (c.source.isEmpty() ? "source (column Source)" : "target (column Target)")
              + ": an element or relationship of the files or of the model they go into.");
      return;
    }
    List<Property> plain = new ArrayList<>(properties.size() + 1);
    specialization(c, plain);
    String access = type.equals("Access") ? ACCESS_TYPES.get(0) : ""; // Archi's default: Write
    String strength = "";
    boolean directed = false;
    for (PropertyRow p : properties) {
      if (type.equals("Access") && p.key.equals(ACCESS_TYPE)) {
        access = accessType(c, p, access);
      } else if (type.equals("Influence") && p.key.equals(INFLUENCE_STRENGTH)) {
        strength = p.value.strip();
      } else if (type.equals("Association") && p.key.equals(DIRECTED)) {
        directed = directed(c, p, directed);
      } else {
        plain.add(p.property());
      }
    }
    builder.relationship(
        new ImportBuilder.RelationshipDraft(
            c.id,
            type,
            c.source,
            c.target,
            c.name,
            "",
            c.documentation,
            "",
            plain,
            access,
            strength,
            directed,
            c.where));
  }

  private String accessType(Concept c, PropertyRow p, String before) {
    for (String a : ACCESS_TYPES) {
      if (a.equalsIgnoreCase(p.value.strip())) {
        return a;
      }
    }
    builder.error(
        p.where,
        c.id,
        "invalid-value",
        ACCESS_TYPE
            + " must be one of "
            + String.join(", ", ACCESS_TYPES)
            + ", not '"
            + p.value.strip()
            + "'.");
    return before;
  }

  private boolean directed(Concept c, PropertyRow p, boolean before) {
    String v = p.value.strip();
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return v.equalsIgnoreCase("true");
    }
    builder.error(
        p.where, c.id, "invalid-value", DIRECTED + " must be true or false, not '" + v + "'.");
    return before;
  }

  /** The specialization column as EAMS's convention property, first of the concept's. */
  private static void specialization(Concept c, List<Property> props) {
    if (!c.specialization.isEmpty()) {
      props.add(new Property(ImportBuilder.SPECIALIZATION, c.specialization));
    }
  }

  /** The ArchiMate name of Archi's relationship class, null when it is none. */
  private String relationshipType(String archiType) {
    if (!archiType.endsWith(RELATIONSHIP_SUFFIX)) {
      return null;
    }
    String name = archiType.substring(0, archiType.length() - RELATIONSHIP_SUFFIX.length());
    return metamodel.relationshipType(name).isPresent() ? name : null;
  }

  private String unknownElementType(String type) {
    List<String> allowed = new ArrayList<>();
    for (ElementType t : metamodel.elementTypes()) {
      if (!t.isJunction()) {
        allowed.add(t.name());
      }
    }
    allowed.add(JUNCTION);
    return "Unknown element type '" + type + "'. " + hint(type, allowed);
  }

  private String unknownRelationshipType(String type) {
    List<String> allowed = new ArrayList<>();
    for (RelationshipType t : metamodel.relationshipTypes()) {
      allowed.add(t.name() + RELATIONSHIP_SUFFIX);
    }
    return "Unknown relationship type '" + type + "'. " + hint(type, allowed);
  }

  /** "Did you mean …" when a type differs only in case, spaces or suffix; else every type. */
  private static String hint(String type, List<String> allowed) {
    String key = type.replace(" ", "").toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      String k = a.toLowerCase(Locale.ROOT);
      if (k.equals(key) || k.equals(key + RELATIONSHIP_SUFFIX.toLowerCase(Locale.ROOT))) {
        return "Did you mean " + a + "? Archi's CSV names types by Archi's class names.";
      }
    }
    return "Archi's CSV names types by Archi's class names: " + String.join(", ", allowed) + ".";
  }

  // ========================================== properties =========================================

  private Map<String, List<PropertyRow>> properties(List<Csv.Row> rows, NamedFile file) {
    Map<String, List<PropertyRow>> byId = new LinkedHashMap<>();
    for (Csv.Row r : rows) {
      String where = at(file, r.line());
      String id = r.get(0).strip();
      String key = oneLine(r.get(1)).strip();
      if (id.isEmpty()) {
        builder.error(
            where,
            "",
            "id",
            "The property has no ID; give the ID of the element, relationship or model it belongs"
                + " to.");
      } else if (key.isEmpty()) {
        builder.error(where, id, "key", "The property has no Key; give it a name.");
      } else {
        byId.computeIfAbsent(id(id), k -> new ArrayList<>())
            .add(new PropertyRow(key, r.get(2), where));
      }
    }
    return byId;
  }

  // ============================================ helpers ==========================================

  /** An Archi id as EAMS keeps it: with the prefix {@code id-} when it starts with a digit. */
  private String id(String raw) {
    String id = raw.strip();
    if (!id.isEmpty() && Character.isDigit(id.charAt(0))) {
      prefixedIds.add(id);
      return "id-" + id;
    }
    return id;
  }

  /** Line breaks and tabs as single spaces, as Archi's importer makes names and keys. */
  private static String oneLine(String s) {
    return s.replaceAll("\r\n|\r|\n|\t", " ");
  }

  private static String at(NamedFile file, int line) {
    return file.baseName() + ":" + line;
  }

  private void warnAboutIgnoredFiles(List<String> ignored) {
    if (!ignored.isEmpty()) {
      builder.warn(
          "",
          "",
          "not-read",
          "Not read (no Archi CSV file name): "
              + String.join(", ", ignored)
              + ". Archi's files end with "
              + ELEMENTS_FILE
              + ", "
              + RELATIONS_FILE
              + " or "
              + PROPERTIES_FILE
              + ".");
    }
  }

  private void warnAboutPrefixedIds() {
    if (!prefixedIds.isEmpty()) {
      builder.warn(
          "",
          "",
          "id-prefixed",
          prefixedIds.size()
              + " identifier(s) start with a digit, which an EAMS (and XML) id may not; they were"
              + " given the prefix 'id-', as Archi's export to the exchange format does.");
    }
  }

  /** A row of elements.csv or relations.csv, with its id settled. */
  private record Concept(
      String id,
      String type,
      String name,
      String documentation,
      String source,
      String target,
      String specialization,
      String where) {}

  /** A row of properties.csv. */
  private record PropertyRow(String key, String value, String where) {
    Property property() {
      return new Property(key, value);
    }
  }

  /** One uploaded file: its name as given, which of Archi's files it is, its bytes. */
  private record NamedFile(String name, String kind, byte[] bytes) {
    String baseName() {
      return name.substring(name.lastIndexOf('/') + 1);
    }
  }

  /** The files of one Archi CSV set, found by the ends of their names. */
  private record FileSet(
      NamedFile elements, NamedFile relations, NamedFile properties, List<String> ignored) {

    static FileSet find(Map<String, byte[]> files, String source) {
      Map<String, List<NamedFile>> byKind = new LinkedHashMap<>();
      List<String> ignored = new ArrayList<>();
      for (String name : new TreeSet<>(files.keySet())) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.isEmpty()) {
          continue; // a folder entry of a zip
        }
        String kind = kind(base);
        if (kind == null || base.startsWith("._") || name.contains("__MACOSX/")) {
          ignored.add(name);
        } else {
          byKind
              .computeIfAbsent(kind, k -> new ArrayList<>())
              .add(new NamedFile(name, kind, files.get(name)));
        }
      }
      List<Problem.Error> errors = new ArrayList<>();
      if (byKind.isEmpty()) {
        errors.add(
            new Problem.Error(
                null,
                null,
                null,
                "no-csv-files",
                "Found "
                    + (files.isEmpty() ? "no files" : "only " + String.join(", ", files.keySet()))
                    + ". Give Archi's "
                    + ELEMENTS_FILE
                    + ", "
                    + RELATIONS_FILE
                    + " and/or "
                    + PROPERTIES_FILE
                    + " (one common prefix such as MyModel-elements.csv is allowed)."));
      }
      byKind.forEach(
          (kind, list) -> {
            if (list.size() > 1) {
              errors.add(
                  new Problem.Error(
                      null,
                      null,
                      null,
                      "several-sets",
                      "Several files end with "
                          + kind
                          + ": "
                          + String.join(", ", list.stream().map(NamedFile::name).toList())
                          + ". Give one set of Archi CSV files at a time."));
            }
          });
      Set<String> prefixes = new TreeSet<>();
      byKind.values().forEach(list -> list.forEach(f -> prefixes.add(prefix(f))));
      if (errors.isEmpty() && prefixes.size() > 1) {
        errors.add(
            new Problem.Error(
                null,
                null,
                null,
                "prefix-mismatch",
                "The files have different prefixes ("
                    + String.join(", ", prefixes.stream().map(p -> "'" + p + "'").toList())
                    + "); the files of one Archi export share one. Rename them so that they"
                    + " agree."));
      }
      if (!errors.isEmpty()) {
        throw ProblemException.badRequest(
            source + " is no set of Archi CSV files; nothing was imported.", errors);
      }
      return new FileSet(
          first(byKind, ELEMENTS_FILE),
          first(byKind, RELATIONS_FILE),
          first(byKind, PROPERTIES_FILE),
          ignored);
    }

    private static String kind(String baseName) {
      String lower = baseName.toLowerCase(Locale.ROOT);
      for (String kind : List.of(ELEMENTS_FILE, RELATIONS_FILE, PROPERTIES_FILE)) {
        if (lower.endsWith(kind)) {
          return kind;
        }
      }
      return null;
    }

    private static String prefix(NamedFile f) {
      return f.name.substring(0, f.name.length() - f.kind.length());
    }

    private static NamedFile first(Map<String, List<NamedFile>> byKind, String kind) {
      List<NamedFile> list = byKind.get(kind);
      return list == null ? null : list.get(0);
    }
  }
}
