package vn.eams.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.neo4j.driver.Record;
import vn.eams.platform.Graph;

/**
 * The one way GraphQL reads the graph: each call is one Cypher statement in one read transaction,
 * and counted, so that a test can hold the endpoint to its bound of statements per query level.
 */
@ApplicationScoped
public class GraphQlReads {

  private final Graph graph;
  private final AtomicLong statements = new AtomicLong();

  GraphQlReads(Graph graph) {
    this.graph = graph;
  }

  /** Runs one read-only statement and maps its records. */
  public <T> List<T> list(String cypher, Map<String, Object> params, Function<Record, T> row) {
    statements.incrementAndGet();
    return graph.read(tx -> tx.run(cypher, params).list(row::apply));
  }

  /** How many statements GraphQL has run since the start. */
  public long statements() {
    return statements.get();
  }
}
