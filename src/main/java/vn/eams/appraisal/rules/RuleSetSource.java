package vn.eams.appraisal.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import vn.eams.metamodel.MetamodelException;

/**
 * Where the appraisal rule-set files are read from: the folder {@code
 * eams.appraisal.rulesets-directory} (default {@code metamodel/rulesets}, relative to the working
 * directory) or, when that folder does not exist (the packaged application started outside a
 * checkout), the copies the build ships on the classpath under {@code metamodel/rulesets/}. Every
 * reader of rule-sets (routes, checklist, calendar, portfolio, cost, duplication) goes through one,
 * so they all come from the same place and name the file they read in their messages.
 */
public abstract sealed class RuleSetSource {

  /**
   * The files the build ships, relative to {@code metamodel/rulesets/} (a classpath cannot be
   * listed); {@code RuleSetSourceTest} checks the list against the folder.
   */
  public static final List<String> SHIPPED =
      List.of(
          "calendar/holidays-vn.tsv",
          "checklist/evidence.tsv",
          "cost/ucp-cv2589-2011.json",
          "cost/ucp-qd671-2024.json",
          "duplication/duplication-2026.json",
          "portfolio/score.json",
          "routes/appraisal-routes-2020.json",
          "routes/checklist.json");

  /** The files of {@code directory}, which must exist. */
  public static RuleSetSource directory(Path directory) {
    return new DirectorySource(directory);
  }

  /** The copies shipped on the classpath. */
  public static RuleSetSource shipped() {
    return new ClasspathSource();
  }

  /**
   * The files of {@code directory}; when it does not exist, the shipped copies if {@code
   * shippedWhenMissing}, else a {@link MetamodelException} naming the folder.
   */
  public static RuleSetSource of(Path directory, boolean shippedWhenMissing) {
    if (Files.isDirectory(directory)) {
      return directory(directory);
    }
    if (shippedWhenMissing) {
      return shipped();
    }
    throw new MetamodelException(directory.toString(), "the rule-sets folder does not exist");
  }

  /** Whether the files are the shipped copies. */
  public abstract boolean isShipped();

  /** The file {@code relative} as a message names it ({@code ""}: the root). */
  public abstract String describe(String relative);

  /** Whether the area (a sub-folder such as {@code cost}) exists. */
  public abstract boolean has(String area);

  /** The files {@code area/*ext}, as paths relative to the root, sorted. */
  public abstract List<String> names(String area, String ext);

  /** The text of {@code relative}, UTF-8. */
  public abstract String read(String relative);

  private static String utf8(String name, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MetamodelException(name, "is not valid UTF-8 (save it as UTF-8 without BOM)", e);
    }
  }

  private static final class DirectorySource extends RuleSetSource {
    private final Path root;

    DirectorySource(Path root) {
      this.root = root;
    }

    @Override
    public boolean isShipped() {
      return false;
    }

    @Override
    public String describe(String relative) {
      return relative.isEmpty() ? root.toString() : root.resolve(relative).toString();
    }

    @Override
    public boolean has(String area) {
      return Files.isDirectory(root.resolve(area));
    }

    @Override
    public List<String> names(String area, String ext) {
      Path dir = root.resolve(area);
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> files = Files.list(dir)) {
        return files
            .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(ext))
            .map(p -> area + "/" + p.getFileName())
            .sorted()
            .toList();
      } catch (IOException e) {
        throw new MetamodelException(dir.toString(), "cannot be listed: " + e, e);
      }
    }

    @Override
    public String read(String relative) {
      Path p = root.resolve(relative);
      if (!Files.isRegularFile(p)) {
        throw new MetamodelException(p.toString(), "file not found");
      }
      try {
        return utf8(p.toString(), Files.readAllBytes(p));
      } catch (IOException e) {
        throw new MetamodelException(p.toString(), "cannot be read: " + e, e);
      }
    }
  }

  private static final class ClasspathSource extends RuleSetSource {
    private static final String ROOT = "metamodel/rulesets/";

    @Override
    public boolean isShipped() {
      return true;
    }

    @Override
    public String describe(String relative) {
      return "classpath:" + ROOT + relative;
    }

    @Override
    public boolean has(String area) {
      return SHIPPED.stream().anyMatch(n -> n.startsWith(area + "/"));
    }

    @Override
    public List<String> names(String area, String ext) {
      return SHIPPED.stream().filter(n -> n.startsWith(area + "/") && n.endsWith(ext)).toList();
    }

    @Override
    public String read(String relative) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        loader = RuleSetSource.class.getClassLoader();
      }
      try (InputStream in = loader.getResourceAsStream(ROOT + relative)) {
        if (in == null) {
          throw new MetamodelException(describe(relative), "file not found");
        }
        return utf8(describe(relative), in.readAllBytes());
      } catch (IOException e) {
        throw new MetamodelException(describe(relative), "cannot be read: " + e, e);
      }
    }
  }
}
