package vn.eams.metamodel;

/**
 * A metamodel data file is missing or wrong; the message reads {@code file:line: what is wrong (how
 * to fix)}.
 */
public final class MetamodelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  /** A problem on {@code line} (1-based) of {@code file}. */
  public MetamodelException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
    this.file = file;
    this.line = line;
  }

  /** A problem with a whole file (e.g. missing); {@link #line()} is 0. */
  public MetamodelException(String file, String message) {
    this(file, message, null);
  }

  /** A problem with a whole file (e.g. unreadable); {@link #line()} is 0. */
  public MetamodelException(String file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
    this.line = 0;
  }

  /** The file, as a filesystem path or classpath resource name. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the problem concerns the whole file. */
  public int line() {
    return line;
  }
}
