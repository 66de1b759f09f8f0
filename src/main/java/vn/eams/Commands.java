package vn.eams;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipOutputStream;
import vn.eams.exchange.ArchiCsvWriter;
import vn.eams.exchange.ExchangeWriter;
import vn.eams.exchange.ImportFiles;
import vn.eams.exchange.ImportService;
import vn.eams.exchange.ImportedModel;
import vn.eams.exchange.ModelLoader;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelSnapshot;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The commands of the command line, run against the repository without serving pages ("architecture
 * as code" in CI pipelines). Each prints what it did, or every problem with its place, and returns
 * the exit code: 0 done, 1 the input has problems (nothing was written), 2 the command is wrong.
 *
 * <pre>
 * --load &lt;model folder&gt; [--views &lt;folder&gt;]
 * --import &lt;file&gt;... [--model &lt;id&gt;] [--mode create|merge|replace] [--format &lt;f&gt;]
 *          [--forbidden skip|keep] [--dry-run]
 * --validate &lt;file&gt;... [same options]       checks against the metamodel, writes nothing
 * --export &lt;model id&gt; [--format exchange|csv] [--out &lt;file&gt;]
 * </pre>
 */
@ApplicationScoped
public class Commands {

  /** The first argument of each command. */
  static final List<String> NAMES = List.of("--load", "--import", "--validate", "--export");

  static final String USAGE =
      "Usage:\n"
          + "  --load <model folder> [--views <views folder>]\n"
          + "  --import <file>... [--model <id>] [--mode create|merge|replace] [--format"
          + " exchange|archimate|csv] [--forbidden skip|keep] [--dry-run]\n"
          + "  --validate <file>... [--model <id>] [--mode create|merge|replace] [--format ...]\n"
          + "  --export <model id> [--format exchange|csv] [--out <file>]";

  private final ModelLoader loader;
  private final ImportFiles files;
  private final ImportService imports;
  private final ModelQueries queries;
  private final Metamodel metamodel;

  Commands(
      ModelLoader loader,
      ImportFiles files,
      ImportService imports,
      ModelQueries queries,
      Metamodel metamodel) {
    this.loader = loader;
    this.files = files;
    this.imports = imports;
    this.queries = queries;
    this.metamodel = metamodel;
  }

  /** True when the arguments ask for a command rather than the server. */
  public static boolean isCommand(String... args) {
    return args.length > 0 && NAMES.contains(args[0]);
  }

  /** Runs the command; returns the exit code. */
  int run(String[] args, PrintStream out, PrintStream err) {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      return switch (o.command) {
        case "--load" -> load(o, out, err);
        case "--import", "--validate" -> importFiles(o, out, err);
        case "--export" -> export(o, out, err);
        default -> 2;
      };
    } catch (ProblemException e) {
      printProblem(e, o.command.equals("--load") ? "loaded" : "written", err);
      return 1;
    }
  }

  private int load(Options o, PrintStream out, PrintStream err) {
    if (o.operands.size() != 1 || !Files.isDirectory(Path.of(o.operands.get(0)))) {
      err.println("--load needs a model folder, e.g. --load model/tra-vinh-v1.0");
      return 2;
    }
    Path model = Path.of(o.operands.get(0));
    Path views = o.views == null ? null : Path.of(o.views);
    if (views == null) {
      Path guess =
          model.toAbsolutePath().getParent().resolveSibling("views").resolve(model.getFileName());
      views = Files.isDirectory(guess) ? guess : model.resolve("no-views");
    }
    ModelLoader.Loaded loaded =
        loader.load(model.toString(), ModelLoader.folder(model), ModelLoader.folder(views));
    out.println(
        "Loaded model '"
            + loaded.model().id()
            + "': "
            + loaded.model().elementCount()
            + " elements, "
            + loaded.model().relationshipCount()
            + " relationships (change sequence "
            + loaded.result().seq()
            + ").");
    return 0;
  }

  private int importFiles(Options o, PrintStream out, PrintStream err) {
    if (o.operands.isEmpty()) {
      err.println(o.command + " needs at least one file.");
      return 2;
    }
    List<ImportFiles.Source> sources = new ArrayList<>();
    for (String f : o.operands) {
      Path p = Path.of(f);
      if (!Files.isRegularFile(p)) {
        err.println("No such file: " + f);
        return 2;
      }
      sources.add(new ImportFiles.Source(p.getFileName().toString(), p));
    }
    ImportedModel model = files.read(sources, o.format);
    ImportService.Mode mode = ImportService.Mode.of(o.mode, model);
    boolean dryRun = o.dryRun || o.command.equals("--validate");
    ImportService.Result r =
        imports.create(
            model, new ImportService.Options(o.model, mode, o.forbidden, dryRun), "command-line");
    out.println(
        (dryRun ? "Valid; nothing written. Would " : "Imported; ")
            + r.mode().name().toLowerCase(Locale.ROOT)
            + " model '"
            + r.modelId()
            + "' from "
            + r.format()
            + (dryRun ? "" : " (change sequence " + r.seq() + ")")
            + ":");
    for (Map.Entry<String, Map<String, Long>> kind : r.changes().entrySet()) {
      Map<String, Long> c = kind.getValue();
      out.printf(
          "  %-13s %d created, %d updated, %d unchanged, %d deleted%n",
          kind.getKey(), c.get("created"), c.get("updated"), c.get("unchanged"), c.get("deleted"));
    }
    if (!r.skipped().isEmpty()) {
      out.println("  " + r.skipped().size() + " forbidden relationship(s) left out");
    }
    for (Problem.Error w : r.warnings()) {
      out.println("  warning: " + line(w));
    }
    return 0;
  }

  private int export(Options o, PrintStream out, PrintStream err) {
    if (o.operands.size() != 1) {
      err.println("--export needs one model id, e.g. --export tra-vinh-v1.0");
      return 2;
    }
    String modelId = o.operands.get(0);
    String format = o.format.isEmpty() ? "exchange" : o.format;
    if (!format.equals("exchange") && !format.equals("csv")) {
      err.println("Unknown export format '" + format + "'. Use --format exchange or csv.");
      return 2;
    }
    ModelSnapshot s =
        queries.snapshot(modelId).orElseThrow(() -> ProblemException.notFound("model", modelId));
    Path target =
        Path.of(o.out != null ? o.out : modelId + (format.equals("csv") ? "-csv.zip" : ".xml"));
    try (OutputStream os = Files.newOutputStream(target)) {
      if (format.equals("csv")) {
        try (ZipOutputStream zip = new ZipOutputStream(os)) {
          ArchiCsvWriter.write(s, metamodel, modelId + "-", zip);
        }
      } else {
        ExchangeWriter.write(s, metamodel, os);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println(
        "Exported model '"
            + modelId
            + "' ("
            + s.elements().size()
            + " elements, "
            + s.relationships().size()
            + " relationships, "
            + s.views().size()
            + " views, change sequence "
            + s.seq()
            + ") to "
            + target);
    return 0;
  }

  private static void printProblem(ProblemException e, String what, PrintStream err) {
    Problem p = e.toProblem();
    err.println("Nothing was " + what + ": " + (p.detail() != null ? p.detail() : p.title()));
    if (p.errors() != null) {
      for (Problem.Error error : p.errors()) {
        err.println("  " + line(error));
      }
    }
  }

  private static String line(Problem.Error e) {
    return (e.line() != null ? e.line() + ": " : "")
        + (e.id() != null ? e.id() + ": " : "")
        + (e.field() != null ? e.field() + ": " : "")
        + e.message();
  }

  /** The parsed arguments. */
  private static final class Options {
    String command;
    final List<String> operands = new ArrayList<>();
    String views;
    String model = "";
    ImportService.Mode mode;
    String format = "";
    ImportService.Forbidden forbidden = ImportService.Forbidden.SKIP;
    boolean dryRun;
    String out;

    static Options parse(String[] args) {
      Options o = new Options();
      o.command = args[0];
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--views" -> o.views = value(args, ++i, a);
          case "--model" -> o.model = value(args, ++i, a);
          case "--mode" -> o.mode = choice(ImportService.Mode.class, value(args, ++i, a), a);
          case "--format" -> o.format = value(args, ++i, a).toLowerCase(Locale.ROOT);
          case "--forbidden" ->
              o.forbidden = choice(ImportService.Forbidden.class, value(args, ++i, a), a);
          case "--dry-run" -> o.dryRun = true;
          case "--out" -> o.out = value(args, ++i, a);
          default -> {
            if (a.startsWith("--")) {
              throw new IllegalArgumentException("Unknown option '" + a + "'.");
            }
            o.operands.add(a);
          }
        }
      }
      return o;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length || args[i].startsWith("--")) {
        throw new IllegalArgumentException(option + " needs a value.");
      }
      return args[i];
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
      try {
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown value '" + value + "' of " + option + ".");
      }
    }
  }
}
