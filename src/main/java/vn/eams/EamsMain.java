package vn.eams;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.eams.exchange.ModelLoader;
import vn.eams.platform.GraphStartup;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The command line. Without arguments EAMS serves until stopped. {@code --load <model folder>}
 * loads a model package (model/README.md) with its views ({@code --views <folder>}, by default
 * {@code views/<folder name>} next to {@code model/} when it exists) into the repository in one
 * transaction, prints what it loaded or every problem with its file and line, and exits 0 or 1.
 */
@QuarkusMain
public class EamsMain implements QuarkusApplication {

  @Inject ModelLoader loader;

  /** True when the arguments ask for a command rather than the server. */
  public static boolean isCommand(String... args) {
    return List.of(args).contains("--load");
  }

  public static void main(String... args) {
    // the embedded DBMS takes the longest to start: begin it before Quarkus boots
    GraphStartup.beginFromMain();
    Quarkus.run(EamsMain.class, args);
  }

  @Override
  public int run(String... args) {
    if (!isCommand(args)) {
      Quarkus.waitForExit();
      return 0;
    }
    Path model = null;
    Path views = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--load")) {
        model = i + 1 < args.length ? Path.of(args[++i]) : null;
      } else if (args[i].equals("--views") && i + 1 < args.length) {
        views = Path.of(args[++i]);
      } else {
        System.err.println(
            "Unknown argument '"
                + args[i]
                + "'. Usage: --load <model folder> [--views <views folder>]");
        return 2;
      }
    }
    if (model == null || !Files.isDirectory(model)) {
      System.err.println("--load needs a model folder, e.g. --load model/tra-vinh-v1.0");
      return 2;
    }
    if (views == null) {
      Path guess =
          model.toAbsolutePath().getParent().resolveSibling("views").resolve(model.getFileName());
      views = Files.isDirectory(guess) ? guess : model.resolve("no-views");
    }
    try {
      ModelLoader.Loaded loaded =
          loader.load(model.toString(), ModelLoader.folder(model), ModelLoader.folder(views));
      System.out.println(
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
    } catch (ProblemException e) {
      System.err.println("Nothing was loaded: " + e.getMessage());
      for (Problem.Error err : e.toProblem().errors()) {
        System.err.println(
            "  "
                + (err.line() != null ? err.line() + ": " : "")
                + (err.id() != null ? err.id() + ": " : "")
                + (err.field() != null ? err.field() + ": " : "")
                + err.message());
      }
      return 1;
    }
  }
}
