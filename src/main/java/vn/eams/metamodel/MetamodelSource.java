package vn.eams.metamodel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where metamodel files are read from: a classpath folder or a filesystem directory. */
abstract class MetamodelSource {

  /** Name of {@code relative} for messages: a filesystem path or a classpath resource name. */
  abstract String describe(String relative);

  /** The source rooted at the sub-folder {@code relative}. */
  abstract MetamodelSource resolve(String relative);

  abstract Optional<byte[]> bytes(String relative) throws IOException;

  /** The lines of a UTF-8 file, or empty when the file does not exist. */
  Optional<List<String>> lines(String relative) {
    Optional<byte[]> bytes;
    try {
      bytes = bytes(relative);
    } catch (IOException e) {
      throw new MetamodelException(describe(relative), "cannot be read: " + e, e);
    }
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.get()))
              .toString();
      return Optional.of(List.of(text.split("\r?\n", -1)));
    } catch (CharacterCodingException e) {
      throw new MetamodelException(
          describe(relative), "is not valid UTF-8 (save it as UTF-8 without BOM)", e);
    }
  }

  static MetamodelSource classpath(ClassLoader loader, String root) {
    return new Classpath(loader, trimSlashes(root));
  }

  static MetamodelSource directory(Path root) {
    return new Directory(root);
  }

  private static String trimSlashes(String s) {
    return s.replaceAll("^/+|/+$", "");
  }

  private static final class Classpath extends MetamodelSource {
    private final ClassLoader loader;
    private final String root;

    Classpath(ClassLoader loader, String root) {
      this.loader = loader;
      this.root = root;
    }

    @Override
    String describe(String relative) {
      return root.isEmpty() ? relative : root + "/" + relative;
    }

    @Override
    MetamodelSource resolve(String relative) {
      return new Classpath(loader, describe(trimSlashes(relative)));
    }

    @Override
    Optional<byte[]> bytes(String relative) throws IOException {
      try (InputStream in = loader.getResourceAsStream(describe(relative))) {
        return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
      }
    }
  }

  private static final class Directory extends MetamodelSource {
    private final Path root;

    Directory(Path root) {
      this.root = root;
    }

    @Override
    String describe(String relative) {
      return root.resolve(relative).toString();
    }

    @Override
    MetamodelSource resolve(String relative) {
      return new Directory(root.resolve(relative));
    }

    @Override
    Optional<byte[]> bytes(String relative) throws IOException {
      Path file = root.resolve(relative);
      return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }
  }
}
