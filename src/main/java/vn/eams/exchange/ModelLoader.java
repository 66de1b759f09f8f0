package vn.eams.exchange;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;
import vn.eams.EamsMain;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ChangeResult;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelService;
import vn.eams.model.ViewDefinition;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Loads model packages (see {@link ModelPackage}) into the repository: the shipped model into an
 * empty repository at the first start, and any package folder on request.
 */
@ApplicationScoped
public class ModelLoader {

  /** The actor recorded in the change log for loads. */
  public static final String ACTOR = "system:loader";

  private static final Logger LOG = Logger.getLogger(ModelLoader.class);

  private final ModelService service;
  private final ModelQueries queries;
  private final Metamodel metamodel;
  private final EamsConfig config;

  private final String[] args;

  ModelLoader(
      ModelService service,
      ModelQueries queries,
      Metamodel metamodel,
      EamsConfig config,
      @CommandLineArguments String[] args) {
    this.args = args;
    this.service = service;
    this.queries = queries;
    this.metamodel = metamodel;
    this.config = config;
  }

  /** At the first start (no model in the repository), loads the shipped model. */
  void onStart(@Observes @Priority(100) StartupEvent event) {
    EamsConfig.ShippedModel shipped = config.shippedModel();
    if (!shipped.enabled() || EamsMain.isCommand(args)) {
      return; // a command such as --load works on the repository as it is
    }
    if (queries.anyModel()) {
      LOG.debugf("The repository holds models; the shipped model is not loaded");
      return;
    }
    long t0 = System.nanoTime();
    Loaded loaded;
    try {
      loaded =
          load(
              "classpath:" + shipped.path(),
              classpath(shipped.path()),
              classpath(shipped.viewsPath()));
    } catch (ProblemException e) {
      StringBuilder b = new StringBuilder("The shipped model cannot be loaded: ");
      b.append(e.getMessage());
      for (Problem.Error err : e.toProblem().errors()) {
        b.append("\n  ").append(err.line() != null ? err.line() : "");
        b.append(err.id() != null ? " " + err.id() : "");
        b.append(err.field() != null ? " " + err.field() : "");
        b.append(": ").append(err.code()).append(": ").append(err.message());
      }
      LOG.error(b);
      throw e;
    }
    LOG.infof(
        "Loaded the shipped model %s (%d concepts) into the empty repository in %d ms",
        loaded.model().id(),
        loaded.result().applied().size(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  /** What a load created. */
  public record Loaded(ModelInfo model, ChangeResult result) {}

  /**
   * Reads the package and creates its model with every concept, all or nothing: a package with any
   * problem writes nothing (422 listing every problem with file:line), and a model id that is taken
   * already is refused (422).
   */
  public Loaded load(
      String source,
      Function<String, Optional<String>> files,
      Function<String, Optional<String>> viewFiles) {
    ModelPackage pkg = ModelPackage.read(source, files, metamodel);
    List<ViewDefinition> views = ViewPackage.read(source, viewFiles, pkg, metamodel);
    ChangeResult result =
        service.createModelWith(pkg.modelId(), pkg.model(), pkg.operations(), views, ACTOR);
    return new Loaded(queries.model(pkg.modelId()).orElseThrow(), result);
  }

  /** Files of a package folder on disk. */
  public static Function<String, Optional<String>> folder(Path dir) {
    return name -> {
      Path p = dir.resolve(name);
      if (!Files.isRegularFile(p)) {
        return Optional.empty();
      }
      try {
        return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Files of a package on the classpath, e.g. {@code model/tra-vinh-v1.0}. */
  public static Function<String, Optional<String>> classpath(String path) {
    return name -> {
      String resource = path + "/" + name;
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      try (InputStream in = cl.getResourceAsStream(resource)) {
        if (in == null) {
          return Optional.empty();
        }
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
