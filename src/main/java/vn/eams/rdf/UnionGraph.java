package vn.eams.rdf;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.NullIterator;

/**
 * The read-only union of the models' graphs, the default graph of the SPARQL dataset. The graphs
 * share no triple (each concept is described in its own model's graph only), so a find chains
 * theirs without the memory of removing duplicates.
 */
final class UnionGraph extends GraphBase {

  private final List<Graph> graphs;

  UnionGraph(List<Graph> graphs) {
    this.graphs = List.copyOf(graphs);
  }

  @Override
  protected ExtendedIterator<Triple> graphBaseFind(Triple match) {
    ExtendedIterator<Triple> all = NullIterator.instance();
    for (Graph g : graphs) {
      all = all.andThen(g.find(match));
    }
    return all;
  }

  @Override
  public boolean graphBaseContains(Triple t) {
    for (Graph g : graphs) {
      if (g.contains(t)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected int graphBaseSize() {
    long size = 0;
    for (Graph g : graphs) {
      size += g.size();
    }
    return (int) Math.min(Integer.MAX_VALUE, size);
  }
}
