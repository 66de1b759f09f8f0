package vn.eams.rdf;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ResultSetStream;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.update.UpdateFactory;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Runs read-only SPARQL 1.1 queries over a dataset, within a time limit and a row limit: SELECT and
 * ASK answer results (JSON, XML, CSV, TSV), CONSTRUCT and DESCRIBE a graph (Turtle, JSON-LD,
 * N-Triples). Updates, SERVICE (a call to another endpoint) and {@code java:} functions are
 * refused; a query running past the limit is cancelled. At most {@code maxRows} rows (SELECT) or
 * triples (CONSTRUCT, DESCRIBE) are answered, and {@link Answer#truncated()} says whether more were
 * cut.
 */
public final class SparqlEngine {

  /**
   * A query's answer.
   *
   * @param body the response body
   * @param format its format
   * @param truncated whether rows or triples beyond the row limit were left out
   */
  public record Answer(byte[] body, RdfFormat format, boolean truncated) {}

  private final Duration timeout;
  private final int maxRows;

  public SparqlEngine(Duration timeout, int maxRows) {
    this.timeout = timeout;
    this.maxRows = Math.max(1, maxRows);
  }

  /** The row limit. */
  public int maxRows() {
    return maxRows;
  }

  /**
   * Runs a query.
   *
   * @param format the {@code format} parameter, or null
   * @param accept the {@code Accept} header, or null
   * @throws ProblemException when the query is missing, not SPARQL, an update, not allowed, or too
   *     slow
   */
  public Answer run(DatasetGraph dataset, String text, String format, String accept) {
    Query query = parse(text);
    refuseOutside(query);
    boolean graph = query.isConstructType() || query.isDescribeType();
    RdfFormat f = RdfFormat.choose(graph ? RdfFormat.GRAPH : RdfFormat.RESULTS, format, accept);
    if (query.isSelectType() && (!query.hasLimit() || query.getLimit() > maxRows)) {
      query.setLimit(maxRows + 1L); // one more than allowed tells whether there were more
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean truncated = false;
    try (QueryExecution exec =
        QueryExecution.create()
            .query(query)
            .dataset(DatasetFactory.wrap(dataset))
            .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .set(ARQ.httpServiceAllowed, false)
            .build()) {
      if (query.isSelectType()) {
        ResultSet rs = exec.execSelect();
        List<Var> vars = Var.varList(rs.getResultVars());
        List<Binding> rows = new ArrayList<>();
        while (rs.hasNext()) {
          Binding b = rs.nextBinding();
          if (rows.size() == maxRows) {
            truncated = true;
            break;
          }
          rows.add(b);
        }
        ResultsWriter.create()
            .lang(f.resultsLang())
            .write(out, ResultSetStream.create(vars, rows.iterator()));
      } else if (query.isAskType()) {
        boolean yes = exec.execAsk();
        ResultsWriter.create().lang(f.resultsLang()).write(out, yes);
      } else {
        Iterator<Triple> triples =
            query.isConstructType() ? exec.execConstructTriples() : exec.execDescribeTriples();
        Graph g = GraphMemFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(Vocabulary.PREFIXES);
        g.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
        while (triples.hasNext()) {
          Triple t = triples.next();
          if (g.size() == maxRows && !g.contains(t)) {
            truncated = true;
            break;
          }
          g.add(t);
        }
        RDFDataMgr.write(out, g, f.graphFormat());
      }
    } catch (QueryCancelledException e) {
      throw timedOut();
    } catch (QueryException e) {
      throw new ProblemException(
          400,
          "sparql-failed",
          "The query cannot be run",
          "The query could not be run: " + firstLine(e.getMessage()) + ". Fix the query.",
          List.of(Problem.Error.field("query", "sparql-failed", firstLine(e.getMessage()))),
          null);
    }
    return new Answer(out.toByteArray(), f, truncated);
  }

  /** The query, or the problem with it: missing, not SPARQL (where), an update. */
  static Query parse(String text) {
    if (text == null || text.isBlank()) {
      throw ProblemException.badRequest(
          "No query was given.",
          List.of(
              Problem.Error.field(
                  "query",
                  "required",
                  "Send the SPARQL query as ?query=..., as the form field 'query', or as the body"
                      + " with Content-Type: application/sparql-query.")));
    }
    try {
      return QueryFactory.create(text, Syntax.syntaxSPARQL_11);
    } catch (QueryParseException e) {
      if (isUpdate(text)) {
        throw updateRefused();
      }
      String where = e.getLine() > 0 ? e.getLine() + ":" + Math.max(e.getColumn(), 1) : null;
      String message = firstLine(e.getMessage());
      throw new ProblemException(
          400,
          "sparql-syntax",
          "The query is not valid SPARQL",
          "The query is not valid SPARQL 1.1"
              + (where == null
                  ? ""
                  : " at line " + e.getLine() + ", column " + Math.max(e.getColumn(), 1))
              + ": "
              + message
              + ". Fix it there and send it again.",
          List.of(new Problem.Error("query", null, where, "sparql-syntax", message)),
          null);
    }
  }

  private static boolean isUpdate(String text) {
    try {
      UpdateFactory.create(text, Syntax.syntaxSPARQL_11);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The problem of an update sent to the read-only endpoint. */
  static ProblemException updateRefused() {
    return new ProblemException(
        400,
        "sparql-update",
        "SPARQL updates are refused",
        "The SPARQL endpoint only reads: updates (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, ...)"
            + " are refused and nothing was changed. Change models through the REST API, GraphQL"
            + " mutations or the modeller; send SELECT, ASK, CONSTRUCT or DESCRIBE here.",
        List.of(
            Problem.Error.field(
                "query",
                "sparql-update",
                "Send a query (SELECT, ASK, CONSTRUCT, DESCRIBE), not an update.")),
        null);
  }

  private ProblemException timedOut() {
    return new ProblemException(
        503,
        "sparql-timeout",
        "The query took too long",
        "The query ran longer than the server allows ("
            + timeout.toMillis()
            + " ms, eams.sparql.timeout) and was stopped. Ask for less: bind a type or an id"
            + " early, join patterns through shared variables (no cross products), add LIMIT.",
        List.of(Problem.Error.field("query", "sparql-timeout", "Narrow the query.")),
        null);
  }

  /** Refuses what would reach outside the dataset: SERVICE, and {@code java:} functions. */
  private static void refuseOutside(Query query) {
    Op op = Algebra.compile(query);
    List<String> found = new ArrayList<>();
    Walker.walk(
        op,
        new OpVisitorBase() {
          @Override
          public void visit(OpService s) {
            found.add("SERVICE " + s.getService());
          }

          @Override
          public void visit(OpBGP bgp) {
            bgp.getPattern().forEach(t -> java(t.getPredicate(), found));
          }

          @Override
          public void visit(OpTriple t) {
            java(t.getTriple().getPredicate(), found);
          }
        },
        new ExprVisitorBase() {
          @Override
          public void visit(ExprFunctionN f) {
            if (f instanceof E_Function fn && fn.getFunctionIRI().startsWith("java:")) {
              found.add("function <" + fn.getFunctionIRI() + ">");
            }
          }
        });
    if (!found.isEmpty()) {
      throw new ProblemException(
          400,
          "sparql-not-allowed",
          "The query reaches outside the dataset",
          "The query uses "
              + String.join(", ", found)
              + ": calls to other SPARQL endpoints (SERVICE) and Java functions are not allowed"
              + " here. Query the EAMS dataset only.",
          found.stream()
              .map(x -> Problem.Error.field("query", "sparql-not-allowed", "Remove " + x + "."))
              .toList(),
          null);
    }
  }

  private static void java(Node predicate, List<String> found) {
    if (predicate.isURI() && predicate.getURI().startsWith("java:")) {
      found.add("property function <" + predicate.getURI() + ">");
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    String line = s.strip();
    int nl = line.indexOf('\n');
    return nl < 0 ? line : line.substring(0, nl).strip();
  }
}
