package vn.eams.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** When the GraphQL warm-up runs, and that a stop ends it before it queries a closing store. */
class GraphQlWarmUpTest {

  @Test
  void aCommand_IsNotWarmedUp() throws InterruptedException {
    AtomicBoolean asked = new AtomicBoolean();
    GraphQlWarmUp warmUp = new GraphQlWarmUp(new String[] {"--import", "model.xml"});
    warmUp.start(
        () -> {
          asked.set(true);
          return null;
        });
    assertThat(warmUp.awaitDone(Duration.ZERO)).isTrue();
    assertThat(asked).isFalse();
  }

  @Test
  void aStopBeforeTheWarmUpBegins_EndsItWithoutAQuery() throws InterruptedException {
    AtomicBoolean asked = new AtomicBoolean();
    GraphQlWarmUp warmUp = new GraphQlWarmUp(new String[0]);
    warmUp.start(
        () -> {
          asked.set(true);
          return null;
        });
    long t0 = System.nanoTime();
    warmUp.onStop(null);
    assertThat(warmUp.awaitDone(Duration.ZERO)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isLessThan(Duration.ofMillis(GraphQlWarmUp.DELAY_MILLIS));
    assertThat(asked).isFalse();
  }
}
