package vn.eams.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.TransientException;

/** Which store failures mean "this transaction is too large" (413, not retried). */
class GraphMemoryErrorsTest {

  @Test
  void memoryLimitsAndHeapExhaustion_AreTooLarge() {
    assertThat(
            Graph.isOutOfMemory(
                new TransientException(
                    "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                    "db.memory.transaction.total.max threshold reached")))
        .isTrue();
    assertThat(
            Graph.isOutOfMemory(
                new ClientException(
                    "Neo.ClientError.General.TransactionOutOfMemoryError", "too much")))
        .isTrue();
    assertThat(
            Graph.isOutOfMemory(
                new DatabaseException("Neo.DatabaseError.General.UnknownError", "Java heap space")))
        .isTrue();
  }

  @Test
  void otherFailures_AreNot() {
    assertThat(
            Graph.isOutOfMemory(
                new TransientException(
                    "Neo.TransientError.Transaction.DeadlockDetected", "deadlock")))
        .isFalse();
    assertThat(
            Graph.isOutOfMemory(
                new DatabaseException("Neo.DatabaseError.General.UnknownError", "disk full")))
        .isFalse();
    assertThat(
            Graph.isOutOfMemory(
                new ClientException(
                    "Neo.ClientError.Schema.ConstraintValidationFailed", "already exists")))
        .isFalse();
  }
}
