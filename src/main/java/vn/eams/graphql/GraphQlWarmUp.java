package vn.eams.graphql;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/**
 * Builds the GraphQL engine on a background thread a few seconds after the start, so that the first
 * GraphQL request does not wait for the schema and the start does not wait for it either.
 */
@ApplicationScoped
class GraphQlWarmUp {

  private static final Logger LOG = Logger.getLogger(GraphQlWarmUp.class);

  /** How long after the start the engine is built. */
  static final long DELAY_MILLIS = 3000;

  void onStart(@Observes StartupEvent event, Instance<GraphQlEngine> engine) {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(DELAY_MILLIS);
                long t0 = System.nanoTime();
                engine.get().schema();
                LOG.debugf("GraphQL schema built in %d ms", (System.nanoTime() - t0) / 1_000_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                LOG.debugf(e, "GraphQL warm-up skipped; the engine is built on first use");
              }
            },
            "eams-graphql-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }
}
