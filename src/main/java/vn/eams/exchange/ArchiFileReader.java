package vn.eams.exchange;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ModelData;
import vn.eams.model.Property;
import vn.eams.model.ViewDefinition;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Reads Archi's own model files ({@code .archimate}): the XML document Archi writes (root {@code
 * archimate:model}, namespace {@value #NS}) and the zip archive it writes instead when a model
 * holds images ({@code model.xml} beside {@code images/…}). Files of Archi 2.x and 3.x, whose
 * models are ArchiMate 2.x, are read too: their types are mapped by {@link LegacyTypes}.
 *
 * <p>The document is streamed: folders are walked tag by tag and only one concept or view at a time
 * is built as a small tree. Everything is handed to an {@link ImportBuilder} once the whole
 * document is read, because some things are only known at its end (the profiles come after the
 * folders; a view may refer to a view further down).
 *
 * <p>How Archi's model becomes EAMS's:
 *
 * <ul>
 *   <li>Archi's folders (the top folders "Business", "Relations", "Views"… and the user's folders
 *       in them) become folders with Archi's ids; every concept and view is filed in its folder.
 *   <li>Identifiers that start with a digit get the prefix {@code id-}, as Archi's own export to
 *       the exchange format does, so that both imports of a model give the same ids.
 *   <li>Archi's texts carry no language: the model's language is {@code und} (not stated).
 *   <li>A specialization (Archi profile) whose name is the id of an EAMS specialization declared
 *       for the concept's type becomes that specialization ({@value ImportBuilder#SPECIALIZATION});
 *       any other is kept as the property {@value #SPECIALIZATION_PROPERTY}, with a warning.
 *   <li>Views: Archi stores bounds relative to the parent object and bendpoints relative to the
 *       centres of the connected objects; they become absolute coordinates, shifted as Archi's
 *       exchange export shifts them so that nothing is left of or above 0. A size of -1 (Archi's
 *       "default size") becomes Archi's default size of that kind of figure. Fill, line and font
 *       settings become the object's style. A reference to another view becomes a note labelled
 *       with that view's name; images, sketch and canvas views are not kept. Each such change is
 *       reported as a warning.
 * </ul>
 */
public final class ArchiFileReader {

  /** Namespace of Archi's model files since Archi 2. */
  public static final String NS = "http://www.archimatetool.com/archimate";

  /** Namespace of the files of Archi 1.x, which current Archi converts when it opens them. */
  private static final String NS_ARCHI_1 = "http://www.bolton.ac.uk/archimate";

  /** The model document inside an Archi archive. */
  static final String ARCHIVE_MODEL = "model.xml";

  /** Property that keeps a specialization EAMS does not declare. */
  static final String SPECIALIZATION_PROPERTY = "Specialization";

  /** Archi's texts are not tagged with a language. */
  private static final String LANGUAGE = "und";

  /** The newest Archi major version whose files this reader was written for. */
  private static final int NEWEST_MAJOR = 5;

  /** Inflated bytes of a zip entry read before its compression ratio is judged. */
  private static final long RATIO_GRACE = 64 * 1024;

  private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
  private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,3}");
  private static final Pattern FONT_FIELDS = Pattern.compile("\\|");
  private static final Pattern TRAILING_ZEROS = Pattern.compile("\\.0+$");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final String KEY_MAX_BYTES = "eams.import.max-bytes";
  private static final String KEY_MAX_ENTRIES = "eams.import.max-zip-entries";
  private static final String KEY_MAX_RATIO = "eams.import.max-zip-ratio";

  /** Archi's viewpoint ids (4.x and later) and indexes (2.x, 3.x) → EAMS viewpoint ids. */
  private static final Map<String, String> VIEWPOINTS =
      Map.ofEntries(
          Map.entry("application_cooperation", "ApplicationCooperation"),
          Map.entry("application_structure", "ApplicationStructure"),
          Map.entry("application_usage", "ApplicationUsage"),
          Map.entry("business_process_cooperation", "BusinessProcessCooperation"),
          Map.entry("capability", "CapabilityMap"),
          Map.entry("goal_realization", "GoalRealization"),
          Map.entry("implementation_deployment", "ImplementationAndDeployment"),
          Map.entry("implementation_migration", "ImplementationAndMigration"),
          Map.entry("information_structure", "InformationStructure"),
          Map.entry("layered", "Layered"),
          Map.entry("migration", "Migration"),
          Map.entry("motivation", "Motivation"),
          Map.entry("organization", "Organization"),
          Map.entry("outcome_realization", "OutcomeRealization"),
          Map.entry("physical", "Physical"),
          Map.entry("product", "Product"),
          Map.entry("project", "Project"),
          Map.entry("requirements_realization", "RequirementsRealization"),
          Map.entry("resource", "ResourceMap"),
          Map.entry("service_realization", "ServiceRealization"),
          Map.entry("stakeholder", "Stakeholder"),
          Map.entry("strategy", "Strategy"),
          Map.entry("technology", "Technology"),
          Map.entry("technology_usage", "TechnologyUsage"),
          Map.entry("value_stream", "ValueStream"),
          // Archi 2.x and 3.x (ArchiMate 2.1): the index of the viewpoint
          Map.entry("3", "ApplicationCooperation"),
          Map.entry("4", "ApplicationStructure"),
          Map.entry("5", "ApplicationUsage"),
          Map.entry("7", "BusinessProcessCooperation"),
          Map.entry("9", "Product"),
          Map.entry("10", "ImplementationAndDeployment"),
          Map.entry("11", "InformationStructure"),
          Map.entry("12", "TechnologyUsage"),
          Map.entry("13", "Technology"),
          Map.entry("14", "Layered"),
          Map.entry("15", "Organization"),
          Map.entry("16", "ServiceRealization"),
          Map.entry("17", "Stakeholder"),
          Map.entry("18", "GoalRealization"),
          Map.entry("21", "RequirementsRealization"),
          Map.entry("22", "Motivation"),
          Map.entry("23", "Project"),
          Map.entry("24", "Migration"),
          Map.entry("25", "ImplementationAndMigration"));

  /** ArchiMate 2.1 viewpoints that ArchiMate 3.2 no longer has, by Archi's index. */
  private static final Map<String, String> VIEWPOINTS_2_ONLY =
      Map.of(
          "1", "Actor Co-operation",
          "2", "Application Behaviour",
          "6", "Business Function",
          "8", "Business Process",
          "19", "Goal Contribution",
          "20", "Principles");

  private final ImportBuilder builder;
  private final Metamodel metamodel;
  private final String source;
  private final ImportLimits limits;

  /** The builder calls, made in document order once the whole document is read. */
  private final List<Runnable> deferred = new ArrayList<>();

  private final Map<String, ArchiProfile> profiles = new HashMap<>();
  private final Map<String, String> viewNames = new HashMap<>();
  private final Map<String, String> elementTypes = new HashMap<>();
  private final Set<String> prefixedIds = new HashSet<>();
  private final Map<String, Tally> tallies = new LinkedHashMap<>();
  private final Map<String, Integer> featuresNotKept = new LinkedHashMap<>();
  private String featuresWhere = "";
  private XMLStreamReader reader;
  private String modelId = "";
  private String modelName = "";
  private String purpose = "";
  private final List<Property> modelProperties = new ArrayList<>();
  private boolean legacyGroupOffset;
  private int generatedFolders;
  private boolean modelRead;
  private boolean archive;

  private ArchiFileReader(Metamodel metamodel, String source, ImportLimits limits) {
    this.builder = new ImportBuilder(metamodel, "archimate");
    this.metamodel = metamodel;
    this.source = source;
    this.limits = limits == null ? ImportLimits.DEFAULT : limits;
  }

  /**
   * Reads an Archi model file, plain or zipped, within the given limits.
   *
   * @throws ProblemException 400 when the file is no Archi model or not well-formed XML (with the
   *     line), 413 when it breaks a limit, 422 listing every problem of the model
   */
  public static ImportedModel read(
      InputStream in, String sourceName, Metamodel metamodel, ImportLimits limits) {
    ArchiFileReader r = new ArchiFileReader(metamodel, sourceName, limits);
    try {
      CountingInputStream upload =
          new CountingInputStream(
              in,
              total -> {
                if (total > r.limits.maxBytes()) {
                  throw tooLarge(
                      "The file "
                          + sourceName
                          + " is larger than "
                          + r.limits.maxBytes()
                          + " bytes, the most this server accepts.",
                      "max-bytes",
                      KEY_MAX_BYTES);
                }
              });
      BufferedInputStream buffered = new BufferedInputStream(upload, 64 * 1024);
      if (isZip(buffered)) {
        r.readArchive(buffered);
      } else {
        r.parse(buffered);
      }
      return r.finish();
    } catch (XmlTree.XmlRefused e) {
      throw ProblemException.badRequest(
          "The file "
              + sourceName
              + " declares a document type or entity, which EAMS does not read (it is how XML"
              + " entity attacks work); Archi never writes one. Nothing was imported.",
          List.of(new Problem.Error(null, null, e.line, "xml-" + e.what, "Remove the DOCTYPE.")));
    } catch (XMLStreamException e) {
      ProblemException limit = limitBehind(e);
      if (limit != null) {
        throw limit;
      }
      throw ProblemException.badRequest(
          "The file "
              + sourceName
              + (r.archive ? " (its " + ARCHIVE_MODEL + ")" : "")
              + " is not well-formed XML; nothing was imported.",
          List.of(new Problem.Error(null, null, r.where(e), "xml-syntax", cleanMessage(e))));
    } catch (ZipException e) {
      throw ProblemException.badRequest(
          "The file "
              + sourceName
              + " starts like a zip archive but cannot be unpacked ("
              + e.getMessage()
              + "); nothing was imported.",
          List.of(Problem.Error.field("file", "zip", "Save the model again in Archi.")));
    } catch (IOException e) {
      throw ProblemException.badRequest(
          "The file " + sourceName + " could not be read (" + e.getMessage() + ").",
          List.of(Problem.Error.field("file", "unreadable", "Send the file again.")));
    }
  }

  // ===================================== archive and limits =====================================

  private static boolean isZip(BufferedInputStream in) throws IOException {
    in.mark(4);
    byte[] head = new byte[4];
    int n = 0;
    while (n < 4) {
      int k = in.read(head, n, 4 - n);
      if (k < 0) {
        break;
      }
      n += k;
    }
    in.reset();
    return n == 4
        && head[0] == 'P'
        && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
  }

  /** Reads the archive: model.xml is parsed, every other entry read through and reported. */
  private void readArchive(InputStream in) throws IOException, XMLStreamException {
    archive = true;
    CountingInputStream compressed = new CountingInputStream(in);
    ZipInputStream zip = new ZipInputStream(compressed);
    int entries = 0;
    List<String> others = new ArrayList<>();
    ZipEntry e;
    while ((e = zip.getNextEntry()) != null) {
      entries++;
      if (entries > limits.maxZipEntries()) {
        throw tooLarge(
            "The archive "
                + source
                + " has more than "
                + limits.maxZipEntries()
                + " entries, the most this server accepts.",
            "max-zip-entries",
            KEY_MAX_ENTRIES);
      }
      InputStream entry = entry(zip, e.getName(), compressed);
      if (!e.isDirectory() && e.getName().equals(ARCHIVE_MODEL) && !modelRead) {
        parse(entry);
      } else if (!e.isDirectory()) {
        others.add(e.getName());
      }
      drain(entry);
    }
    if (!modelRead) {
      throw ProblemException.badRequest(
          "The archive "
              + source
              + " holds no "
              + ARCHIVE_MODEL
              + ", so it is no Archi model; nothing was imported.",
          List.of(
              Problem.Error.field(
                  "file",
                  "not-archi-format",
                  "An Archi archive holds model.xml and images/…; export the model from Archi"
                      + " again.")));
    }
    if (!others.isEmpty()) {
      long images = others.stream().filter(n -> n.startsWith("images/")).count();
      builder.warn(
          "",
          "",
          "image-not-kept",
          "The archive holds "
              + others.size()
              + " file(s) besides the model"
              + (images > 0 ? " (" + images + " image(s), e.g. " + others.get(0) + ")" : "")
              + "; EAMS does not keep images, so diagram objects show no picture.");
    }
  }

  private static ProblemException tooLarge(String what, String code, String key) {
    return ProblemException.tooLarge(
        what + " Nothing was imported.",
        List.of(
            Problem.Error.field(
                "file",
                code,
                "The limit is the server setting "
                    + key
                    + "; an administrator can raise it, or import a smaller model.")));
  }

  /** A limit broken while the XML parser was reading (the parser wraps what the stream threw). */
  private static ProblemException limitBehind(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 10; depth++) {
      if (t instanceof ProblemException p) {
        return p;
      }
      Throwable next =
          t instanceof XMLStreamException x && x.getNestedException() != null
              ? x.getNestedException()
              : t.getCause();
      t = next == t ? null : next;
    }
    return null;
  }

  /**
   * One zip entry, inflated under the limits: its size, and its ratio to the compressed bytes
   * actually consumed so far (the sizes in the zip headers are not trusted). Closing it leaves the
   * archive open; whoever opened the archive closes it.
   */
  private InputStream entry(ZipInputStream zip, String name, CountingInputStream compressed) {
    long start = compressed.count();
    InputStream open =
        new FilterInputStream(zip) {
          @Override
          public void close() {
            // the archive goes on
          }
        };
    return new CountingInputStream(
        open, inflated -> checkEntry(name, inflated, Math.max(1, compressed.count() - start)));
  }

  private void checkEntry(String name, long inflated, long packed) {
    String entry = "The entry " + name + " of the archive " + source + " unpacks to more than ";
    if (inflated > limits.maxBytes()) {
      throw tooLarge(
          entry + limits.maxBytes() + " bytes, the most this server accepts.",
          "max-bytes",
          KEY_MAX_BYTES);
    }
    if (inflated > RATIO_GRACE && inflated > packed * limits.maxZipRatio()) {
      throw tooLarge(
          entry + limits.maxZipRatio() + " times its compressed size, which is how zip bombs work.",
          "max-zip-ratio",
          KEY_MAX_RATIO);
    }
  }

  /** Reads the rest of an entry (under the limits) so that no byte is inflated unchecked. */
  private static void drain(InputStream entry) throws IOException {
    byte[] buffer = new byte[8192];
    while (entry.read(buffer, 0, buffer.length) >= 0) {
      // counted and checked as it is read
    }
  }

  // ========================================= the document =======================================

  private void parse(InputStream in) throws XMLStreamException {
    modelRead = true;
    XMLStreamReader r = XmlTree.open(in);
    reader = r;
    if (XmlTree.nextTag(r) != XMLStreamConstants.START_ELEMENT
        || !r.getLocalName().equals("model")
        || !NS.equals(r.getNamespaceURI())) {
      String found =
          r.getEventType() == XMLStreamConstants.START_ELEMENT
              ? "<" + r.getLocalName() + "> in namespace '" + r.getNamespaceURI() + "'"
              : "no element";
      boolean archi1 =
          r.getEventType() == XMLStreamConstants.START_ELEMENT
              && NS_ARCHI_1.equals(r.getNamespaceURI());
      throw ProblemException.badRequest(
          "The file "
              + source
              + " is not an Archi model file; nothing was imported."
              + (archi1
                  ? " It was written by Archi 1.x: open and save it in a current Archi."
                  : ""),
          List.of(
              new Problem.Error(
                  null,
                  null,
                  XmlTree.where(r),
                  "not-archi-format",
                  "Expected <archimate:model> in namespace " + NS + ", found " + found + ".")));
    }
    String where = XmlTree.where(r);
    modelId = id(attr(r, "id"));
    modelName = attr(r, "name");
    String version = attr(r, "version");
    legacyGroupOffset = compareVersions(version, "3.1.1") < 0;
    if (major(version) > NEWEST_MAJOR) {
      builder.warn(
          where,
          modelId,
          "archi-version",
          "The file was written by a newer Archi (model version "
              + version
              + "); EAMS reads what it knows and reports the rest.");
    }
    while (XmlTree.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      switch (r.getLocalName()) {
        case "folder" -> folder(r, "");
        case "property" -> property(XmlTree.read(r), modelProperties);
        case "purpose" -> purpose = XmlTree.read(r).text;
        case "profile" -> profile(XmlTree.read(r));
        case "metadata" -> {
          XmlTree.Node m = XmlTree.read(r);
          if (!m.children.isEmpty()) {
            builder.warn(m.where(), "", "metadata", "The model's metadata entries are not kept.");
          }
        }
        case "feature" -> XmlTree.read(r); // Archi's own settings of the model
        default -> notRead(XmlTree.read(r));
      }
    }
    r.close(); // the reader only; the stream belongs to the caller
  }

  private void notRead(XmlTree.Node n) {
    builder.warn(n.where(), "", "not-read", "<" + n.name + "> is not read by EAMS.");
  }

  private ImportedModel finish() {
    builder.model(
        modelId, new ModelData(modelName, "", purpose, "", List.copyOf(modelProperties), LANGUAGE));
    for (Runnable r : deferred) {
      r.run();
    }
    if (!prefixedIds.isEmpty()) {
      builder.warn(
          "",
          "",
          "id-prefixed",
          prefixedIds.size()
              + " identifier(s) start with a digit, which an XML id may not; they were given the"
              + " prefix 'id-', as Archi's export to the exchange format does.");
    }
    if (!featuresNotKept.isEmpty()) {
      StringBuilder list = new StringBuilder();
      featuresNotKept.forEach(
          (k, v) ->
              list.append(list.length() == 0 ? "" : ", ")
                  .append(k)
                  .append(" (")
                  .append(v)
                  .append(')'));
      builder.warn(
          featuresWhere,
          "",
          "feature-not-kept",
          "Archi display settings are not kept: " + list + ".");
    }
    for (Tally t : tallies.values()) {
      builder.warn(t.where, "", t.code, t.message.apply(t.count));
    }
    return builder.build(source);
  }

  // =========================================== folders ==========================================

  /** A folder, streamed: its concepts are read one at a time. */
  private void folder(XMLStreamReader r, String parentId) throws XMLStreamException {
    FolderDraft f = newFolder(attr(r, "id"), parentId, attr(r, "name"), XmlTree.where(r));
    f.documentation = attr(r, "documentation");
    deferred.add(() -> builder.folder(f.id, f.parentId, f.name, "", f.documentation, f.where));
    while (XmlTree.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      switch (r.getLocalName()) {
        case "folder" -> folder(r, f.id);
        case "element" -> concept(XmlTree.read(r), f.id);
        case "documentation" -> f.documentation = XmlTree.read(r).text;
        case "property" -> folderProperty(XmlTree.read(r));
        case "feature" -> XmlTree.read(r);
        default -> notRead(XmlTree.read(r));
      }
    }
  }

  /** A folder read as a tree (Archi writes a folder it moved as an element of type Folder). */
  private void folder(XmlTree.Node n, String parentId) {
    FolderDraft f = newFolder(n.attr("id"), parentId, n.attr("name"), n.where());
    f.documentation = documentation(n);
    deferred.add(() -> builder.folder(f.id, f.parentId, f.name, "", f.documentation, f.where));
    for (XmlTree.Node c : n.children) {
      switch (c.name) {
        case "folder" -> folder(c, f.id);
        case "element" -> concept(c, f.id);
        case "property" -> folderProperty(c);
        case "documentation", "feature" -> {
          // read above, or Archi's own settings
        }
        default -> notRead(c);
      }
    }
  }

  private FolderDraft newFolder(String rawId, String parentId, String name, String where) {
    String id = id(rawId);
    if (id.isEmpty()) {
      id = (modelId.isEmpty() ? "folder" : modelId) + "-folder-" + ++generatedFolders;
    }
    return new FolderDraft(id, parentId, name, where);
  }

  private void folderProperty(XmlTree.Node p) {
    tally(
        "folder-property",
        p.where(),
        n -> n + " propert(ies) of folders are not kept: EAMS folders have no properties.");
  }

  private void file(String id, String folderId, String where) {
    if (!id.isEmpty() && !folderId.isEmpty()) {
      deferred.add(() -> builder.file(id, folderId, where));
    }
  }

  // ========================================== concepts ==========================================

  private void concept(XmlTree.Node n, String folderId) {
    String type = n.xsiType;
    if (type.equals("ArchimateDiagramModel")) {
      view(n, folderId);
    } else if (type.endsWith("Model")) {
      String id = id(n.attr("id"));
      viewNames.put(id, n.attr("name"));
      builder.warn(
          n.where(),
          id,
          "view-not-archimate",
          "The "
              + (type.equals("SketchModel")
                  ? "sketch"
                  : type.startsWith("Canvas") ? "canvas" : type)
              + " view '"
              + n.attr("name")
              + "' is not an ArchiMate view; it is not imported.");
    } else if (type.equals("Folder")) {
      folder(n, folderId);
    } else if (LegacyTypes.isRelationshipType(type)) {
      relationship(n, folderId);
    } else {
      element(n, folderId);
    }
  }

  private void element(XmlTree.Node n, String folderId) {
    String where = n.where();
    String id = id(n.attr("id"));
    String type =
        n.xsiType.equals("Junction")
            ? LegacyTypes.junction(n.attr("type"))
            : LegacyTypes.elementType(n.xsiType);
    elementTypes.put(id, type);
    String name = n.attr("name");
    String doc = documentation(n);
    List<Property> props = properties(n);
    List<String> refs = words(n.attr("profiles"));
    deferred.add(
        () ->
            builder.element(
                id, type, name, "", doc, "", specialize(props, refs, type, id, where), where));
    file(id, folderId, where);
  }

  private void relationship(XmlTree.Node n, String folderId) {
    String where = n.where();
    String id = id(n.attr("id"));
    String type = LegacyTypes.relationshipType(n.xsiType);
    String access = "";
    if (type.equals("Access")) {
      String given = n.attr("accessType").strip();
      access =
          switch (given) {
            case "", "0" -> "Write"; // Archi's default, which it does not write
            case "1" -> "Read";
            case "2" -> "Access";
            case "3" -> "ReadWrite";
            default -> {
              builder.warn(
                  where,
                  id,
                  "access-type",
                  "Unknown access type '" + given + "'; read as Write, as Archi does.");
              yield "Write";
            }
          };
    }
    String strength = type.equals("Influence") ? n.attr("strength") : "";
    boolean directed = type.equals("Association") && n.attr("directed").equalsIgnoreCase("true");
    String sourceId = id(n.attr("source"));
    String targetId = id(n.attr("target"));
    String name = n.attr("name");
    String doc = documentation(n);
    List<Property> props = properties(n);
    List<String> refs = words(n.attr("profiles"));
    String accessType = access;
    deferred.add(
        () ->
            builder.relationship(
                new ImportBuilder.RelationshipDraft(
                    id,
                    type,
                    sourceId,
                    targetId,
                    name,
                    "",
                    doc,
                    "",
                    specialize(props, refs, type, id, where),
                    accessType,
                    strength,
                    directed,
                    where)));
    file(id, folderId, where);
  }

  private void profile(XmlTree.Node p) {
    String image = p.attr("imagePath");
    if (!image.isEmpty()) {
      imageNotKept(p.where());
    }
    profiles.put(p.attr("id"), new ArchiProfile(p.attr("name"), p.attr("conceptType")));
  }

  /**
   * The properties with the concept's specializations (Archi profiles): one whose name is an EAMS
   * specialization of the concept's type becomes {@value ImportBuilder#SPECIALIZATION}, any other
   * the plain property {@value #SPECIALIZATION_PROPERTY}.
   */
  private List<Property> specialize(
      List<Property> props, List<String> refs, String type, String id, String where) {
    if (refs.isEmpty()) {
      return props;
    }
    List<Property> result = new ArrayList<>(props);
    boolean specialized = false;
    for (String ref : refs) {
      ArchiProfile p = profiles.get(ref);
      if (p == null) {
        builder.warn(
            where,
            id,
            "unknown-profile",
            "The concept refers to specialization '" + ref + "', which the file does not define.");
        continue;
      }
      boolean declared =
          !specialized
              && metamodel
                  .specialization(p.name)
                  .filter(s -> s.elementType().equals(type))
                  .isPresent();
      if (declared) {
        result.add(new Property(ImportBuilder.SPECIALIZATION, p.name));
        specialized = true;
      } else {
        result.add(new Property(SPECIALIZATION_PROPERTY, p.name));
        tally(
            "specialization-as-property",
            where,
            n ->
                "The specialization '"
                    + p.name
                    + "' of "
                    + type
                    + " is not one EAMS declares for that type; it is kept as the property '"
                    + SPECIALIZATION_PROPERTY
                    + "' on "
                    + n
                    + " concept(s).");
      }
    }
    return result;
  }

  private List<Property> properties(XmlTree.Node n) {
    List<Property> result = new ArrayList<>(2);
    for (XmlTree.Node p : n.all("property")) {
      property(p, result);
    }
    return result;
  }

  private void property(XmlTree.Node p, List<Property> into) {
    String key = p.attr("key");
    if (key.isBlank()) {
      tally(
          "property-without-key",
          p.where(),
          n -> n + " propert(ies) without a key are not kept: EAMS needs a key.");
      return;
    }
    into.add(new Property(key, p.attr("value")));
  }

  private static String documentation(XmlTree.Node n) {
    return n.first("documentation").map(d -> d.text).orElse(n.attr("documentation"));
  }

  // ============================================ views ===========================================

  private void view(XmlTree.Node v, String folderId) {
    String id = id(v.attr("id"));
    String name = v.attr("name");
    viewNames.put(id, name);
    ViewDraft d =
        new ViewDraft(id, name, documentation(v), viewpoint(v, id), properties(v), v.where());
    if (v.attr("connectionRouterType").equals("2")) {
      builder.warn(
          v.where(),
          id,
          "router-not-kept",
          "The view draws its connections with Archi's Manhattan router; EAMS draws them"
              + " through their bendpoints.");
    }
    for (XmlTree.Node c : v.children) {
      if (c.name.equals("child")) {
        diagramObject(c, null, d);
      }
    }
    deferred.add(() -> emitView(d));
    file(id, folderId, v.where());
  }

  private String viewpoint(XmlTree.Node v, String viewId) {
    String given = v.attr("viewpoint").strip();
    if (given.isEmpty() || given.equals("0")) {
      return "";
    }
    String vp = VIEWPOINTS.get(given);
    if (vp != null && metamodel.viewpoint(vp).isPresent()) {
      return vp;
    }
    String old = VIEWPOINTS_2_ONLY.get(given);
    builder.warn(
        v.where(),
        viewId,
        "unknown-viewpoint",
        (old != null
                ? "The ArchiMate 2 viewpoint " + old + " has no successor in ArchiMate "
                : "The viewpoint '" + given + "' is not one of ArchiMate ")
            + metamodel.version()
            + "; the view is kept without a viewpoint.");
    return "";
  }

  private void diagramObject(XmlTree.Node c, NodeDraft parent, ViewDraft d) {
    NodeDraft n = new NodeDraft(id(c.attr("id")), parent, c.where());
    Optional<XmlTree.Node> b = c.first("bounds");
    n.x = b.map(x -> integer(x, "x", 0, n.id)).orElse(0);
    n.y = b.map(x -> integer(x, "y", 0, n.id)).orElse(0);
    n.w = b.map(x -> integer(x, "width", -1, n.id)).orElse(-1);
    n.h = b.map(x -> integer(x, "height", -1, n.id)).orElse(-1);
    if (legacyGroupOffset && parent != null && parent.archiGroup) {
      n.y += 18; // Archi before 3.1.1 drew a group's children 18 pixels lower
    }
    switch (c.xsiType) {
      case "DiagramObject", "DiagramModelArchimateObject" -> {
        n.kind = "element";
        n.elementId = id(c.attr("archimateElement"));
      }
      case "Group", "DiagramModelGroup" -> {
        n.kind = "group";
        n.archiGroup = true;
        n.label = c.attr("name");
        if (!documentation(c).isEmpty()) {
          viewDetailNotKept(c.where());
        }
      }
      case "Note", "DiagramModelNote" -> {
        n.kind = "note";
        n.label = c.first("content").map(x -> x.text).orElse(c.attr("content"));
      }
      case "DiagramModelReference" -> {
        n.kind = "note";
        n.referencedView = id(c.attr("model"));
      }
      case "DiagramModelImage" -> {
        n.skipped = true;
        builder.warn(
            c.where(),
            n.id,
            "image-not-kept",
            "The image on the view is not kept: EAMS does not keep images.");
      }
      default -> {
        n.skipped = true;
        builder.warn(
            c.where(),
            n.id,
            "not-read",
            "A diagram object of type '" + c.xsiType + "' is not read by EAMS.");
      }
    }
    if (!n.skipped) {
      n.style = style(c, false);
      if (!c.attr("imagePath").isEmpty()) {
        imageNotKept(c.where());
      }
      if (!c.all("property").isEmpty()) {
        viewDetailNotKept(c.where());
      }
    }
    d.nodes.add(n);
    if (parent == null) {
      d.top.add(n);
    } else {
      parent.children.add(n);
    }
    for (XmlTree.Node k : c.all("sourceConnection")) {
      connection(k, d);
    }
    for (XmlTree.Node k : c.all("child")) {
      diagramObject(k, n, d);
    }
  }

  private void connection(XmlTree.Node k, ViewDraft d) {
    String relationship = k.attr("archimateRelationship");
    if (relationship.isEmpty()) {
      relationship = k.attr("relationship"); // Archi before 4
    }
    ConnectionDraft c =
        new ConnectionDraft(
            id(k.attr("id")),
            id(relationship),
            id(k.attr("source")),
            id(k.attr("target")),
            k.where());
    for (XmlTree.Node b : k.all("bendpoint")) {
      c.relative.add(
          new int[] {
            integer(b, "startX", 0, c.id),
            integer(b, "startY", 0, c.id),
            integer(b, "endX", 0, c.id),
            integer(b, "endY", 0, c.id)
          });
    }
    c.style = style(k, true);
    if (!k.attr("name").isEmpty() || !documentation(k).isEmpty() || !k.all("property").isEmpty()) {
      viewDetailNotKept(k.where());
    }
    d.connections.add(c);
    for (XmlTree.Node nested : k.all("sourceConnection")) {
      connection(nested, d); // a connection that starts on this connection
    }
  }

  /** Turns a view's drafts into absolute coordinates and hands the view to the builder. */
  private void emitView(ViewDraft d) {
    Map<String, NodeDraft> nodes = new HashMap<>();
    for (NodeDraft n : d.nodes) {
      nodes.put(n.id, n);
    }
    Map<String, ConnectionDraft> connections = new HashMap<>();
    for (ConnectionDraft c : d.connections) {
      connections.put(c.id, c);
    }
    for (NodeDraft n : d.nodes) { // parents come before their children
      int[] size = size(n);
      n.w = size[0];
      n.h = size[1];
      n.absX = (n.parent == null ? 0 : n.parent.absX) + n.x;
      n.absY = (n.parent == null ? 0 : n.parent.absY) + n.y;
    }
    Set<String> gone = new HashSet<>();
    for (NodeDraft n : d.nodes) {
      if (n.skipped) {
        gone.add(n.id);
      }
    }
    boolean changed = !gone.isEmpty();
    while (changed) {
      changed = false;
      for (ConnectionDraft c : d.connections) {
        if (!c.skipped && (gone.contains(c.sourceId) || gone.contains(c.targetId))) {
          c.skipped = true;
          gone.add(c.id);
          changed = true;
          builder.warn(
              c.where,
              c.id,
              "connection-not-kept",
              "The connection ends on a diagram object that is not kept; it is left out.");
        }
      }
    }
    // Archi's exchange export shifts a view so that no coordinate is negative: by the smallest x
    // and y of the top-level objects and of the bendpoints between objects.
    int offsetX = 0;
    int offsetY = 0;
    for (NodeDraft n : d.top) {
      offsetX = Math.min(offsetX, n.x);
      offsetY = Math.min(offsetY, n.y);
    }
    for (ConnectionDraft c : d.connections) {
      List<int[]> points = absoluteBendpoints(c, nodes, connections, new HashSet<>());
      if (nodes.containsKey(c.sourceId) && nodes.containsKey(c.targetId)) {
        for (int[] p : points) {
          offsetX = Math.min(offsetX, p[0]);
          offsetY = Math.min(offsetY, p[1]);
        }
      }
    }
    List<ViewDefinition.Node> viewNodes = new ArrayList<>(d.nodes.size());
    Map<String, String> where = new LinkedHashMap<>();
    for (NodeDraft n : d.nodes) {
      if (n.skipped) {
        continue;
      }
      String label = n.label;
      if (n.referencedView != null) {
        String name = viewNames.get(n.referencedView);
        label = name == null ? "" : name;
        builder.warn(
            n.where,
            n.id,
            "view-reference",
            "The reference to view '"
                + (name == null ? n.referencedView : name)
                + "' is kept as a note with its name: EAMS views do not link to other views.");
      }
      NodeDraft parent = n.parent;
      while (parent != null && parent.skipped) {
        parent = parent.parent;
      }
      viewNodes.add(
          new ViewDefinition.Node(
              n.id,
              parent == null ? "" : parent.id,
              n.kind,
              n.kind.equals("element") ? n.elementId : "",
              label,
              "",
              n.absX - offsetX,
              n.absY - offsetY,
              n.w,
              n.h,
              n.style));
      where.put(n.id, n.where);
    }
    List<ViewDefinition.Connection> viewConnections = new ArrayList<>(d.connections.size());
    for (ConnectionDraft c : d.connections) {
      if (c.skipped) {
        continue;
      }
      List<int[]> points = new ArrayList<>(c.absolute.size());
      for (int[] p : c.absolute) {
        points.add(new int[] {p[0] - offsetX, p[1] - offsetY});
      }
      viewConnections.add(
          new ViewDefinition.Connection(
              c.id, c.relationshipId, c.sourceId, c.targetId, points, c.style));
      where.put(c.id, c.where);
    }
    builder.view(
        new ViewDefinition(
            d.id,
            d.name,
            "",
            d.documentation,
            d.viewpoint,
            "",
            d.properties,
            viewNodes,
            viewConnections),
        where,
        d.where);
  }

  /**
   * The object's size: its bounds, or where a file holds -1 ("default size", written by Archi
   * before 3.0.0) the size Archi gives it when it opens the file: a container is grown to hold its
   * children, anything else gets the default size of its figure.
   */
  private int[] size(NodeDraft n) {
    if (n.size != null) {
      return n.size;
    }
    int[] s;
    if (n.w != -1 && n.h != -1) {
      s = new int[] {n.w, n.h};
    } else if (!n.children.isEmpty()) {
      int w = 0;
      int h = 0;
      for (NodeDraft c : n.children) {
        int[] cs = size(c);
        w = Math.max(c.x + cs[0] + 10, w);
        h = Math.max(c.y + cs[1] + 10, h);
      }
      int[] def = defaultSize(n);
      s = new int[] {Math.max(w, def[0]), Math.max(h, def[1])};
    } else {
      s = defaultSize(n);
    }
    n.size = s;
    return s;
  }

  /** The default figure sizes Archi gives a -1 size (an ArchiMate object: 120 × 55). */
  private int[] defaultSize(NodeDraft n) {
    if (n.skipped) {
      return new int[] {200, 150};
    }
    return switch (n.kind) {
      case "element" -> {
        String type = elementTypes.getOrDefault(n.elementId, "");
        if (type.endsWith("Junction")) {
          yield new int[] {15, 15};
        }
        yield new int[] {120, 55};
      }
      case "group" -> new int[] {400, 140};
      default -> n.referencedView != null ? new int[] {120, 55} : new int[] {185, 80};
    };
  }

  /**
   * The bendpoints of a connection in absolute coordinates. Archi keeps each bendpoint twice,
   * relative to the centre of the source and to the centre of the target, and draws bendpoint i of
   * n at weight (i + 1) / (n + 1) between the two; its exchange export computes the same. The two
   * agree until an object is moved or resized without the route; then Archi draws, and this keeps,
   * the blend (not the point relative to the source alone). A connection that ends on another
   * connection is anchored at the middle of that one's route.
   */
  private List<int[]> absoluteBendpoints(
      ConnectionDraft c,
      Map<String, NodeDraft> nodes,
      Map<String, ConnectionDraft> connections,
      Set<String> visiting) {
    if (c.absolute != null) {
      return c.absolute;
    }
    if (!visiting.add(c.id)) {
      return List.of(); // connections that end on each other in a circle: no anchor
    }
    int[] s = reference(c.sourceId, nodes, connections, visiting);
    int[] t = reference(c.targetId, nodes, connections, visiting);
    List<int[]> result = new ArrayList<>(c.relative.size());
    if (s != null && t != null) {
      int count = c.relative.size();
      for (int i = 0; i < count; i++) {
        int[] bp = c.relative.get(i);
        // weight (i + 1) / (n + 1) carried as integers and divided once, rounded down as draw2d
        // rounds: exact where both reconstructions agree (a double weight can land 1 pixel low)
        long toTarget = i + 1L;
        long toSource = count - (long) i;
        long x = (s[0] + (long) bp[0]) * toSource + (t[0] + (long) bp[2]) * toTarget;
        long y = (s[1] + (long) bp[1]) * toSource + (t[1] + (long) bp[3]) * toTarget;
        result.add(
            new int[] {(int) Math.floorDiv(x, count + 1L), (int) Math.floorDiv(y, count + 1L)});
      }
    }
    c.absolute = result;
    return result;
  }

  /** The point a connection end refers to: an object's centre, or a connection's middle. */
  private int[] reference(
      String id,
      Map<String, NodeDraft> nodes,
      Map<String, ConnectionDraft> connections,
      Set<String> visiting) {
    NodeDraft n = nodes.get(id);
    if (n != null) {
      return new int[] {n.absX + n.w / 2, n.absY + n.h / 2};
    }
    ConnectionDraft c = connections.get(id);
    if (c == null || visiting.contains(id)) {
      return null;
    }
    List<int[]> bends = absoluteBendpoints(c, nodes, connections, visiting);
    int[] s = reference(c.sourceId, nodes, connections, visiting);
    int[] t = reference(c.targetId, nodes, connections, visiting);
    if (s == null || t == null) {
      return null;
    }
    List<int[]> route = new ArrayList<>(bends.size() + 2);
    route.add(s);
    route.addAll(bends);
    route.add(t);
    int m = route.size();
    if (m % 2 == 1) {
      return route.get(m / 2);
    }
    int[] a = route.get(m / 2 - 1);
    int[] b = route.get(m / 2);
    return new int[] {Math.floorDiv(a[0] + b[0], 2), Math.floorDiv(a[1] + b[1], 2)};
  }

  /** The look Archi stores on a diagram object or connection, as the exchange format's style. */
  private ViewDefinition.Style style(XmlTree.Node c, boolean connection) {
    int lineAlpha = -1;
    for (XmlTree.Node f : c.all("feature")) {
      String name = f.attr("name");
      if (name.equals("lineAlpha")) {
        lineAlpha = percent(f.attr("value"));
      } else if (!name.isEmpty()) {
        featuresNotKept.merge(name, 1, Integer::sum);
        if (featuresWhere.isEmpty()) {
          featuresWhere = f.where();
        }
      }
    }
    String font = "";
    String fontSize = "";
    String fontStyle = "";
    String[] fontData = FONT_FIELDS.split(c.attr("font"));
    if (fontData.length >= 4) { // SWT FontData: version|name|height|style|…
      font = fontData[1].strip();
      fontSize = TRAILING_ZEROS.matcher(fontData[2].strip()).replaceAll("");
      try {
        int bits = Integer.parseInt(fontData[3].strip());
        fontStyle =
            ((bits & 1) != 0 ? "bold" : "")
                + ((bits & 3) == 3 ? " " : "")
                + ((bits & 2) != 0 ? "italic" : "");
      } catch (NumberFormatException e) {
        fontStyle = "";
      }
    }
    String width = c.attr("lineWidth").strip();
    return new ViewDefinition.Style(
        connection ? "" : color(c.attr("fillColor")),
        connection ? -1 : percent(c.attr("alpha")),
        color(c.attr("lineColor")),
        lineAlpha,
        SMALL_NUMBER.matcher(width).matches() ? Integer.parseInt(width) : 0,
        font,
        fontSize,
        fontStyle,
        color(c.attr("fontColor")));
  }

  private static String color(String c) {
    String s = c.strip();
    return COLOR.matcher(s).matches() ? s.toLowerCase() : "";
  }

  /** Archi's opacity 0–255 as a percentage; -1 when not given. */
  private static int percent(String alpha) {
    String s = alpha.strip();
    if (!SMALL_NUMBER.matcher(s).matches()) {
      return -1;
    }
    int a = Math.min(255, Integer.parseInt(s));
    return Math.round(a / 255f * 100);
  }

  private void imageNotKept(String where) {
    tally(
        "image-not-kept",
        where,
        n ->
            n
                + " diagram object(s) or specialization(s) show an image; EAMS does not keep images.");
  }

  private void viewDetailNotKept(String where) {
    tally(
        "view-detail-not-kept",
        where,
        n ->
            n
                + " diagram object(s) or connection(s) have properties, documentation or a"
                + " connection label, which EAMS views do not keep.");
  }

  // =========================================== helpers ==========================================

  /** An Archi id as EAMS keeps it: with the prefix {@code id-} when it starts with a digit. */
  private String id(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    if (Character.isDigit(raw.charAt(0))) {
      prefixedIds.add(raw);
      return "id-" + raw;
    }
    return raw;
  }

  private int integer(XmlTree.Node n, String attr, int absent, String id) {
    String v = n.attr(attr).strip();
    if (v.isEmpty()) {
      return absent;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      builder.error(
          n.where(),
          id,
          "invalid-number",
          "The attribute " + attr + " must be a whole number, not '" + v + "'.");
      return absent;
    }
  }

  private static String attr(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    return v == null ? "" : v;
  }

  private static List<String> words(String s) {
    List<String> result = new ArrayList<>(1);
    for (String w : SPACES.split(s.strip())) {
      if (!w.isEmpty()) {
        result.add(w);
      }
    }
    return result;
  }

  /** Compares dotted version numbers as Archi does; a missing or non-numeric part counts as 0. */
  static int compareVersions(String a, String b) {
    String[] x = a.strip().split("\\.");
    String[] y = b.strip().split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(part(x, i), part(y, i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int major(String version) {
    return part(version.strip().split("\\."), 0);
  }

  private static int part(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    try {
      return Integer.parseInt(parts[i].strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void tally(String code, String where, IntFunction<String> message) {
    // one warning per kind of change, counted, at the first place it happened
    String key = code + '\u0000' + message.apply(-1);
    tallies.computeIfAbsent(key, k -> new Tally(code, where, message)).count++;
  }

  private String where(XMLStreamException e) {
    Location l = e.getLocation();
    if (l == null && reader != null) {
      l = reader.getLocation();
    }
    return l == null ? null : l.getLineNumber() + ":" + l.getColumnNumber();
  }

  private static String cleanMessage(XMLStreamException e) {
    String m = e.getMessage() == null ? "Unreadable XML." : e.getMessage();
    int i = m.indexOf("Message: ");
    return i >= 0 ? m.substring(i + 9) : m;
  }

  // ============================================ drafts ==========================================

  private static final class Tally {
    final String code;
    final String where;
    final IntFunction<String> message;
    int count;

    Tally(String code, String where, IntFunction<String> message) {
      this.code = code;
      this.where = where;
      this.message = message;
    }
  }

  private record ArchiProfile(String name, String conceptType) {}

  private static final class FolderDraft {
    final String id;
    final String parentId;
    final String name;
    final String where;
    String documentation = "";

    FolderDraft(String id, String parentId, String name, String where) {
      this.id = id;
      this.parentId = parentId;
      this.name = name;
      this.where = where;
    }
  }

  private static final class ViewDraft {
    final String id;
    final String name;
    final String documentation;
    final String viewpoint;
    final List<Property> properties;
    final String where;
    final List<NodeDraft> nodes = new ArrayList<>();
    final List<NodeDraft> top = new ArrayList<>();
    final List<ConnectionDraft> connections = new ArrayList<>();

    ViewDraft(
        String id,
        String name,
        String documentation,
        String viewpoint,
        List<Property> properties,
        String where) {
      this.id = id;
      this.name = name;
      this.documentation = documentation;
      this.viewpoint = viewpoint;
      this.properties = properties;
      this.where = where;
    }
  }

  /** A diagram object as read: bounds relative to its parent, size possibly -1. */
  private static final class NodeDraft {
    final String id;
    final NodeDraft parent;
    final String where;
    final List<NodeDraft> children = new ArrayList<>(0);
    String kind = "note";
    String elementId = "";
    String label = "";
    String referencedView;
    boolean archiGroup;
    boolean skipped;
    ViewDefinition.Style style = ViewDefinition.Style.NONE;
    int x;
    int y;
    int w;
    int h;
    int[] size;
    int absX;
    int absY;

    NodeDraft(String id, NodeDraft parent, String where) {
      this.id = id;
      this.parent = parent;
      this.where = where;
    }
  }

  /** A connection as read: bendpoints relative to the centres of its ends. */
  private static final class ConnectionDraft {
    final String id;
    final String relationshipId;
    final String sourceId;
    final String targetId;
    final String where;
    final List<int[]> relative = new ArrayList<>(0);
    List<int[]> absolute;
    ViewDefinition.Style style = ViewDefinition.Style.NONE;
    boolean skipped;

    ConnectionDraft(
        String id, String relationshipId, String sourceId, String targetId, String where) {
      this.id = id;
      this.relationshipId = relationshipId;
      this.sourceId = sourceId;
      this.targetId = targetId;
      this.where = where;
    }
  }
}
