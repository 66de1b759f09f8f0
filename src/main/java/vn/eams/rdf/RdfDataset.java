package vn.eams.rdf;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.jboss.logging.Logger;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.Change;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelSnapshot;

/**
 * The SPARQL dataset: one named graph per model ({@code <urn:eams:model:ID>}) and their union as
 * the default graph. It is kept between queries and brought up to date when the change sequence has
 * moved since it was built: the graphs of the models changed since then are mapped again from their
 * snapshots, the others kept (all of them when the changes are too many to list).
 */
@ApplicationScoped
public class RdfDataset {

  private static final Logger LOG = Logger.getLogger(RdfDataset.class);

  /** More changes than this since the last build: every model is mapped again. */
  static final int MAX_CHANGES = 1000;

  /** A built dataset and the change sequence number it shows. */
  private record Built(long seq, Map<String, Graph> graphs, DatasetGraph dataset) {}

  private final ModelQueries queries;
  private final Metamodel metamodel;
  private volatile Built built;
  private volatile long builds;

  RdfDataset(ModelQueries queries, Metamodel metamodel) {
    this.queries = queries;
    this.metamodel = metamodel;
  }

  /** The dataset as of now: built again only when something changed since the last time. */
  public DatasetGraph current() {
    long seq = queries.currentSequence();
    Built b = built;
    if (b != null && b.seq() == seq) {
      return b.dataset();
    }
    synchronized (this) {
      b = built;
      if (b != null && b.seq() == seq) {
        return b.dataset();
      }
      b = build(seq, b);
      built = b;
      return b.dataset();
    }
  }

  /** How many times the dataset was built or brought up to date, since the start. */
  public long builds() {
    return builds;
  }

  private Built build(long seq, Built before) {
    long start = System.nanoTime();
    Set<String> changed = null; // null: all
    if (before != null) {
      List<Change> changes = queries.changesAfter(before.seq(), MAX_CHANGES);
      if (changes.size() < MAX_CHANGES) {
        changed = new HashSet<>();
        for (Change c : changes) {
          changed.add(c.modelId());
        }
      }
    }
    Map<String, Graph> graphs = new HashMap<>();
    int mapped = 0;
    for (ModelInfo m : queries.models()) {
      Graph old = before == null ? null : before.graphs().get(m.id());
      if (old != null && changed != null && !changed.contains(m.id())) {
        graphs.put(m.id(), old);
        continue;
      }
      Optional<ModelSnapshot> s = queries.snapshot(m.id());
      if (s.isPresent()) {
        graphs.put(m.id(), RdfMapping.toRdf(s.get(), metamodel).getGraph());
        mapped++;
      }
    }
    DatasetGraph dataset =
        DatasetGraphFactory.createGeneral(new UnionGraph(new ArrayList<>(graphs.values())));
    graphs.forEach((id, g) -> dataset.addGraph(Vocabulary.model(id), g));
    builds++;
    LOG.debugf(
        "SPARQL dataset at change %d: %d models, %d mapped again, in %d ms",
        seq, graphs.size(), mapped, (System.nanoTime() - start) / 1_000_000);
    return new Built(seq, Map.copyOf(graphs), dataset);
  }
}
