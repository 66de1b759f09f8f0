package vn.eams.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import vn.eams.EamsMain;

/**
 * Builds the GraphQL engine on a background thread a few seconds after the start, and runs a few
 * read-only queries through it, so that the first GraphQL request does not wait for the schema or
 * for the statements' first planning, and the start does not wait for either. A command ({@link
 * EamsMain#isCommand}) answers no GraphQL and is not warmed; a stop during the warm-up ends it
 * before the next query, and waits for the query running then, so that no query meets a closed
 * driver.
 */
@ApplicationScoped
class GraphQlWarmUp {

  private static final Logger LOG = Logger.getLogger(GraphQlWarmUp.class);

  /** How long after the start the engine is built. */
  static final long DELAY_MILLIS = 3000;

  /** How long a stop waits for the query the warm-up is running. */
  static final long STOP_WAIT_MILLIS = 10_000;

  private final CountDownLatch done = new CountDownLatch(1);
  private final String[] args;
  private volatile boolean stopping;
  private volatile Thread sleeper;

  GraphQlWarmUp(@CommandLineArguments String[] args) {
    this.args = args;
  }

  /** Waits until the warm-up has finished (or given up); false if it has not within the time. */
  boolean awaitDone(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  void onStart(@Observes StartupEvent event, Instance<GraphQlEngine> engine) {
    start(engine::get);
  }

  /** Starts the warm-up thread, which takes the engine from {@code engine} when it begins. */
  void start(Supplier<GraphQlEngine> engine) {
    if (EamsMain.isCommand(args)) {
      done.countDown();
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                sleeper = Thread.currentThread();
                // a stop sees the sleeper and interrupts it, or the sleeper sees the stop
                if (stopping) {
                  return;
                }
                Thread.sleep(DELAY_MILLIS);
                sleeper = null;
                if (stopping) {
                  return;
                }
                long t0 = System.nanoTime();
                GraphQlEngine e = engine.get();
                e.schema();
                long t1 = System.nanoTime();
                List<GraphQLError> errors = warmQueries(e, () -> stopping);
                if (!errors.isEmpty()) {
                  // a model deleted meanwhile, say; GraphQlSchemaTest checks that they answer
                  LOG.debugf("GraphQL warm-up queries answered with errors: %s", errors);
                }
                LOG.debugf(
                    "GraphQL schema built in %d ms, queries warmed in %d ms",
                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                LOG.debugf(e, "GraphQL warm-up skipped; the engine is built on first use");
              } finally {
                done.countDown();
              }
            },
            "eams-graphql-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  void onStop(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException {
    stopping = true;
    Thread t = sleeper;
    if (t != null) {
      t.interrupt(); // still waiting to begin: nothing to finish
    }
    if (!done.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
      LOG.debugf("GraphQL warm-up still running at the stop");
    }
  }

  /**
   * Read-only queries of the kind departments run (a page of agencies with their applications,
   * databases, domains and relationships; a search), on the first model: the DBMS plans the
   * loaders' statements and the JVM compiles the fetchers before the first user waits for them. On
   * the first request of an idle server those took 5–7 s on a busy 2-core machine.
   */
  static List<GraphQLError> warmQueries(GraphQlEngine engine) {
    return warmQueries(engine, () -> false);
  }

  /**
   * {@link #warmQueries(GraphQlEngine)}, ending before the next query once {@code stop} is true.
   */
  @SuppressWarnings("unchecked")
  static List<GraphQLError> warmQueries(GraphQlEngine engine, BooleanSupplier stop) {
    Duration generous = Duration.ofSeconds(60);
    ExecutionResult models =
        engine.execute(new GraphQlEngine.Request("{ models { id } }", Map.of(), null), generous);
    List<Map<String, Object>> list =
        models.getData() instanceof Map<?, ?> data && data.get("models") instanceof List<?> l
            ? l.stream().map(m -> (Map<String, Object>) m).toList()
            : List.of();
    List<GraphQLError> errors = new ArrayList<>(models.getErrors());
    if (list.isEmpty() || stop.getAsBoolean()) {
      return errors;
    }
    Object model = list.get(0).get("id");
    String department =
        "query($m: ID!) { elements(model: $m, filter: {specialization: \"Agency\"}, first: 20) {"
            + " totalCount nodes { id name ... on BusinessActor {"
            + " applications { name ... on ApplicationComponent { securityLevel owner { id } } }"
            + " databases { name } domains { name } }"
            + " outgoing(first: 20) { totalCount nodes { type target { id name } } }"
            + " incoming(first: 20) { totalCount nodes { type source { id name } } } } } }";
    ExecutionResult agencies =
        engine.execute(new GraphQlEngine.Request(department, Map.of("m", model), null), generous);
    errors.addAll(agencies.getErrors());
    if (stop.getAsBoolean()) {
      return errors;
    }
    // one agency as docs/graphql.md asks for it: the element and its fields in one statement
    Object agency = firstNodeId(agencies.getData());
    if (agency != null) {
      String one =
          "query($a: ID!) { element(id: $a) { name ... on BusinessActor {"
              + " applications { name ... on ApplicationComponent { securityLevel } }"
              + " databases { name } domains { name } }"
              + " incoming(first: 20) { totalCount nodes { type source { id name } } }"
              + " outgoing(first: 20) { totalCount nodes { type target { id name } } } } }";
      errors.addAll(
          engine
              .execute(new GraphQlEngine.Request(one, Map.of("a", agency), null), generous)
              .getErrors());
    }
    if (stop.getAsBoolean()) {
      return errors;
    }
    errors.addAll(
        engine
            .execute(
                new GraphQlEngine.Request(
                    "query($m: ID!) { search(text: \"so\", model: $m, first: 10) { totalCount nodes { id } } }",
                    Map.of("m", model),
                    null),
                generous)
            .getErrors());
    return errors;
  }

  private static Object firstNodeId(Object data) {
    if (data instanceof Map<?, ?> d
        && d.get("elements") instanceof Map<?, ?> page
        && page.get("nodes") instanceof List<?> nodes
        && !nodes.isEmpty()
        && nodes.get(0) instanceof Map<?, ?> node) {
      return node.get("id");
    }
    return null;
  }
}
