package vn.eams.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.neo4j.driver.TransactionContext;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.Change;
import vn.eams.model.ModelQueries;
import vn.eams.platform.Graph;
import vn.eams.platform.ProblemException;

/**
 * The in-memory projections of the repository's models (ARCHITECTURE.md §4): built at start, on a
 * background thread, for every model, and kept current from the change log by sequence number.
 *
 * <p>Before an analysis runs on a model, its projection is brought up to date when this application
 * has committed a write since the last look ({@link Graph#writeCount()}), or when the last look is
 * older than {@link #CHECK_MILLIS} (writes by other application nodes on a shared Neo4j). Bringing
 * it up to date reads the current sequence number and the model's changes after the projection's
 * number in one read transaction and applies them; a model with more than {@link #MAX_REPLAY}
 * changes to apply is rebuilt from the store instead. Every answer says which sequence number it
 * reflects.
 */
@ApplicationScoped
public class Projections {

  private static final Logger LOG = Logger.getLogger(Projections.class);

  /** How old the last look at the change log may be before an analysis looks again. */
  static final long CHECK_MILLIS = 1000;

  /** How long after the start the projections are built. */
  static final long START_DELAY_MILLIS = 2000;

  /** Above this many changes to apply, a projection is rebuilt from the store instead. */
  static final int MAX_REPLAY = 20_000;

  private final Graph graph;
  private final ModelQueries queries;
  private final Metamodel metamodel;
  private final ObjectMapper json;
  private final Map<String, Short> elementTypes = new HashMap<>();
  private final ModelGraph.Specializations specializations = new ModelGraph.Specializations();
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  Projections(Graph graph, ModelQueries queries, Metamodel metamodel, ObjectMapper json) {
    this.graph = graph;
    this.queries = queries;
    this.metamodel = metamodel;
    this.json = json;
    List<ElementType> types = metamodel.elementTypes();
    for (int i = 0; i < types.size(); i++) {
      elementTypes.put(types.get(i).name(), (short) i);
    }
  }

  /** A model's projection and what is known about its freshness. */
  static final class Entry {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    volatile ModelGraph graph;
    volatile long checkedWrites = -1;
    volatile long checkedAt;
    volatile long buildMillis;
    volatile Instant builtAt;
    volatile long refreshMillis;
    volatile int refreshedChanges;
  }

  /** What a projection holds, for the API and the benchmarks. */
  public record Status(
      String modelId,
      long seq,
      int elements,
      int relationships,
      Instant builtAt,
      long buildMillis,
      long bytes,
      int lastRefreshChanges,
      long lastRefreshMillis) {}

  /**
   * Builds every model's projection on a background thread, a little after the start so that it
   * does not compete with the first requests for the two cores of a small server (an analysis that
   * comes first builds its model's projection itself).
   */
  void onStart(@Observes StartupEvent event) {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(START_DELAY_MILLIS);
                for (var model : queries.models()) {
                  if (stopping) {
                    return;
                  }
                  read(model.id(), g -> g.liveNodes);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                if (!stopping) {
                  LOG.warnf(
                      e,
                      "Building the analysis projections at start failed; they are built"
                          + " on first use instead");
                }
              }
            },
            "eams-projections");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  /**
   * Runs {@code work} on the up-to-date projection of model {@code modelId}, under its read lock.
   *
   * @throws ProblemException 404 when the model does not exist
   */
  <T> T read(String modelId, Function<ModelGraph, T> work) {
    Entry e = current(modelId);
    e.lock.readLock().lock();
    try {
      ModelGraph g = e.graph;
      if (g == null) {
        throw ProblemException.notFound("model", modelId);
      }
      return work.apply(g);
    } finally {
      e.lock.readLock().unlock();
    }
  }

  /** The status of a model's projection, brought up to date first. */
  public Status status(String modelId) {
    Entry e = current(modelId);
    return read(
        modelId,
        g ->
            new Status(
                modelId,
                g.seq,
                g.liveNodes,
                g.liveEdges,
                e.builtAt,
                e.buildMillis,
                g.estimatedBytes(),
                e.refreshedChanges,
                e.refreshMillis));
  }

  private Entry current(String modelId) {
    Entry e = entries.computeIfAbsent(modelId, k -> new Entry());
    long writes = graph.writeCount();
    if (e.graph != null
        && e.checkedWrites == writes
        && System.currentTimeMillis() - e.checkedAt < CHECK_MILLIS) {
      return e;
    }
    synchronized (e) {
      writes = graph.writeCount();
      if (e.graph != null
          && e.checkedWrites == writes
          && System.currentTimeMillis() - e.checkedAt < CHECK_MILLIS) {
        return e;
      }
      long now = System.currentTimeMillis();
      if (e.graph == null) {
        build(modelId, e);
      } else {
        refresh(modelId, e);
      }
      e.checkedWrites = writes;
      e.checkedAt = now;
      if (e.graph == null) {
        entries.remove(modelId, e);
        throw ProblemException.notFound("model", modelId);
      }
    }
    return e;
  }

  private void build(String modelId, Entry e) {
    long t0 = System.nanoTime();
    ModelGraph g = graph.read(tx -> load(tx, modelId));
    install(e, g);
    if (g != null) {
      e.buildMillis = (System.nanoTime() - t0) / 1_000_000;
      e.builtAt = Instant.now();
      LOG.debugf(
          "Projection of model %s built in %d ms: %d elements, %d relationships, seq %d",
          modelId, e.buildMillis, g.liveNodes, g.liveEdges, g.seq);
    }
  }

  private void install(Entry e, ModelGraph g) {
    e.lock.writeLock().lock();
    try {
      e.graph = g;
    } finally {
      e.lock.writeLock().unlock();
    }
  }

  private ModelGraph load(TransactionContext tx, String modelId) {
    long seq = queries.currentSequence(tx);
    if (queries.model(tx, modelId).isEmpty()) {
      return null;
    }
    ModelGraph g = new ModelGraph(modelId, specializations);
    addNodes(tx, g, "e.modelId = $m", Map.of("m", modelId));
    List<String[]> pending = new ArrayList<>();
    // the model's relationships from its elements, then those that reach them from elsewhere (an
    // element of another model, or a relationship): two expansions from the element index
    addEdges(
        tx,
        g,
        "MATCH (a:Element)-[r]->() WHERE a.modelId = $m AND r.modelId = $m",
        modelId,
        pending);
    addEdges(
        tx,
        g,
        "MATCH (a)-[r]->(b:Element) WHERE b.modelId = $m AND r.modelId = $m"
            + " AND NOT (a:Element AND a.modelId = $m)",
        modelId,
        pending);
    addForeignEnds(tx, g, pending);
    g.compact();
    g.seq = seq;
    return g;
  }

  private void addEdges(
      TransactionContext tx, ModelGraph g, String match, String modelId, List<String[]> pending) {
    tx.run(
            match + " RETURN r.id AS id, r.type AS type, r.sourceId AS s, r.targetId AS t",
            Map.of("m", modelId))
        .forEachRemaining(
            r -> {
              int t = metamodel.relationshipTypeIndex(r.get("type").asString());
              if (t < 0) {
                return;
              }
              String id = r.get("id").asString();
              String s = r.get("s").asString();
              String tt = r.get("t").asString();
              if (!g.putEdge(id, (byte) t, s, tt)) {
                pending.add(new String[] {id, String.valueOf(t), s, tt});
              }
            });
  }

  /**
   * Relationships whose end is an element of another model bring that element into the projection;
   * ends that are relationships (an association to a relationship) carry no impact and are left
   * out.
   */
  private void addForeignEnds(TransactionContext tx, ModelGraph g, List<String[]> pending) {
    if (pending.isEmpty()) {
      return;
    }
    Set<String> missing = new HashSet<>();
    for (String[] p : pending) {
      if (g.node(p[2]) < 0) {
        missing.add(p[2]);
      }
      if (g.node(p[3]) < 0) {
        missing.add(p[3]);
      }
    }
    addNodes(tx, g, "e.id IN $ids", Map.of("ids", List.copyOf(missing)));
    for (String[] p : pending) {
      g.putEdge(p[0], Byte.parseByte(p[1]), p[2], p[3]);
    }
  }

  /** Adds the elements matching {@code where} (a condition on {@code e}). */
  private void addNodes(
      TransactionContext tx, ModelGraph g, String where, Map<String, Object> params) {
    tx.run(
            "MATCH (e:Element) WHERE "
                + where
                + " RETURN e.id AS id, e.type AS t, e.name AS n, e.nameEn AS ne,"
                + " e.specialization AS s",
            params)
        .forEachRemaining(
            r ->
                addNode(
                    g,
                    r.get("id").asString(),
                    r.get("t").asString(),
                    r.get("n").asString(""),
                    r.get("ne").asString(""),
                    r.get("s").asString("")));
  }

  private void addNode(
      ModelGraph g, String id, String type, String name, String nameEn, String spec) {
    Short t = elementTypes.get(type);
    if (t != null) {
      g.putNode(id, t, name, nameEn, specializations.of(spec));
    }
  }

  private void refresh(String modelId, Entry e) {
    long t0 = System.nanoTime();
    long since = e.graph.seq;
    record Delta(long seq, List<Change> changes, boolean exists) {}
    Delta delta =
        graph.read(
            tx -> {
              long seq = queries.currentSequence(tx);
              if (seq == since) {
                return new Delta(seq, List.of(), true);
              }
              return new Delta(
                  seq,
                  queries.changes(tx, modelId, since, MAX_REPLAY + 1),
                  queries.model(tx, modelId).isPresent());
            });
    if (!delta.exists()) {
      install(e, null);
      return;
    }
    if (delta.changes().size() > MAX_REPLAY) {
      build(modelId, e);
      return;
    }
    if (delta.changes().isEmpty()) {
      e.graph.seq = Math.max(e.graph.seq, delta.seq());
      return;
    }
    List<String[]> pending = new ArrayList<>();
    e.lock.writeLock().lock();
    try {
      ModelGraph g = e.graph;
      for (Change c : delta.changes()) {
        apply(g, c, pending);
      }
      g.seq = delta.seq();
    } finally {
      e.lock.writeLock().unlock();
    }
    if (!pending.isEmpty()) {
      ModelGraph g = e.graph;
      graph.read(
          tx -> {
            e.lock.writeLock().lock();
            try {
              addForeignEnds(tx, g, pending);
            } finally {
              e.lock.writeLock().unlock();
            }
            return null;
          });
    }
    e.refreshedChanges = delta.changes().size();
    e.refreshMillis = (System.nanoTime() - t0) / 1_000_000;
  }

  private void apply(ModelGraph g, Change c, List<String[]> pending) {
    switch (c.kind()) {
      case "element" -> {
        if (c.op().equals("delete")) {
          g.removeNode(c.targetId());
        } else {
          JsonNode a = parse(c.after());
          if (a != null) {
            addNode(
                g,
                c.targetId(),
                a.path("type").asText(),
                a.path("name").asText(""),
                a.path("nameEn").asText(""),
                a.path("specialization").asText(""));
          }
        }
      }
      case "relationship" -> {
        if (c.op().equals("delete")) {
          g.removeEdge(c.targetId());
        } else if (c.op().equals("create")) {
          JsonNode a = parse(c.after());
          int t = a == null ? -1 : metamodel.relationshipTypeIndex(a.path("type").asText());
          if (t >= 0) {
            String s = a.path("sourceId").asText();
            String tt = a.path("targetId").asText();
            if (!g.putEdge(c.targetId(), (byte) t, s, tt)) {
              pending.add(new String[] {c.targetId(), String.valueOf(t), s, tt});
            }
          }
        }
      }
      default -> {
        // models, folders and views carry nothing the analysis uses
      }
    }
  }

  private JsonNode parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (java.io.IOException ex) {
      LOG.warnf("Unreadable change-log entry skipped by the projection: %s", ex.getMessage());
      return null;
    }
  }
}
