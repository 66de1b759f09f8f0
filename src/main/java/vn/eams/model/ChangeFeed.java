package vn.eams.model;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Graph;

/**
 * A model's changes as they are made, read from the change log (so that changes made through
 * another application node on the same graph store are seen too), for the server-sent events of
 * {@code GET /api/models/{id}/events}.
 *
 * <p>Each follower waits for the changes after the last sequence number it was given. One thread
 * (started while anybody follows, ended when nobody does) reads the change log for the waiting
 * followers: at once for a new follower, within {@link #TICK_MILLIS} of a write committed by this
 * application ({@link Graph#writeCount}), and every {@code eams.events.poll-interval} for writes of
 * other nodes. It reads at most {@link #BATCH} changes per model and starting point in a round, so
 * a follower far behind catches up in steps, as fast as it takes them. A follower that had nothing
 * for {@code eams.events.keep-alive} is answered with an empty list (a keep-alive for idle
 * connections).
 */
@ApplicationScoped
public class ChangeFeed {

  private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

  /** Most changes read for one model and starting point in one round. */
  static final int BATCH = 1000;

  /** How often the reader looks at this application's write count. */
  static final long TICK_MILLIS = 50;

  /** A follower waiting for the changes of {@code modelId} after {@code after}. */
  private record Waiter(
      String modelId, long after, long sinceNanos, CompletableFuture<List<Change>> answer) {}

  private final Graph graph;
  private final ModelQueries queries;
  private final long pollNanos;
  private final long keepAliveNanos;

  private final List<Waiter> waiting = new ArrayList<>(); // guarded by this
  private boolean fresh; // a waiter came since the last read; guarded by this
  private Thread reader; // guarded by this
  private boolean stopping; // guarded by this

  ChangeFeed(Graph graph, ModelQueries queries, EamsConfig config) {
    this.graph = graph;
    this.queries = queries;
    this.pollNanos = config.events().pollInterval().toNanos();
    this.keepAliveNanos = config.events().keepAlive().toNanos();
  }

  /**
   * The changes of a model after sequence number {@code after}, in order, as lists: each list holds
   * the changes found in one read (an empty list when there were none for the keep-alive time). The
   * stream never ends of itself; it fails when the application stops or the change log cannot be
   * read, and a client then starts again after the last sequence number it saw.
   */
  public Multi<List<Change>> follow(String modelId, long after) {
    return Multi.createBy()
        .repeating()
        .uni(
            () -> new long[] {after},
            last ->
                Uni.createFrom()
                    .completionStage(() -> next(modelId, last[0]))
                    .invoke(
                        changes -> {
                          if (!changes.isEmpty()) {
                            last[0] = changes.get(changes.size() - 1).seq();
                          }
                        }))
        .indefinitely();
  }

  /** The next changes of the model after {@code after}, when there are some (or a keep-alive). */
  CompletableFuture<List<Change>> next(String modelId, long after) {
    CompletableFuture<List<Change>> answer = new CompletableFuture<>();
    synchronized (this) {
      if (stopping) {
        answer.completeExceptionally(new IllegalStateException("the application is stopping"));
        return answer;
      }
      waiting.add(new Waiter(modelId, after, System.nanoTime(), answer));
      fresh = true;
      if (reader == null) {
        reader = new Thread(this::read, "eams-change-feed");
        reader.setDaemon(true);
        reader.start();
      }
      notifyAll();
    }
    return answer;
  }

  /** How many followers of the model wait now. */
  synchronized int waiting(String modelId) {
    waiting.removeIf(w -> w.answer().isDone());
    return (int) waiting.stream().filter(w -> w.modelId().equals(modelId)).count();
  }

  private void read() {
    long writes = graph.writeCount();
    long lastRead = System.nanoTime();
    while (true) {
      List<Waiter> round;
      synchronized (this) {
        waiting.removeIf(w -> w.answer().isDone()); // answered, or given up by their followers
        if (waiting.isEmpty() || stopping) {
          reader = null;
          return;
        }
        long now = System.nanoTime();
        long count = graph.writeCount();
        boolean due = fresh || count != writes || now - lastRead >= pollNanos || keepAliveDue(now);
        if (!due) {
          try {
            wait(TICK_MILLIS);
          } catch (InterruptedException e) {
            reader = null;
            Thread.currentThread().interrupt();
            return;
          }
          continue;
        }
        fresh = false;
        writes = count;
        lastRead = now;
        round = List.copyOf(waiting);
      }
      answer(round);
    }
  }

  private boolean keepAliveDue(long now) {
    for (Waiter w : waiting) {
      if (now - w.sinceNanos() >= keepAliveNanos) {
        return true;
      }
    }
    return false;
  }

  /** Reads the change log once per model and starting point of the round, and answers. */
  private void answer(List<Waiter> round) {
    Map<String, Map<Long, List<Waiter>>> groups = new HashMap<>();
    for (Waiter w : round) {
      groups
          .computeIfAbsent(w.modelId(), m -> new HashMap<>())
          .computeIfAbsent(w.after(), a -> new ArrayList<>())
          .add(w);
    }
    long now = System.nanoTime();
    groups.forEach(
        (modelId, byAfter) ->
            byAfter.forEach(
                (after, waiters) -> {
                  List<Change> changes;
                  try {
                    changes = queries.changes(modelId, after, BATCH);
                  } catch (RuntimeException e) {
                    LOG.warnf(e, "Reading the change log of model %s failed", modelId);
                    waiters.forEach(w -> w.answer().completeExceptionally(e));
                    return;
                  }
                  for (Waiter w : waiters) {
                    if (!changes.isEmpty()) {
                      w.answer().complete(changes);
                    } else if (now - w.sinceNanos() >= keepAliveNanos) {
                      w.answer().complete(List.of());
                    }
                  }
                }));
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    Thread t;
    synchronized (this) {
      stopping = true;
      for (Waiter w : waiting) {
        w.answer().completeExceptionally(new IllegalStateException("the application is stopping"));
      }
      waiting.clear();
      notifyAll();
      t = reader;
    }
    if (t != null) {
      t.join(TimeUnit.SECONDS.toMillis(5));
    }
  }
}
