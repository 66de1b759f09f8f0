package vn.eams.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The formats of RDF graphs (Turtle, JSON-LD, N-Triples) and SPARQL results (JSON, XML, CSV, TSV),
 * chosen by a {@code format} parameter or else the {@code Accept} header.
 */
public enum RdfFormat {
  TURTLE("turtle", "text/turtle", null, RDFFormat.TURTLE_PRETTY),
  JSONLD("jsonld", "application/ld+json", null, RDFFormat.JSONLD11),
  NTRIPLES("ntriples", "application/n-triples", null, RDFFormat.NTRIPLES),
  RESULTS_JSON("json", "application/sparql-results+json", ResultSetLang.RS_JSON, null),
  RESULTS_XML("xml", "application/sparql-results+xml", ResultSetLang.RS_XML, null),
  CSV("csv", "text/csv", ResultSetLang.RS_CSV, null),
  TSV("tsv", "text/tab-separated-values", ResultSetLang.RS_TSV, null);

  /** The formats of a graph: an exported model, a CONSTRUCT or DESCRIBE; Turtle first. */
  public static final List<RdfFormat> GRAPH = List.of(TURTLE, JSONLD, NTRIPLES);

  /** The formats of SELECT and ASK results; JSON first. */
  public static final List<RdfFormat> RESULTS = List.of(RESULTS_JSON, RESULTS_XML, CSV, TSV);

  private final String key;
  private final String mediaType;
  private final Lang resultsLang;
  private final RDFFormat graphFormat;

  RdfFormat(String key, String mediaType, Lang resultsLang, RDFFormat graphFormat) {
    this.key = key;
    this.mediaType = mediaType;
    this.resultsLang = resultsLang;
    this.graphFormat = graphFormat;
  }

  /** The value of the {@code format} parameter that names it. */
  public String key() {
    return key;
  }

  /** Its media type. */
  public String mediaType() {
    return mediaType;
  }

  /** The Content-Type of a response in this format (CSV and TSV say their charset). */
  public String contentType() {
    return this == CSV || this == TSV ? mediaType + "; charset=utf-8" : mediaType;
  }

  Lang resultsLang() {
    return resultsLang;
  }

  RDFFormat graphFormat() {
    return graphFormat;
  }

  /**
   * The format of a response offering {@code offered} (the first is the default): the one the
   * {@code format} parameter names, else the first the {@code Accept} header prefers. {@code
   * application/json} and {@code format=json} mean JSON-LD for a graph. An Accept header that names
   * none of them (a browser's {@code text/html}, say) gets the default.
   *
   * @throws ProblemException 400 when {@code format} names none of the offered formats
   */
  public static RdfFormat choose(List<RdfFormat> offered, String format, String accept) {
    if (format != null && !format.isBlank()) {
      String f = format.strip().toLowerCase(Locale.ROOT);
      for (RdfFormat o : offered) {
        if (o.key.equals(f) || o.mediaType.equals(f) || alias(o, f)) {
          return o;
        }
      }
      throw ProblemException.badRequest(
          "format=" + format + " is not offered here.",
          List.of(
              Problem.Error.field(
                  "format",
                  "invalid-value",
                  "Use one of: "
                      + String.join(", ", offered.stream().map(RdfFormat::key).toList())
                      + ", or leave it out and send an Accept header.")));
    }
    for (String range : acceptable(accept)) {
      if (range.equals("*/*")) {
        return offered.get(0);
      }
      for (RdfFormat o : offered) {
        if (o.mediaType.equals(range)
            || (range.equals("application/json") && (o == JSONLD || o == RESULTS_JSON))
            || (range.endsWith("/*")
                && o.mediaType.startsWith(range.substring(0, range.length() - 1)))) {
          return o;
        }
      }
    }
    return offered.get(0);
  }

  private static boolean alias(RdfFormat o, String f) {
    return switch (o) {
      case TURTLE -> f.equals("ttl");
      case JSONLD -> f.equals("json-ld") || f.equals("json");
      case NTRIPLES -> f.equals("nt");
      default -> false;
    };
  }

  /** The media ranges of an Accept header, most wanted first; those with q=0 left out. */
  static List<String> acceptable(String accept) {
    List<Object[]> ranges = new ArrayList<>();
    if (accept == null) {
      return List.of();
    }
    for (String part : accept.split(",")) {
      String[] pieces = part.split(";");
      String range = pieces[0].strip().toLowerCase(Locale.ROOT);
      if (range.isEmpty()) {
        continue;
      }
      double q = 1;
      for (int i = 1; i < pieces.length; i++) {
        String p = pieces[i].strip();
        if (p.startsWith("q=")) {
          q = quality(p.substring(2));
        }
      }
      if (q > 0) {
        ranges.add(new Object[] {range, q});
      }
    }
    // stable: among equal qualities the header's order stays
    ranges.sort((a, b) -> Double.compare((Double) b[1], (Double) a[1]));
    return ranges.stream().map(r -> (String) r[0]).toList();
  }

  private static double quality(String q) {
    try {
      return Double.parseDouble(q.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
