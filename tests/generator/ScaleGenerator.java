import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a large synthetic ArchiMate repository as an Open Group ArchiMate Model Exchange File
 * (namespace {@code http://www.opengroup.org/xsd/archimate/3.0/}) for import benchmarks, and learns
 * the statistics it imitates from a real exchange file.
 *
 * <p>Generation ({@code --elements N --relationships M [--seed S] [--out FILE]}):
 *
 * <ul>
 *   <li>element types follow the element shares of a mix file ({@code dimpact-mix.tsv} by default),
 *       allocated exactly (largest remainder);
 *   <li>relationships follow the mix's (source type, relationship type, target type) triples, also
 *       allocated exactly; triples the ArchiMate 3.2 table {@code
 *       metamodel/archimate-3.2/relationship-table.tsv} does not allow are dropped, so every
 *       relationship written is allowed;
 *   <li>endpoints are drawn within their type by heavy-tailed weights (hubs with many
 *       relationships, most elements with one to three, tuned on Dimpact's degree distribution); no
 *       self-loops, no duplicate (source, type, target);
 *   <li>views show a connected neighbourhood of 5 to 40 elements with every relationship among
 *       them, on a grid with absolute bounds;
 *   <li>names are Vietnamese ({@code xml:lang="vi"}), a share also English; some documentation;
 *       typed properties through {@code propertyDefinitions}; an Archi-like folder tree;
 *   <li>with {@code --profile vn-egov}, also the specializations and typed properties of the
 *       project's Vietnamese e-Government profile: agencies, applications with owning agencies and
 *       security levels, databases ({@link EgovProfile}).
 * </ul>
 *
 * <p>The same arguments give byte-identical output: all randomness comes from a SplitMix64 stream
 * derived from {@code --seed}. Memory is a few arrays of ints per element and relationship; the XML
 * is streamed.
 *
 * <p>Learning ({@code --learn EXCHANGE.xml [--out FILE]}) prints the element type counts and
 * relationship triples of an exchange file as a mix TSV, with degree statistics in the header.
 *
 * <p>Run as a single-file program with JDK 17 or later, e.g. {@code java
 * tests/generator/ScaleGenerator.java --elements 100000 --relationships 200000 --seed 42 --out
 * /tmp/model.xml}. See {@code tests/generator/README.md}.
 */
public final class ScaleGenerator {

  static final String NS = "http://www.opengroup.org/xsd/archimate/3.0/";
  static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
  static final String SCHEMA_LOCATION =
      NS + " http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd";

  /** Default cap on the number of views. */
  static final int MAX_DEFAULT_VIEWS = 2000;

  /**
   * Spread (sigma of the underlying normal) of the log-normal weights of elements: larger means
   * bigger hubs and more elements with one relationship. Tuned with the probabilities below so that
   * a model of Dimpact's size gets Dimpact's degree distribution (see README.md).
   */
  static final double WEIGHT_SIGMA = 1.2;

  /** Probability that the hub end of a relationship is a not yet used element. */
  static final double HUB_END_FRESH = 0.2;

  /** Probability that the leaf end of a relationship is a not yet used element. */
  static final double LEAF_END_FRESH = 0.8;

  private ScaleGenerator() {}

  public static void main(String[] args) {
    try {
      Options options = Options.parse(args);
      if (options.help) {
        System.out.println(Options.USAGE);
        return;
      }
      if (options.learn != null) {
        Learner.run(options, args);
      } else {
        generate(options);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("ScaleGenerator: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
    } catch (IOException | XMLStreamException e) {
      System.err.println("ScaleGenerator: " + e);
      System.exit(1);
    }
  }

  static void generate(Options options) throws IOException, XMLStreamException {
    long start = System.nanoTime();
    Metamodel metamodel = Metamodel.load(options.metamodelDir);
    Mix mix = Mix.load(options.mixFile);
    Model model = new ModelBuilder(metamodel, mix, options).build();
    if (options.profile != null) {
      model.profile = new EgovProfile(model);
    }
    ExchangeWriter.Counts counts;
    try (OutputStream out = openOutput(options.out)) {
      counts = new ExchangeWriter(model, options).write(out);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(
        Locale.ROOT,
        "ScaleGenerator: %d elements, %d relationships, %d views (%d nodes, %d connections),"
            + " max degree %d, %.1f s%n",
        model.elementCount(),
        model.relationshipCount(),
        model.viewSeeds.length,
        counts.nodes,
        counts.connections,
        Stats.max(model.degrees()),
        seconds);
    if (model.profile != null) {
      System.err.println(
          "ScaleGenerator: profile " + EgovProfile.NAME + ": " + model.profile.summary());
    }
  }

  static OutputStream openOutput(Path out) throws IOException {
    if (out == null) {
      return new BufferedOutputStream(new NonClosingStream(System.out), 1 << 20);
    }
    return new BufferedOutputStream(Files.newOutputStream(out), 1 << 20);
  }

  // ---------------------------------------------------------------------------------------------
  // Options

  /** Command line options. */
  static final class Options {
    static final String USAGE =
        String.join(
            "\n",
            "Usage:",
            "  java ScaleGenerator.java --elements N --relationships M [--seed S] [--out FILE]",
            "       [--views V] [--mix FILE] [--name TEXT] [--metamodel DIR] [--profile vn-egov]",
            "  java ScaleGenerator.java --learn EXCHANGE.xml [--out FILE]",
            "Defaults: --elements 1000, --relationships 2 x elements, --seed 1, --out stdout,",
            "  --views min(2000, elements / 15), --mix dimpact-mix.tsv beside this program,",
            "  --metamodel metamodel/archimate-3.2 of the project, no --profile (plain elements).");

    int elements = 1000;
    long relationships = -1;
    long seed = 1;
    Path out;
    int views = -1;
    Path mixFile;
    String name = "Kiến trúc tổng thể chính quyền điện tử (mô hình tổng hợp)";
    Path metamodelDir;
    Path learn;
    String profile;
    boolean help;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--help") || arg.equals("-h")) {
          o.help = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + arg);
        }
        String value = args[++i];
        switch (arg) {
          case "--elements" -> o.elements = (int) parseCount(arg, value, Integer.MAX_VALUE / 2);
          case "--relationships" -> o.relationships = parseCount(arg, value, Integer.MAX_VALUE / 4);
          case "--seed" -> o.seed = parseLong(arg, value);
          case "--out" -> o.out = Path.of(value);
          case "--views" -> o.views = (int) parseCount(arg, value, Integer.MAX_VALUE);
          case "--mix" -> o.mixFile = Path.of(value);
          case "--name" -> o.name = value;
          case "--metamodel" -> o.metamodelDir = Path.of(value);
          case "--learn" -> o.learn = Path.of(value);
          case "--profile" -> {
            if (!value.equals(EgovProfile.NAME)) {
              throw new IllegalArgumentException(
                  "--profile knows only " + EgovProfile.NAME + ", not '" + value + "'");
            }
            o.profile = value;
          }
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (o.relationships < 0) {
        o.relationships = 2L * o.elements;
      }
      if (o.views < 0) {
        o.views = (int) Math.min(MAX_DEFAULT_VIEWS, Math.round(o.elements / 15.0));
      }
      Path programDir = programDir();
      if (o.mixFile == null) {
        o.mixFile = firstExisting(programDir, "dimpact-mix.tsv", "tests/generator/dimpact-mix.tsv");
      }
      if (o.metamodelDir == null) {
        Path root = programDir == null ? null : programDir.toAbsolutePath().getParent();
        root = root == null ? null : root.getParent();
        o.metamodelDir = firstExisting(root, "metamodel/archimate-3.2", "metamodel/archimate-3.2");
      }
      return o;
    }

    private static long parseCount(String option, String value, long max) {
      long n = parseLong(option, value);
      if (n < 0 || n > max) {
        throw new IllegalArgumentException(option + " must be between 0 and " + max);
      }
      return n;
    }

    private static long parseLong(String option, String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
      }
    }

    /** The folder of this source file, or null when it cannot be told. */
    static Path programDir() {
      String source = System.getProperty("jdk.launcher.sourcefile");
      if (source != null) {
        return Path.of(source).toAbsolutePath().getParent();
      }
      try {
        CodeSource code = ScaleGenerator.class.getProtectionDomain().getCodeSource();
        if (code != null && code.getLocation() != null) {
          Path p = Path.of(code.getLocation().toURI());
          return Files.isDirectory(p) ? p : p.getParent();
        }
      } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
        // fall through: resolve against the working directory
      }
      return null;
    }

    private static Path firstExisting(Path base, String besideBase, String fromCwd) {
      if (base != null) {
        Path p = base.resolve(besideBase);
        if (Files.exists(p)) {
          return p;
        }
      }
      return Path.of(fromCwd);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Randomness

  /** SplitMix64: small, fast and fully specified, so output never depends on the JDK. */
  static final class Rng {
    private long state;

    Rng(long seed) {
      this.state = seed;
    }

    /** A stream for one item (element, relationship, view) of one purpose. */
    static Rng forKey(long seed, long salt, long index) {
      return new Rng(mix(mix(seed ^ mix(salt)) + index));
    }

    static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      return z ^ (z >>> 31);
    }

    long nextLong() {
      state += 0x9e3779b97f4a7c15L;
      return mix(state);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
      if (bound <= 0) {
        throw new IllegalArgumentException("bound " + bound);
      }
      long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
      long r;
      do {
        r = nextLong() >>> 1;
      } while (r >= limit);
      return (int) (r % bound);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
      return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
      return nextDouble() < p;
    }

    <T> T pick(T[] items) {
      return items[nextInt(items.length)];
    }

    void shuffle(int[] a) {
      for (int i = a.length - 1; i > 0; i--) {
        int j = nextInt(i + 1);
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Metamodel: the project's ArchiMate 3.2 tables

  /** Element types, relationship types and the allowed-relationship matrix. */
  static final class Metamodel {
    /** Element type name to {layer, name_vi, name_en}. */
    final Map<String, String[]> elementTypes = new LinkedHashMap<>();

    /** Relationship types in table order, their letters and Vietnamese names. */
    final List<String> relationshipTypes = new ArrayList<>();

    final Map<String, Character> letters = new HashMap<>();
    final Map<String, String> relationshipNamesVi = new HashMap<>();

    /** "Source|Target" (table concepts) to the allowed letters. */
    final Map<String, String> cells = new HashMap<>();

    static Metamodel load(Path dir) throws IOException {
      Metamodel m = new Metamodel();
      for (String[] row : Tsv.rows(dir.resolve("elements.tsv"))) {
        m.elementTypes.put(row[0], new String[] {row[1], row[3], row[4]});
      }
      for (String[] row : Tsv.rows(dir.resolve("relationship-types.tsv"))) {
        m.relationshipTypes.add(row[0]);
        m.letters.put(row[0], row[1].charAt(0));
        m.relationshipNamesVi.put(row[0], row[3]);
      }
      List<String[]> table = Tsv.rowsWithHeader(dir.resolve("relationship-table.tsv"));
      String[] header = table.get(0);
      for (String[] row : table.subList(1, table.size())) {
        for (int c = 1; c < header.length; c++) {
          m.cells.put(row[0] + "|" + header[c], row[c]);
        }
      }
      return m;
    }

    /** The table's concept for an element type: junctions share the row/column "Junction". */
    static String concept(String type) {
      return type.equals("AndJunction") || type.equals("OrJunction") ? "Junction" : type;
    }

    boolean isAllowed(String source, String relationship, String target) {
      String cell = cells.get(concept(source) + "|" + concept(target));
      Character letter = letters.get(relationship);
      return cell != null && letter != null && cell.indexOf(letter) >= 0;
    }

    boolean isElementType(String type) {
      return elementTypes.containsKey(type);
    }

    String layer(String type) {
      return elementTypes.get(type)[0];
    }

    String nameVi(String type) {
      return elementTypes.get(type)[1];
    }

    String nameEn(String type) {
      return elementTypes.get(type)[2];
    }
  }

  /** Reads the project's TSV files: TAB separated, '#' comments, blank lines ignored. */
  static final class Tsv {
    /** Data rows, header dropped. */
    static List<String[]> rows(Path file) throws IOException {
      List<String[]> all = rowsWithHeader(file);
      return all.isEmpty() ? all : all.subList(1, all.size());
    }

    /** The header row first, then the data rows. */
    static List<String[]> rowsWithHeader(Path file) throws IOException {
      List<String[]> rows = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (trimmed.charAt(0) == '\uFEFF') {
          trimmed = trimmed.substring(1);
        }
        String[] cells = trimmed.split("\t", -1);
        for (int i = 0; i < cells.length; i++) {
          cells[i] = cells[i].strip();
        }
        rows.add(cells);
      }
      return rows;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Mix: element type counts and relationship triples

  /** The statistics a model is generated from (see dimpact-mix.tsv). */
  static final class Mix {
    static final String HEADER = "kind\tsource\trelationship\ttarget\tcount";

    final Map<String, Long> elements = new LinkedHashMap<>();
    final List<Triple> triples = new ArrayList<>();

    record Triple(String source, String relationship, String target, long count) {}

    static Mix load(Path file) throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("mix file not found: " + file);
      }
      Mix mix = new Mix();
      for (String[] row : Tsv.rows(file)) {
        if (row.length != 5) {
          throw new IllegalArgumentException(
              file + ": rows need 5 cells: " + String.join(" ", row));
        }
        long count = Long.parseLong(row[4]);
        switch (row[0]) {
          case "element" -> mix.elements.merge(row[1], count, Long::sum);
          case "relationship" -> mix.triples.add(new Triple(row[1], row[2], row[3], count));
          default -> throw new IllegalArgumentException(file + ": unknown kind " + row[0]);
        }
      }
      return mix;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The generated graph

  /** The generated model in arrays: everything but the text, which is derived when written. */
  static final class Model {
    /** Element types in use, indexed by the bytes of {@link #elementType}. */
    String[] types;

    byte[] elementType;
    byte[] elementDomain;

    /** Relationship types of the metamodel, indexed by the bytes of {@link #relType}. */
    String[] relationshipTypes;

    int[] relSource;
    int[] relTarget;
    byte[] relType;

    /** Incident relationships per element: {@code incident[incidentStart[e] .. [e + 1])}. */
    int[] incidentStart;

    int[] incident;

    int[] viewSeeds;
    Metamodel metamodel;
    long seed;
    String mixName;

    /** The vn-egov profile's typed properties (--profile vn-egov), else null. */
    EgovProfile profile;

    int elementCount() {
      return elementType.length;
    }

    int relationshipCount() {
      return relSource.length;
    }

    int[] degrees() {
      int[] d = new int[elementCount()];
      for (int e = 0; e < d.length; e++) {
        d[e] = incidentStart[e + 1] - incidentStart[e];
      }
      return d;
    }
  }

  /** Builds the graph: element types, domains, relationships, adjacency and view seeds. */
  static final class ModelBuilder {
    static final long SALT_TYPES = 1;
    static final long SALT_RELATIONSHIPS = 2;
    static final long SALT_VIEW_SEEDS = 3;

    private final Metamodel metamodel;
    private final Mix mix;
    private final Options options;
    private final Model model = new Model();

    ModelBuilder(Metamodel metamodel, Mix mix, Options options) {
      this.metamodel = metamodel;
      this.mix = mix;
      this.options = options;
    }

    Model build() {
      model.metamodel = metamodel;
      model.seed = options.seed;
      model.mixName = options.mixFile.getFileName().toString();
      model.relationshipTypes = metamodel.relationshipTypes.toArray(new String[0]);
      long[] typeCounts = assignElementTypes();
      assignDomains();
      buildRelationships(typeCounts);
      buildAdjacency();
      chooseViewSeeds();
      return model;
    }

    /** Element types by exact quota of the mix's shares, in a shuffled order. */
    private long[] assignElementTypes() {
      List<String> types = new ArrayList<>();
      List<Long> weights = new ArrayList<>();
      mix.elements.forEach(
          (type, count) -> {
            if (!metamodel.isElementType(type) || Metamodel.concept(type).equals("Junction")) {
              warn("element type " + type + " is not generated (junction or unknown type)");
            } else if (count > 0) {
              types.add(type);
              weights.add(count);
            }
          });
      if (types.isEmpty() && options.elements > 0) {
        throw new IllegalArgumentException("the mix has no usable element types");
      }
      model.types = types.toArray(new String[0]);
      long[] quota = Quota.largestRemainder(options.elements, weights);
      int[] order = new int[options.elements];
      int k = 0;
      for (int t = 0; t < quota.length; t++) {
        for (long i = 0; i < quota[t]; i++) {
          order[k++] = t;
        }
      }
      new Rng(Rng.forKey(options.seed, SALT_TYPES, 0).nextLong()).shuffle(order);
      model.elementType = new byte[options.elements];
      for (int e = 0; e < order.length; e++) {
        model.elementType[e] = (byte) order[e];
      }
      return quota;
    }

    /** A business domain per element (folder and name), mildly skewed. */
    private void assignDomains() {
      int n = Names.DOMAINS.length;
      double[] cumulative = new double[n];
      double sum = 0;
      for (int d = 0; d < n; d++) {
        sum += 1.0 / (d + 3);
        cumulative[d] = sum;
      }
      Rng rng = Rng.forKey(options.seed, SALT_TYPES, 1);
      model.elementDomain = new byte[options.elements];
      for (int e = 0; e < options.elements; e++) {
        double u = rng.nextDouble() * sum;
        int d = 0;
        while (d < n - 1 && cumulative[d] <= u) {
          d++;
        }
        model.elementDomain[e] = (byte) d;
      }
    }

    private void buildRelationships(long[] typeCounts) {
      int count = (int) options.relationships;
      model.relSource = new int[count];
      model.relTarget = new int[count];
      model.relType = new byte[count];
      if (count == 0) {
        return;
      }
      if (options.elements < 2) {
        throw new IllegalArgumentException("relationships need at least 2 elements");
      }
      Map<String, Integer> typeIndex = new HashMap<>();
      for (int t = 0; t < model.types.length; t++) {
        typeIndex.put(model.types[t], t);
      }
      List<int[]> usable = new ArrayList<>();
      List<Long> weights = new ArrayList<>();
      selectTriples(typeIndex, typeCounts, usable, weights);
      long[] quota = Quota.largestRemainder(count, weights);
      int[] sequence = new int[count];
      int k = 0;
      for (int t = 0; t < quota.length; t++) {
        for (long i = 0; i < quota[t]; i++) {
          sequence[k++] = t;
        }
      }
      Rng rng = Rng.forKey(options.seed, SALT_RELATIONSHIPS, 0);
      rng.shuffle(sequence);
      new Wiring(model, typeCounts, rng).wire(usable, sequence);
    }

    /** Triples that are allowed by the table and whose types are generated. */
    private void selectTriples(
        Map<String, Integer> typeIndex, long[] typeCounts, List<int[]> usable, List<Long> weights) {
      List<String> relTypes = metamodel.relationshipTypes;
      long missingType = 0;
      for (Mix.Triple t : mix.triples) {
        Integer s = typeIndex.get(t.source());
        Integer g = typeIndex.get(t.target());
        int r = relTypes.indexOf(t.relationship());
        String label = t.source() + " " + t.relationship() + " " + t.target();
        if (s == null || g == null || r < 0 || typeCounts[s] == 0 || typeCounts[g] == 0) {
          missingType += t.count();
        } else if (!metamodel.isAllowed(t.source(), t.relationship(), t.target())) {
          warn("triple not generated (not allowed by ArchiMate 3.2): " + label);
        } else if (s.equals(g) && typeCounts[s] < 2) {
          continue; // would need a self-loop
        } else if (t.count() > 0) {
          usable.add(new int[] {s, r, g});
          weights.add(t.count());
        }
      }
      if (missingType > 0) {
        warn(missingType + " relationships of the mix have an end type that is not generated");
      }
      if (usable.isEmpty()) {
        throw new IllegalArgumentException(
            "the mix has no relationship between the generated element types: ask for more"
                + " elements");
      }
    }

    private void buildAdjacency() {
      int n = options.elements;
      int[] start = new int[n + 1];
      for (int r = 0; r < model.relSource.length; r++) {
        start[model.relSource[r] + 1]++;
        start[model.relTarget[r] + 1]++;
      }
      for (int e = 0; e < n; e++) {
        start[e + 1] += start[e];
      }
      int[] fill = Arrays.copyOf(start, n);
      int[] incident = new int[model.relSource.length * 2];
      for (int r = 0; r < model.relSource.length; r++) {
        incident[fill[model.relSource[r]]++] = r;
        incident[fill[model.relTarget[r]]++] = r;
      }
      model.incidentStart = start;
      model.incident = incident;
    }

    /** View centres: half uniform among connected elements, half relationship ends (hubs). */
    private void chooseViewSeeds() {
      int views = model.relationshipCount() == 0 ? 0 : options.views;
      if (options.views > 0 && views == 0) {
        warn("no relationships, so no views");
      }
      Rng rng = Rng.forKey(options.seed, SALT_VIEW_SEEDS, 0);
      model.viewSeeds = new int[views];
      for (int v = 0; v < views; v++) {
        int seed = -1;
        if (rng.chance(0.5)) {
          for (int attempt = 0; attempt < 20 && seed < 0; attempt++) {
            int e = rng.nextInt(model.elementCount());
            if (model.incidentStart[e + 1] > model.incidentStart[e]) {
              seed = e;
            }
          }
        }
        if (seed < 0) {
          int r = rng.nextInt(model.relationshipCount());
          seed = rng.chance(0.5) ? model.relSource[r] : model.relTarget[r];
        }
        model.viewSeeds[v] = seed;
      }
    }
  }

  /**
   * Chooses the endpoints of every relationship. Each element gets a heavy-tailed (log-normal)
   * weight. An end is either the next element of its type not yet used, so that most elements take
   * part, or an element drawn in proportion to its weight, so that a few hubs collect many
   * relationships. One end of each relationship, at random, leans to fresh elements and the other
   * to weighted ones, as when a hub aggregates or serves many leaves.
   */
  static final class Wiring {
    static final long SALT_WEIGHTS = 21;

    private final Model model;
    private final Rng rng;
    private final int[][] members;
    private final double[][] cumulative;
    private final int[] cursor;
    private final LongSet seen;

    Wiring(Model model, long[] typeCounts, Rng rng) {
      this.model = model;
      this.rng = rng;
      int types = model.types.length;
      members = new int[types][];
      cumulative = new double[types][];
      cursor = new int[types];
      int[] fill = new int[types];
      for (int t = 0; t < types; t++) {
        members[t] = new int[(int) typeCounts[t]];
        cumulative[t] = new double[(int) typeCounts[t]];
      }
      Rng weights = Rng.forKey(model.seed, SALT_WEIGHTS, 0);
      for (int e = 0; e < model.elementType.length; e++) {
        int t = model.elementType[e];
        double weight = weight(weights);
        double previous = fill[t] == 0 ? 0 : cumulative[t][fill[t] - 1];
        cumulative[t][fill[t]] = previous + weight;
        members[t][fill[t]++] = e;
      }
      seen = new LongSet(model.relSource.length);
    }

    /** A log-normal weight (Box-Muller with StrictMath, so it is the same on every JVM). */
    static double weight(Rng rng) {
      double u = 1 - rng.nextDouble();
      double v = rng.nextDouble();
      double normal =
          StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
      return StrictMath.exp(WEIGHT_SIGMA * normal);
    }

    void wire(List<int[]> triples, int[] sequence) {
      for (int r = 0; r < sequence.length; r++) {
        int[] triple = triples.get(sequence[r]);
        boolean placed = false;
        for (int attempt = 0; attempt < 40 && !placed; attempt++) {
          if (attempt > 0 && attempt % 8 == 0) {
            triple = triples.get(sequence[rng.nextInt(sequence.length)]);
          }
          placed = tryPlace(r, triple, attempt >= 32);
        }
        if (!placed) {
          throw new IllegalStateException("could not place relationship " + r);
        }
      }
    }

    /** Picks both ends; accepts unless a self-loop or (before the last attempts) a duplicate. */
    private boolean tryPlace(int r, int[] triple, boolean allowDuplicate) {
      boolean sourceIsHub = rng.chance(0.5);
      int source = pick(triple[0], sourceIsHub ? HUB_END_FRESH : LEAF_END_FRESH);
      int target = pick(triple[2], sourceIsHub ? LEAF_END_FRESH : HUB_END_FRESH);
      if (source == target) {
        return false;
      }
      long key = ((long) source * model.elementCount() + target) * 16 + triple[1];
      if (!seen.add(key) && !allowDuplicate) {
        return false;
      }
      model.relSource[r] = source;
      model.relTarget[r] = target;
      model.relType[r] = (byte) triple[1];
      return true;
    }

    /** The next unused element of the type (with probability fresh), else one by weight. */
    private int pick(int type, double fresh) {
      int[] pool = members[type];
      if (cursor[type] < pool.length && rng.chance(fresh)) {
        return pool[cursor[type]++];
      }
      double[] cum = cumulative[type];
      double u = rng.nextDouble() * cum[cum.length - 1];
      int i = Arrays.binarySearch(cum, u);
      i = i >= 0 ? i + 1 : -i - 1;
      return pool[Math.min(i, pool.length - 1)];
    }
  }

  /** Exact integer allocation of a total over weights. */
  static final class Quota {
    /** Floors of the proportional shares, then one more for the largest remainders. */
    static long[] largestRemainder(long total, List<Long> weights) {
      long sum = 0;
      for (long w : weights) {
        sum += w;
      }
      long[] quota = new long[weights.size()];
      if (sum == 0) {
        return quota;
      }
      long given = 0;
      Integer[] order = new Integer[weights.size()];
      long[] remainder = new long[weights.size()];
      for (int i = 0; i < quota.length; i++) {
        long exact = Math.multiplyExact(total, weights.get(i));
        quota[i] = exact / sum;
        remainder[i] = exact % sum;
        given += quota[i];
        order[i] = i;
      }
      Arrays.sort(
          order, Comparator.comparingLong((Integer i) -> -remainder[i]).thenComparing(i -> i));
      for (int k = 0; given < total; k++, given++) {
        quota[order[k % order.length]]++;
      }
      return quota;
    }
  }

  /** An open-addressing set of non-negative longs. */
  static final class LongSet {
    private final long[] slots;
    private final int mask;

    LongSet(int expected) {
      int capacity = Integer.highestOneBit(Math.max(16, expected * 2)) * 2;
      slots = new long[capacity];
      mask = capacity - 1;
    }

    /** Adds the key; false if it was there already. */
    boolean add(long key) {
      long stored = key + 1;
      int i = (int) Rng.mix(key) & mask;
      while (slots[i] != 0) {
        if (slots[i] == stored) {
          return false;
        }
        i = (i + 1) & mask;
      }
      slots[i] = stored;
      return true;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The Vietnamese e-Government profile (--profile vn-egov)

  /**
   * Typed properties of the project's {@code vn-egov} profile (metamodel/profiles/vn-egov), written
   * as exchange-file properties that EAMS reads as the specialization ({@code eams:specialization})
   * and its typed properties:
   *
   * <ul>
   *   <li>business actors named as agencies ("Sở …", "Phòng … cấp huyện", "UBND cấp xã") become
   *       {@code Agency} with their {@code level};
   *   <li>every application component an {@code Application} with an {@code applicationGroup}; most
   *       have an owning agency ({@code owner}), mostly one of the application's own domain, drawn
   *       by heavy-tailed weights so that a few agencies own many applications; some an operating
   *       agency ({@code operator}); most a {@code securityLevel} (1–5, Decree 85/2016);
   *   <li>every data object a {@code Database} with its {@code databaseClass}.
   * </ul>
   *
   * <p>All values come from their own random streams, so the rest of the file is the same as
   * without the profile. Relationships come from the mix: egov-mix.tsv adds application components
   * that access data objects, which bring an agency's databases in.
   */
  static final class EgovProfile {
    static final String NAME = "vn-egov";
    static final long SALT_VALUES = 15;
    static final long SALT_AGENCY_WEIGHTS = 16;

    /** Property definitions: {id, exchange type, key}. */
    static final String[][] DEFINITIONS = {
      {"id-p7", "string", "eams:specialization"},
      {"id-p8", "string", "level"},
      {"id-p9", "string", "applicationGroup"},
      {"id-p10", "string", "owner"},
      {"id-p11", "string", "operator"},
      {"id-p12", "number", "securityLevel"},
      {"id-p13", "string", "databaseClass"},
    };

    static final String[] LEVELS = {"", "province", "district", "commune"};
    static final String[] GROUPS = {"sectoral", "business", "commonTechnical"};

    /** Share of applications with an owner, with an operator, with a security level. */
    static final double OWNED = 0.75;

    static final double OPERATED = 0.15;
    static final double WITH_SECURITY_LEVEL = 0.85;

    /** Share of owned applications whose owner is an agency of the application's domain. */
    static final double SAME_DOMAIN_OWNER = 0.8;

    /** Cumulative shares of security levels 1..5. */
    static final double[] SECURITY_LEVELS = {0.10, 0.55, 0.85, 0.97, 1.0};

    private final Model model;
    private final int digits;

    /** Per element: 1 province, 2 district, 3 commune agency; 0 not an agency. */
    private final byte[] agencyLevel;

    /** Agencies in element order, all and per domain, with cumulative weights. */
    private final int[] agencies;

    private final double[] agencyCumulative;
    private final int[][] domainAgencies;
    private final double[][] domainCumulative;

    EgovProfile(Model model) {
      this.model = model;
      int n = model.elementCount();
      digits = Math.max(6, String.valueOf(n).length());
      agencyLevel = new byte[n];
      int actor = Arrays.asList(model.types).indexOf("BusinessActor");
      List<Integer> all = new ArrayList<>();
      for (int e = 0; e < n; e++) {
        if (model.elementType[e] != actor) {
          continue;
        }
        // BusinessActor's templates: Sở {d}, Phòng {d} cấp huyện, Công dân, Doanh nghiệp,
        // UBND cấp xã
        int level =
            switch (ElementText.of(model, e).template()) {
              case 0 -> 1;
              case 1 -> 2;
              case 4 -> 3;
              default -> 0;
            };
        agencyLevel[e] = (byte) level;
        if (level > 0) {
          all.add(e);
        }
      }
      agencies = all.stream().mapToInt(Integer::intValue).toArray();
      agencyCumulative = new double[agencies.length];
      double[] weight = new double[agencies.length];
      Rng weights = Rng.forKey(model.seed, SALT_AGENCY_WEIGHTS, 0);
      double sum = 0;
      for (int i = 0; i < agencies.length; i++) {
        weight[i] = Wiring.weight(weights);
        sum += weight[i];
        agencyCumulative[i] = sum;
      }
      int domains = Names.DOMAINS.length;
      domainAgencies = new int[domains][];
      domainCumulative = new double[domains][];
      for (int d = 0; d < domains; d++) {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < agencies.length; i++) {
          if (model.elementDomain[agencies[i]] == d) {
            in.add(i);
          }
        }
        domainAgencies[d] = new int[in.size()];
        domainCumulative[d] = new double[in.size()];
        double c = 0;
        for (int k = 0; k < in.size(); k++) {
          domainAgencies[d][k] = agencies[in.get(k)];
          c += weight[in.get(k)];
          domainCumulative[d][k] = c;
        }
      }
    }

    private String id(int e) {
      return "id-e" + ExchangeWriter.pad(e + 1, digits);
    }

    /** The typed properties of element e: {property definition id, value}; empty for none. */
    List<String[]> properties(int e) {
      String type = model.types[model.elementType[e]];
      List<String[]> p = new ArrayList<>(5);
      switch (type) {
        case "BusinessActor" -> {
          if (agencyLevel[e] > 0) {
            p.add(new String[] {"id-p7", "Agency"});
            p.add(new String[] {"id-p8", LEVELS[agencyLevel[e]]});
          }
        }
        case "ApplicationComponent" -> {
          int[] a = application(e);
          p.add(new String[] {"id-p7", "Application"});
          p.add(new String[] {"id-p9", GROUPS[a[0]]});
          if (a[1] >= 0) {
            p.add(new String[] {"id-p10", id(a[1])});
          }
          if (a[2] >= 0) {
            p.add(new String[] {"id-p11", id(a[2])});
          }
          if (a[3] > 0) {
            p.add(new String[] {"id-p12", String.valueOf(a[3])});
          }
        }
        case "DataObject" -> {
          Rng rng = Rng.forKey(model.seed, SALT_VALUES, e);
          double u = rng.nextDouble();
          String c =
              u < 0.50
                  ? "sectoral"
                  : u < 0.75 ? "internal" : u < 0.95 ? "provincialShared" : "national";
          p.add(new String[] {"id-p7", "Database"});
          p.add(new String[] {"id-p13", c});
        }
        default -> {
          // no specialization
        }
      }
      return p;
    }

    /**
     * An application's {group (0 sectoral, 1 business, 2 commonTechnical), owner element or -1,
     * operator element or -1, security level or 0}; every draw is made whatever the outcome.
     */
    int[] application(int e) {
      Rng rng = Rng.forKey(model.seed, SALT_VALUES, e);
      double g = rng.nextDouble();
      boolean owned = rng.chance(OWNED);
      boolean sameDomain = rng.chance(SAME_DOMAIN_OWNER);
      double ownerDraw = rng.nextDouble();
      boolean operated = rng.chance(OPERATED);
      double operatorDraw = rng.nextDouble();
      boolean secured = rng.chance(WITH_SECURITY_LEVEL);
      double levelDraw = rng.nextDouble();
      int group = g < 0.60 ? 0 : g < 0.85 ? 1 : 2;
      int owner = -1;
      int operator = -1;
      if (agencies.length > 0) {
        int d = model.elementDomain[e];
        if (owned) {
          owner =
              sameDomain && domainAgencies[d].length > 0
                  ? weighted(domainAgencies[d], domainCumulative[d], ownerDraw)
                  : weighted(agencies, agencyCumulative, ownerDraw);
        }
        if (operated) {
          operator = weighted(agencies, agencyCumulative, operatorDraw);
          if (operator == owner) {
            operator = -1;
          }
        }
      }
      int level = 0;
      if (secured) {
        while (levelDraw >= SECURITY_LEVELS[level]) {
          level++;
        }
        level++;
      }
      return new int[] {group, owner, operator, level};
    }

    private static int weighted(int[] pool, double[] cumulative, double u) {
      double x = u * cumulative[cumulative.length - 1];
      int i = Arrays.binarySearch(cumulative, x);
      i = i >= 0 ? i + 1 : -i - 1;
      return pool[Math.min(i, pool.length - 1)];
    }

    /** Counts for the summary line. */
    String summary() {
      int[] levels = new int[4];
      for (byte l : agencyLevel) {
        levels[l]++;
      }
      Map<Integer, Integer> owned = new HashMap<>();
      int applications = 0;
      int withOwner = 0;
      int withOperator = 0;
      int secured = 0;
      int databases = 0;
      for (int e = 0; e < model.elementCount(); e++) {
        String type = model.types[model.elementType[e]];
        if (type.equals("DataObject")) {
          databases++;
        } else if (type.equals("ApplicationComponent")) {
          applications++;
          int[] a = application(e);
          if (a[1] >= 0) {
            withOwner++;
            owned.merge(a[1], 1, Integer::sum);
          }
          if (a[2] >= 0) {
            withOperator++;
            owned.merge(a[2], 1, Integer::sum);
          }
          if (a[3] > 0) {
            secured++;
          }
        }
      }
      int[] perAgency = owned.values().stream().mapToInt(Integer::intValue).sorted().toArray();
      return String.format(
          Locale.ROOT,
          "%d agencies (%d province, %d district, %d commune), %d with applications (largest %d,"
              + " median %d); %d applications (%d with an owner, %d with an operator, %d with a"
              + " security level); %d databases",
          agencies.length,
          levels[1],
          levels[2],
          levels[3],
          perAgency.length,
          perAgency.length == 0 ? 0 : perAgency[perAgency.length - 1],
          perAgency.length == 0 ? 0 : perAgency[perAgency.length / 2],
          applications,
          withOwner,
          withOperator,
          secured,
          databases);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Names and text

  /** Word lists and templates for Vietnamese names with an English counterpart. */
  static final class Names {
    /** Business domains: {Vietnamese, English, folder label}. */
    static final String[][] DOMAINS = {
      {"hộ tịch", "civil registration", "Tư pháp – Hộ tịch"},
      {"đất đai", "land administration", "Tài nguyên & Môi trường"},
      {"thuế", "taxation", "Tài chính – Thuế"},
      {"y tế", "healthcare", "Y tế"},
      {"giáo dục", "education", "Giáo dục & Đào tạo"},
      {"giao thông", "transport", "Giao thông vận tải"},
      {"ngân sách", "public budget", "Tài chính – Ngân sách"},
      {"nhân sự", "human resources", "Nội vụ"},
      {"văn thư lưu trữ", "records management", "Văn phòng"},
      {"xây dựng", "construction permits", "Xây dựng"},
      {"bảo hiểm xã hội", "social insurance", "Lao động – Xã hội"},
      {"môi trường", "environment", "Tài nguyên & Môi trường"},
      {"đầu tư", "investment", "Kế hoạch & Đầu tư"},
      {"nông nghiệp", "agriculture", "Nông nghiệp & PTNT"},
      {"doanh nghiệp", "business registration", "Kế hoạch & Đầu tư"},
      {"một cửa", "one-stop service", "Văn phòng"},
    };

    /** Objects: {Vietnamese, English}. */
    static final String[][] OBJECTS = {
      {"hồ sơ", "dossier"},
      {"giấy phép", "permit"},
      {"văn bản", "document"},
      {"báo cáo", "report"},
      {"thanh toán", "payment"},
      {"đăng ký", "registration"},
      {"tra cứu", "lookup"},
      {"phê duyệt", "approval"},
      {"thống kê", "statistics"},
      {"thông báo", "notification"},
      {"danh mục", "catalogue"},
      {"chữ ký số", "digital signature"},
      {"định danh", "identity"},
      {"khiếu nại", "complaint"},
      {"lịch hẹn", "appointment"},
      {"dữ liệu mở", "open data"},
    };

    /** Templates per type: {vi, en}; {d} domain, {o} object. */
    static final Map<String, String[][]> TEMPLATES = new HashMap<>();

    static {
      t(
          "ApplicationComponent",
          p("Hệ thống quản lý {d}", "{d} management system"),
          p("Phần mềm {o} {d}", "{d} {o} software"),
          p("Cổng thông tin {d}", "{d} portal"),
          p("Cơ sở dữ liệu {d}", "{d} database"),
          p("Nền tảng {o}", "{o} platform"));
      t(
          "ApplicationFunction",
          p("Chức năng {o} {d}", "{d} {o} function"),
          p("Xử lý {o} {d}", "{d} {o} processing"),
          p("Quản lý {o}", "{o} management"));
      t(
          "ApplicationService",
          p("Dịch vụ {o} {d}", "{d} {o} service"),
          p("API {o} {d}", "{d} {o} API"));
      t(
          "ApplicationInterface",
          p("Giao diện {o} {d}", "{d} {o} interface"),
          p("Cổng kết nối {d}", "{d} gateway"));
      t("ApplicationCollaboration", p("Liên thông {o} {d}", "{d} {o} interoperation"));
      t("ApplicationProcess", p("Tự động hóa {o} {d}", "{d} {o} automation"));
      t("DataObject", p("Dữ liệu {o} {d}", "{d} {o} data"), p("Bảng {o}", "{o} table"));
      t(
          "BusinessActor",
          p("Sở {d}", "Department of {d}"),
          p("Phòng {d} cấp huyện", "District {d} office"),
          p("Công dân", "Citizen"),
          p("Doanh nghiệp", "Enterprise"),
          p("UBND cấp xã", "Commune People's Committee"));
      t(
          "BusinessRole",
          p("Cán bộ {d}", "{d} officer"),
          p("Chuyên viên {o}", "{o} specialist"),
          p("Lãnh đạo phụ trách {d}", "Head of {d}"));
      t("BusinessCollaboration", p("Tổ liên ngành {d}", "{d} inter-agency team"));
      t(
          "BusinessInterface",
          p("Bộ phận một cửa {d}", "{d} one-stop desk"),
          p("Tổng đài {o}", "{o} call centre"));
      t(
          "BusinessProcess",
          p("Quy trình {o} {d}", "{d} {o} process"),
          p("Tiếp nhận {o} {d}", "Receiving {d} {o}"),
          p("Thẩm định {o} {d}", "Assessing {d} {o}"));
      t(
          "BusinessFunction",
          p("Quản lý {d}", "{d} management"),
          p("Giám sát {o} {d}", "{d} {o} supervision"));
      t("BusinessInteraction", p("Phối hợp {o} {d}", "{d} {o} coordination"));
      t("BusinessEvent", p("Nhận {o} {d}", "{d} {o} received"), p("Hết hạn {o}", "{o} expired"));
      t("BusinessService", p("Dịch vụ công {o} {d}", "Public {d} {o} service"));
      t("BusinessObject", p("Hồ sơ {d}", "{d} dossier"), p("{O} {d}", "{d} {o}"));
      t("Contract", p("Hợp đồng {o} {d}", "{d} {o} contract"));
      t("Product", p("Gói dịch vụ {d}", "{d} service package"));
      t("Node", p("Máy chủ {d}", "{d} server"), p("Cụm máy chủ {o}", "{o} server cluster"));
      t("TechnologyService", p("Dịch vụ hạ tầng {o}", "{o} infrastructure service"));
      t("Artifact", p("Gói triển khai {o} {d}", "{d} {o} deployment package"));
      t("Principle", p("Nguyên tắc {o} {d}", "{d} {o} principle"));
      t(
          "Constraint",
          p("Tuân thủ quy định {o} {d}", "{d} {o} compliance rule"),
          p("Chuẩn kết nối {o}", "{o} interface standard"));
      t("Requirement", p("Yêu cầu {o} {d}", "{d} {o} requirement"));
      t("Goal", p("Mục tiêu chuyển đổi số {d}", "{d} digital transformation goal"));
      t("Outcome", p("Kết quả {o} {d}", "{d} {o} outcome"));
      t("Driver", p("Động lực cải cách {d}", "{d} reform driver"));
      t("Assessment", p("Đánh giá {o} {d}", "{d} {o} assessment"));
      t("Stakeholder", p("Bên liên quan {d}", "{d} stakeholder"));
      t("Value", p("Giá trị {o} cho người dân", "{o} value for citizens"));
      t("Meaning", p("Ý nghĩa {o}", "Meaning of {o}"));
      t("WorkPackage", p("Dự án {o} {d}", "{d} {o} project"));
      t("Deliverable", p("Sản phẩm bàn giao {o} {d}", "{d} {o} deliverable"));
      t("Grouping", p("Nhóm {d}", "{d} group"));
    }

    private static void t(String type, String[]... pairs) {
      TEMPLATES.put(type, pairs);
    }

    private static String[] p(String vi, String en) {
      return new String[] {vi, en};
    }

    static final String[] OWNERS = {
      "Sở Thông tin và Truyền thông",
      "Văn phòng UBND tỉnh",
      "Sở Tư pháp",
      "Sở Tài chính",
      "Trung tâm Phục vụ hành chính công",
      "Sở Tài nguyên và Môi trường",
      "Trung tâm Chuyển đổi số",
    };

    static final String[] STATUSES = {
      "Đang vận hành", "Đang xây dựng", "Kế hoạch", "Ngừng sử dụng"
    };
    static final String[] CRITICALITY = {"Cao", "Trung bình", "Thấp"};
  }

  /** The texts of one element, all drawn from the element's own random stream. */
  record ElementText(String nameVi, String nameEn, String documentation, int template) {
    static final long SALT = 11;

    static ElementText of(Model model, int e) {
      Rng rng = Rng.forKey(model.seed, SALT, e);
      String type = model.types[model.elementType[e]];
      String[] domain = Names.DOMAINS[model.elementDomain[e]];
      String[] object = rng.pick(Names.OBJECTS);
      String[][] templates = Names.TEMPLATES.get(type);
      String vi;
      String en;
      int index = -1;
      if (templates != null) {
        index = rng.nextInt(templates.length); // as rng.pick(templates)
        String[] template = templates[index];
        vi = fill(template[0], domain[0], object[0]);
        en = fill(template[1], domain[1], object[1]);
      } else {
        vi = model.metamodel.nameVi(type) + " " + domain[0];
        en = model.metamodel.nameEn(type) + " " + domain[1];
      }
      String number = " " + (1 + rng.nextInt(999));
      vi = capitalize(vi) + number;
      en = rng.chance(0.3) ? capitalize(en) + number : null;
      String doc = null;
      if (rng.chance(0.35)) {
        doc =
            model.metamodel.nameVi(type)
                + " thuộc lĩnh vực "
                + domain[0]
                + ", phục vụ nghiệp vụ "
                + object[0]
                + ".";
        if (rng.chance(0.3)) {
          doc += "\nCăn cứ: Quyết định số " + (100 + rng.nextInt(900)) + "/QĐ-UBND.";
        }
      }
      return new ElementText(vi, en, doc, index);
    }

    private static String fill(String template, String domain, String object) {
      return template
          .replace("{d}", domain)
          .replace("{o}", object)
          .replace("{O}", capitalize(object));
    }

    static String capitalize(String s) {
      return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Writing the exchange file

  /** Streams the model as exchange XML. */
  static final class ExchangeWriter {
    static final long SALT_PROPERTIES = 12;
    static final long SALT_RELATIONSHIP_TEXT = 13;
    static final long SALT_VIEW = 14;

    /** Property definitions: {id, type, name vi, name en}. */
    static final String[][] PROPERTIES = {
      {"id-p1", "string", "Đơn vị chủ quản", "Owner"},
      {"id-p2", "number", "Chi phí (VNĐ)", "Cost (VND)"},
      {"id-p3", "string", "Trạng thái", "Status"},
      {"id-p4", "date", "Ngày vận hành", "Go-live date"},
      {"id-p5", "string", "Mức độ quan trọng", "Criticality"},
      {"id-p6", "string", "Phiên bản", "Version"},
    };

    /** Top folders in Archi's order: {label, layers of elements.tsv it holds}. */
    static final String[][] FOLDERS = {
      {"Strategy", "Strategy"},
      {"Business", "Business"},
      {"Application", "Application"},
      {"Technology & Physical", "Technology", "Physical"},
      {"Motivation", "Motivation"},
      {"Implementation & Migration", "ImplementationMigration"},
      {"Other", "Other"},
    };

    static final int NODE_W = 120;
    static final int NODE_H = 55;
    static final int GAP_X = 45;
    static final int GAP_Y = 40;
    static final int MARGIN = 24;

    /** Numbers of view nodes and connections written. */
    static final class Counts {
      long nodes;
      long connections;
    }

    private final Model model;
    private final Options options;
    private final int elementDigits;
    private final int relationshipDigits;
    private final int viewDigits;
    private final Counts counts = new Counts();
    private XMLStreamWriter w;
    private int depth;

    ExchangeWriter(Model model, Options options) {
      this.model = model;
      this.options = options;
      this.elementDigits = digits(model.elementCount());
      this.relationshipDigits = digits(model.relationshipCount());
      this.viewDigits = Math.max(4, String.valueOf(model.viewSeeds.length).length());
    }

    private static int digits(int count) {
      return Math.max(6, String.valueOf(count).length());
    }

    Counts write(OutputStream out) throws IOException, XMLStreamException {
      // A Writer, not the stream: the JDK's writer would push the stream one byte at a time.
      Writer chars =
          new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      w = XMLOutputFactory.newFactory().createXMLStreamWriter(chars);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("", "model", NS);
      w.writeDefaultNamespace(NS);
      w.writeNamespace("xsi", XSI);
      w.writeAttribute("identifier", "id-model-" + Long.toUnsignedString(model.seed));
      w.writeAttribute("xsi", XSI, "schemaLocation", SCHEMA_LOCATION);
      depth = 1;
      text("name", "vi", options.name);
      text("documentation", "vi", modelDocumentation());
      writeElements();
      writeRelationships();
      writeOrganizations();
      writePropertyDefinitions();
      writeViews();
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.flush();
      w.close();
      chars.flush();
      return counts;
    }

    private String modelDocumentation() {
      return String.format(
          Locale.ROOT,
          "Mô hình tổng hợp do tests/generator/ScaleGenerator.java sinh ra: %d phần tử, %d quan"
              + " hệ, %d góc nhìn, seed %d, tỷ lệ theo %s.",
          model.elementCount(),
          model.relationshipCount(),
          model.viewSeeds.length,
          model.seed,
          model.mixName);
    }

    // -- elements

    private void writeElements() throws XMLStreamException {
      if (model.elementCount() == 0) {
        return;
      }
      open("elements");
      for (int e = 0; e < model.elementCount(); e++) {
        ElementText text = ElementText.of(model, e);
        open("element");
        w.writeAttribute("identifier", elementId(e));
        w.writeAttribute("xsi", XSI, "type", model.types[model.elementType[e]]);
        text("name", "vi", text.nameVi());
        if (text.nameEn() != null) {
          text("name", "en", text.nameEn());
        }
        if (text.documentation() != null) {
          text("documentation", "vi", text.documentation());
        }
        writeElementProperties(e);
        close();
      }
      close();
    }

    private void writeElementProperties(int e) throws XMLStreamException {
      Rng rng = Rng.forKey(model.seed, SALT_PROPERTIES, e);
      boolean free = rng.chance(0.5);
      List<String[]> typed = model.profile == null ? List.of() : model.profile.properties(e);
      if (!free && typed.isEmpty()) {
        return;
      }
      boolean opened = false;
      for (String[] p : typed) { // the profile's first: the specialization leads
        if (!opened) {
          open("properties");
          opened = true;
        }
        open("property");
        w.writeAttribute("propertyDefinitionRef", p[0]);
        text("value", null, p[1]);
        close();
      }
      double[] share = {0.8, 0.35, 0.6, 0.3, 0.25, 0.2};
      for (int p = 0; free && p < PROPERTIES.length; p++) {
        if (!rng.chance(share[p])) {
          continue;
        }
        if (!opened) {
          open("properties");
          opened = true;
        }
        open("property");
        w.writeAttribute("propertyDefinitionRef", PROPERTIES[p][0]);
        boolean localized = p == 0 || p == 2 || p == 4;
        text("value", localized ? "vi" : null, propertyValue(p, rng));
        close();
      }
      if (opened) {
        close();
      }
    }

    /** A value for property definition p: names in Vietnamese, numbers and dates plain. */
    private static String propertyValue(int p, Rng rng) {
      return switch (p) {
        case 0 -> rng.pick(Names.OWNERS);
        case 1 -> String.valueOf((1 + rng.nextInt(5000)) * 1_000_000L);
        case 2 -> rng.pick(Names.STATUSES);
        case 3 ->
            (2015 + rng.nextInt(12))
                + "-"
                + pad(1 + rng.nextInt(12), 2)
                + "-"
                + pad(1 + rng.nextInt(28), 2);
        case 4 -> rng.pick(Names.CRITICALITY);
        default -> (1 + rng.nextInt(5)) + "." + rng.nextInt(10) + "." + rng.nextInt(20);
      };
    }

    // -- relationships

    private void writeRelationships() throws XMLStreamException {
      if (model.relationshipCount() == 0) {
        return;
      }
      open("relationships");
      for (int r = 0; r < model.relationshipCount(); r++) {
        writeRelationship(r);
      }
      close();
    }

    private void writeRelationship(int r) throws XMLStreamException {
      Rng rng = Rng.forKey(model.seed, SALT_RELATIONSHIP_TEXT, r);
      String type = model.relationshipTypes[model.relType[r]];
      String name = null;
      if (rng.chance(0.15)) {
        String vi = model.metamodel.relationshipNamesVi.get(type);
        name =
            ElementText.capitalize(vi.toLowerCase(Locale.ROOT)) + " " + rng.pick(Names.OBJECTS)[0];
      }
      String doc = rng.chance(0.03) ? "Quan hệ được xác nhận khi rà soát kiến trúc." : null;
      boolean empty = name == null && doc == null;
      if (empty) {
        indent();
        w.writeEmptyElement(NS, "relationship");
      } else {
        open("relationship");
      }
      w.writeAttribute("identifier", relationshipId(r));
      w.writeAttribute("source", elementId(model.relSource[r]));
      w.writeAttribute("target", elementId(model.relTarget[r]));
      w.writeAttribute("xsi", XSI, "type", type);
      writeRelationshipAttributes(type, rng);
      if (!empty) {
        if (name != null) {
          text("name", "vi", name);
        }
        if (doc != null) {
          text("documentation", "vi", doc);
        }
        close();
      }
    }

    private void writeRelationshipAttributes(String type, Rng rng) throws XMLStreamException {
      switch (type) {
        case "Access" -> {
          double u = rng.nextDouble();
          if (u < 0.30) {
            w.writeAttribute("accessType", "Read");
          } else if (u < 0.50) {
            w.writeAttribute("accessType", "Write");
          } else if (u < 0.55) {
            w.writeAttribute("accessType", "ReadWrite");
          }
        }
        case "Association" -> {
          if (rng.chance(0.15)) {
            w.writeAttribute("isDirected", "true");
          }
        }
        case "Influence" -> {
          if (rng.chance(0.5)) {
            w.writeAttribute("modifier", rng.pick(new String[] {"+", "++", "-", "--"}));
          }
        }
        default -> {
          // no attributes
        }
      }
    }

    // -- organizations

    private void writeOrganizations() throws XMLStreamException {
      if (model.elementCount() == 0 && model.relationshipCount() == 0) {
        return; // the schema wants at least one item
      }
      open("organizations");
      int types = model.types.length;
      int domains = Names.DOMAINS.length;
      int[][] buckets = bucketElements(types, domains);
      for (String[] folder : FOLDERS) {
        List<Integer> folderTypes = typesInLayers(folder);
        if (folderTypes.stream().noneMatch(t -> hasAny(buckets, t, domains))) {
          continue;
        }
        open("item");
        text("label", "en", folder[0]);
        writeDomainFolders(buckets, folderTypes, domains);
        close();
      }
      if (model.relationshipCount() > 0) {
        open("item");
        text("label", "en", "Relations");
        for (int r = 0; r < model.relationshipCount(); r++) {
          reference(relationshipId(r));
        }
        close();
      }
      if (model.viewSeeds.length > 0) {
        writeViewFolders();
      }
      close();
    }

    /** Element ids per (type, domain): buckets[type * domains + domain]. */
    private int[][] bucketElements(int types, int domains) {
      int[] sizes = new int[types * domains];
      for (int e = 0; e < model.elementCount(); e++) {
        sizes[model.elementType[e] * domains + model.elementDomain[e]]++;
      }
      int[][] buckets = new int[sizes.length][];
      for (int b = 0; b < sizes.length; b++) {
        buckets[b] = new int[sizes[b]];
        sizes[b] = 0;
      }
      for (int e = 0; e < model.elementCount(); e++) {
        int b = model.elementType[e] * domains + model.elementDomain[e];
        buckets[b][sizes[b]++] = e;
      }
      return buckets;
    }

    /** The generated types of a top folder, in the order of elements.tsv. */
    private List<Integer> typesInLayers(String[] folder) {
      List<Integer> result = new ArrayList<>();
      List<String> layers = Arrays.asList(folder).subList(1, folder.length);
      List<String> generated = Arrays.asList(model.types);
      for (String type : model.metamodel.elementTypes.keySet()) {
        int t = generated.indexOf(type);
        if (t >= 0 && layers.contains(model.metamodel.layer(type))) {
          result.add(t);
        }
      }
      return result;
    }

    private static boolean hasAny(int[][] buckets, int type, int domains) {
      for (int d = 0; d < domains; d++) {
        if (buckets[type * domains + d].length > 0) {
          return true;
        }
      }
      return false;
    }

    /** Layer folder > domain folder > element type folder > elements. */
    private void writeDomainFolders(int[][] buckets, List<Integer> types, int domains)
        throws XMLStreamException {
      for (String label : domainLabels()) {
        boolean opened = false;
        for (int t : types) {
          for (int d = 0; d < domains; d++) {
            int[] bucket = buckets[t * domains + d];
            if (!Names.DOMAINS[d][2].equals(label) || bucket.length == 0) {
              continue;
            }
            if (!opened) {
              open("item");
              text("label", "vi", label);
              opened = true;
            }
            open("item");
            text(
                "label",
                "vi",
                model.metamodel.nameVi(model.types[t]) + " – " + Names.DOMAINS[d][0]);
            for (int e : bucket) {
              reference(elementId(e));
            }
            close();
          }
        }
        if (opened) {
          close();
        }
      }
    }

    /** Distinct folder labels of the domains, in first-seen order. */
    private static List<String> domainLabels() {
      List<String> labels = new ArrayList<>();
      for (String[] d : Names.DOMAINS) {
        if (!labels.contains(d[2])) {
          labels.add(d[2]);
        }
      }
      return labels;
    }

    private void writeViewFolders() throws XMLStreamException {
      open("item");
      text("label", "en", "Views");
      for (String label : domainLabels()) {
        boolean opened = false;
        for (int v = 0; v < model.viewSeeds.length; v++) {
          if (!Names.DOMAINS[model.elementDomain[model.viewSeeds[v]]][2].equals(label)) {
            continue;
          }
          if (!opened) {
            open("item");
            text("label", "vi", label);
            opened = true;
          }
          reference(viewId(v));
        }
        if (opened) {
          close();
        }
      }
      close();
    }

    private void reference(String id) throws XMLStreamException {
      indent();
      w.writeEmptyElement(NS, "item");
      w.writeAttribute("identifierRef", id);
    }

    // -- property definitions

    private void writePropertyDefinitions() throws XMLStreamException {
      open("propertyDefinitions");
      for (String[] p : PROPERTIES) {
        open("propertyDefinition");
        w.writeAttribute("identifier", p[0]);
        w.writeAttribute("type", p[1]);
        text("name", "vi", p[2]);
        text("name", "en", p[3]);
        close();
      }
      if (model.profile != null) {
        for (String[] p : EgovProfile.DEFINITIONS) {
          open("propertyDefinition");
          w.writeAttribute("identifier", p[0]);
          w.writeAttribute("type", p[1]);
          text("name", "vi", p[2]); // the key EAMS reads: specialization or profile property id
          close();
        }
      }
      close();
    }

    // -- views

    private void writeViews() throws XMLStreamException {
      if (model.viewSeeds.length == 0) {
        return;
      }
      open("views");
      open("diagrams");
      int[] mark = new int[model.elementCount()];
      int[] nodeOf = new int[model.elementCount()];
      for (int v = 0; v < model.viewSeeds.length; v++) {
        writeView(v, mark, nodeOf);
      }
      close();
      close();
    }

    private void writeView(int v, int[] mark, int[] nodeOf) throws XMLStreamException {
      int[] members = neighbourhood(v, mark);
      int seed = model.viewSeeds[v];
      open("view");
      w.writeAttribute("identifier", viewId(v));
      w.writeAttribute("xsi", XSI, "type", "Diagram");
      text("name", "vi", "Góc nhìn " + ElementText.of(model, seed).nameVi());
      int columns = (int) Math.ceil(Math.sqrt(members.length));
      for (int i = 0; i < members.length; i++) {
        long node = ++counts.nodes;
        nodeOf[members[i]] = (int) node;
        indent();
        w.writeEmptyElement(NS, "node");
        w.writeAttribute("identifier", "id-n" + pad(node, 7));
        w.writeAttribute("elementRef", elementId(members[i]));
        w.writeAttribute("xsi", XSI, "type", "Element");
        w.writeAttribute("x", String.valueOf(MARGIN + (i % columns) * (NODE_W + GAP_X)));
        w.writeAttribute("y", String.valueOf(MARGIN + (i / columns) * (NODE_H + GAP_Y)));
        w.writeAttribute("w", String.valueOf(NODE_W));
        w.writeAttribute("h", String.valueOf(NODE_H));
      }
      int stamp = v + 1;
      for (int member : members) {
        for (int k = model.incidentStart[member]; k < model.incidentStart[member + 1]; k++) {
          int r = model.incident[k];
          int target = model.relTarget[r];
          if (model.relSource[r] != member || mark[target] != stamp) {
            continue;
          }
          indent();
          w.writeEmptyElement(NS, "connection");
          w.writeAttribute("identifier", "id-c" + pad(++counts.connections, 7));
          w.writeAttribute("relationshipRef", relationshipId(r));
          w.writeAttribute("xsi", XSI, "type", "Relationship");
          w.writeAttribute("source", "id-n" + pad(nodeOf[member], 7));
          w.writeAttribute("target", "id-n" + pad(nodeOf[target], 7));
        }
      }
      close();
    }

    /**
     * A connected set of 5 to 40 elements around the view's seed (fewer if its component is
     * smaller), breadth first from a random position in each adjacency list. Members are marked
     * with {@code v + 1} in {@code mark}.
     */
    private int[] neighbourhood(int v, int[] mark) {
      Rng rng = Rng.forKey(model.seed, SALT_VIEW, v);
      int size = 5 + (int) (35 * StrictMath.pow(rng.nextDouble(), 1.6));
      int stamp = v + 1;
      int[] members = new int[size];
      int count = 0;
      members[count++] = model.viewSeeds[v];
      mark[model.viewSeeds[v]] = stamp;
      for (int head = 0; head < count && count < size; head++) {
        int e = members[head];
        int from = model.incidentStart[e];
        int degree = model.incidentStart[e + 1] - from;
        int offset = degree == 0 ? 0 : rng.nextInt(degree);
        for (int k = 0; k < degree && count < size; k++) {
          int r = model.incident[from + (offset + k) % degree];
          int other = model.relSource[r] == e ? model.relTarget[r] : model.relSource[r];
          if (mark[other] != stamp) {
            mark[other] = stamp;
            members[count++] = other;
          }
        }
      }
      return Arrays.copyOf(members, count);
    }

    // -- ids and low-level output

    private String elementId(int e) {
      return "id-e" + pad(e + 1, elementDigits);
    }

    private String relationshipId(int r) {
      return "id-r" + pad(r + 1, relationshipDigits);
    }

    private String viewId(int v) {
      return "id-v" + pad(v + 1, viewDigits);
    }

    static String pad(long n, int width) {
      String s = Long.toString(n);
      if (s.length() >= width) {
        return s;
      }
      return "0".repeat(width - s.length()) + s;
    }

    private void open(String name) throws XMLStreamException {
      indent();
      w.writeStartElement(NS, name);
      depth++;
    }

    private void close() throws XMLStreamException {
      depth--;
      indent();
      w.writeEndElement();
    }

    /** A simple element with text content and an optional xml:lang. */
    private void text(String name, String lang, String value) throws XMLStreamException {
      indent();
      w.writeStartElement(NS, name);
      if (lang != null) {
        w.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", lang);
      }
      w.writeCharacters(value);
      w.writeEndElement();
    }

    private static final String[] INDENTS = new String[32];

    static {
      for (int i = 0; i < INDENTS.length; i++) {
        INDENTS[i] = "\n" + "  ".repeat(i);
      }
    }

    private void indent() throws XMLStreamException {
      w.writeCharacters(INDENTS[Math.min(depth, INDENTS.length - 1)]);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Learning a mix from an exchange file

  /** Reads an exchange file and prints its element type counts and relationship triples. */
  static final class Learner {
    private final Map<String, String> typeOf = new HashMap<>();
    private final Map<String, Long> elementCounts = new TreeMap<>();
    private final Map<String, Long> tripleCounts = new TreeMap<>();
    private final Map<String, Long> relationshipTypeCounts = new TreeMap<>();
    private final Map<String, Integer> degree = new HashMap<>();
    private final List<String[]> relationships = new ArrayList<>();
    private final List<Integer> viewSizes = new ArrayList<>();
    private long selfLoops;
    private long duplicates;

    static void run(Options options, String[] args) throws IOException, XMLStreamException {
      Learner learner = new Learner();
      String sha256 = learner.read(options.learn);
      learner.resolveTriples();
      Metamodel metamodel = null;
      if (Files.isDirectory(options.metamodelDir)) {
        metamodel = Metamodel.load(options.metamodelDir);
      }
      try (OutputStream out = openOutput(options.out);
          PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8)) {
        learner.print(print, options.learn, sha256, args, metamodel);
      }
    }

    /** Reads elements, relationships and view sizes; returns the file's SHA-256. */
    private String read(Path file) throws IOException, XMLStreamException {
      MessageDigest digest;
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        XMLStreamReader r = factory.createXMLStreamReader(new NonClosingInput(in));
        List<String> path = new ArrayList<>();
        while (r.hasNext()) {
          int event = r.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
            onStart(r, parent);
            path.add(r.getLocalName());
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            path.remove(path.size() - 1);
          }
        }
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    }

    private void onStart(XMLStreamReader r, String parent) {
      String name = r.getLocalName();
      String type = r.getAttributeValue(XSI, "type");
      String id = r.getAttributeValue(null, "identifier");
      if (name.equals("element") && parent.equals("elements")) {
        typeOf.put(id, type);
        elementCounts.merge(type, 1L, Long::sum);
      } else if (name.equals("relationship") && parent.equals("relationships")) {
        typeOf.put(id, "Relationship");
        relationships.add(
            new String[] {
              type, r.getAttributeValue(null, "source"), r.getAttributeValue(null, "target")
            });
      } else if (name.equals("view") && parent.equals("diagrams")) {
        viewSizes.add(0);
      } else if (name.equals("node")
          && !viewSizes.isEmpty()
          && r.getAttributeValue(null, "elementRef") != null) {
        viewSizes.set(viewSizes.size() - 1, viewSizes.get(viewSizes.size() - 1) + 1);
      }
    }

    private void resolveTriples() {
      Map<String, Boolean> seen = new HashMap<>();
      for (String[] rel : relationships) {
        String source = typeOf.getOrDefault(rel[1], "Unknown");
        String target = typeOf.getOrDefault(rel[2], "Unknown");
        tripleCounts.merge(source + "\t" + rel[0] + "\t" + target, 1L, Long::sum);
        relationshipTypeCounts.merge(rel[0], 1L, Long::sum);
        degree.merge(rel[1], 1, Integer::sum);
        degree.merge(rel[2], 1, Integer::sum);
        if (rel[1].equals(rel[2])) {
          selfLoops++;
        }
        if (seen.put(rel[0] + "\t" + rel[1] + "\t" + rel[2], true) != null) {
          duplicates++;
        }
      }
    }

    private void print(PrintStream out, Path file, String sha256, String[] args, Metamodel mm) {
      long elements = elementCounts.values().stream().mapToLong(Long::longValue).sum();
      int[] degrees = new int[(int) elements];
      int i = 0;
      for (Map.Entry<String, String> entry : typeOf.entrySet()) {
        if (!entry.getValue().equals("Relationship")) {
          degrees[i++] = degree.getOrDefault(entry.getKey(), 0);
        }
      }
      out.println("# Element and relationship mix of an ArchiMate model, for ScaleGenerator.java.");
      out.println(
          "# Statistics only (type counts), no names or other content of the source model.");
      out.println("# Learned from: " + file.getFileName() + " (sha256 " + sha256 + ")");
      out.println(
          "# Made with: java tests/generator/ScaleGenerator.java " + String.join(" ", args));
      out.printf(
          Locale.ROOT,
          "# Source: %d elements (%d types), %d relationships, %d views%s.%n",
          elements,
          elementCounts.size(),
          relationships.size(),
          viewSizes.size(),
          viewSizes.isEmpty() ? "" : " (median " + Stats.median(viewSizes) + " element nodes)");
      out.println("# Relationship types: " + byCountDescending(relationshipTypeCounts));
      out.println("# Degree per element: " + Stats.degreeSummary(degrees));
      out.println(
          "# Self-loops: " + selfLoops + ", duplicate (type, source, target): " + duplicates);
      if (mm != null) {
        out.println("# Not allowed by ArchiMate 3.2 (metamodel table): " + notAllowed(mm));
      }
      out.println("# Columns: kind (element | relationship), source (element type), relationship");
      out.println(
          "# (relationship type or -), target (element type or -), count. A source or target");
      out.println("# 'Relationship' is a relationship used as an endpoint.");
      out.println(Mix.HEADER);
      sortedByCount(elementCounts)
          .forEach(e -> out.println("element\t" + e.getKey() + "\t-\t-\t" + e.getValue()));
      sortedByCount(tripleCounts)
          .forEach(
              e -> {
                String[] t = e.getKey().split("\t");
                out.println(
                    "relationship\t" + t[0] + "\t" + t[1] + "\t" + t[2] + "\t" + e.getValue());
              });
    }

    private long notAllowed(Metamodel mm) {
      long n = 0;
      for (Map.Entry<String, Long> e : tripleCounts.entrySet()) {
        String[] t = e.getKey().split("\t");
        if (!mm.isAllowed(t[0], t[1], t[2])) {
          n += e.getValue();
        }
      }
      return n;
    }

    private static List<Map.Entry<String, Long>> sortedByCount(Map<String, Long> counts) {
      List<Map.Entry<String, Long>> list = new ArrayList<>(counts.entrySet());
      list.sort(
          Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
              .thenComparing(Map.Entry::getKey));
      return list;
    }

    private static String byCountDescending(Map<String, Long> counts) {
      StringBuilder s = new StringBuilder();
      for (Map.Entry<String, Long> e : sortedByCount(counts)) {
        s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
      }
      return s.toString();
    }
  }

  /** Summary statistics. */
  static final class Stats {
    static int max(int[] values) {
      int m = 0;
      for (int v : values) {
        m = Math.max(m, v);
      }
      return m;
    }

    static int median(List<Integer> values) {
      List<Integer> sorted = new ArrayList<>(values);
      sorted.sort(null);
      return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    /** Shares of elements with degree 0, 1, 2, 3, 4-10, 11-100, over 100, and the top degrees. */
    static String degreeSummary(int[] degrees) {
      int[][] buckets = {
        {0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 10}, {11, 100}, {101, Integer.MAX_VALUE}
      };
      StringBuilder s = new StringBuilder();
      for (int[] b : buckets) {
        long n = Arrays.stream(degrees).filter(d -> d >= b[0] && d <= b[1]).count();
        String label =
            b[0] == b[1] ? "" + b[0] : b[1] == Integer.MAX_VALUE ? ">100" : b[0] + "-" + b[1];
        s.append(
            String.format(
                Locale.ROOT, "%s: %.1f%%, ", label, 100.0 * n / Math.max(1, degrees.length)));
      }
      int[] sorted = degrees.clone();
      Arrays.sort(sorted);
      s.append("top 5:");
      for (int i = sorted.length - 1; i >= Math.max(0, sorted.length - 5); i--) {
        s.append(' ').append(sorted[i]);
      }
      return s.toString();
    }
  }

  /** Keeps the XML reader from closing the digest stream before the file's tail is hashed. */
  static final class NonClosingInput extends FilterInputStream {
    NonClosingInput(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the owner closes the stream
    }
  }

  /** Lets the output stream of System.out be closed without closing System.out. */
  static final class NonClosingStream extends OutputStream {
    private final OutputStream out;

    NonClosingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  static void warn(String message) {
    System.err.println("ScaleGenerator: warning: " + message);
  }
}
