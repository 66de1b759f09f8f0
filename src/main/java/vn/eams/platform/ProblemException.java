package vn.eams.platform;

import java.util.List;

/** A failure that the client can fix; rendered as problem+json by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String slug;
  private final String title;
  private final List<Problem.Error> errors;
  private final transient Object current;

  public ProblemException(
      int status,
      String slug,
      String title,
      String detail,
      List<Problem.Error> errors,
      Object current) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.current = current;
  }

  /** 404: the addressed thing does not exist. */
  public static ProblemException notFound(String kind, String id) {
    return new ProblemException(
        404,
        "not-found",
        "Not found",
        "No " + kind + " with id '" + id + "' exists. Check the id, or list the " + kind + "s.",
        List.of(Problem.Error.id(id, "not-found", "No " + kind + " has this id.")),
        null);
  }

  /** 422: the request is well-formed but breaks the rules; every problem is listed. */
  public static ProblemException invalid(String detail, List<Problem.Error> errors) {
    return new ProblemException(
        422, "validation", "The request breaks a model rule", detail, errors, null);
  }

  /** 400: the request cannot be read. */
  public static ProblemException badRequest(String detail, List<Problem.Error> errors) {
    return new ProblemException(
        400, "bad-request", "The request cannot be read", detail, errors, null);
  }

  /** 413: the upload (or what it unpacks to) is larger than a configured limit. */
  public static ProblemException tooLarge(String detail, List<Problem.Error> errors) {
    return new ProblemException(
        413, "too-large", "The upload is larger than the server accepts", detail, errors, null);
  }

  /** 409: the resource changed since the client read it. */
  public static ProblemException conflict(
      String detail, List<Problem.Error> errors, Object current) {
    return new ProblemException(
        409, "version-conflict", "Version conflict", detail, errors, current);
  }

  /** 428: an update came without the version the client read. */
  public static ProblemException versionRequired(String id) {
    return new ProblemException(
        428,
        "version-required",
        "Version required",
        "Updating or deleting '"
            + id
            + "' needs the version you read: send the header If-Match: \"<version>\" or a 'version'"
            + " field.",
        List.of(Problem.Error.id(id, "version-required", "Send If-Match or 'version'.")),
        null);
  }

  public int status() {
    return status;
  }

  /** The problem document. */
  public Problem toProblem() {
    return new Problem("urn:eams:problem:" + slug, title, status, getMessage(), errors, current);
  }
}
