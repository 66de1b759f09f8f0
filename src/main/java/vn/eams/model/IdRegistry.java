package vn.eams.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.neo4j.driver.TransactionContext;

/**
 * The ids in use (models, elements, relationships, folders, views), held in memory and brought up
 * to date from the change log before each check.
 *
 * <p>Ids are unique across kinds, and a relationship id can only be found through one index per
 * relationship type; checking 30,000 new ids against the graph costs hundreds of thousands of index
 * seeks, against this set microseconds. The set is a cache: it is filled from the graph on first
 * use and then follows the committed change log by sequence number, so it stays right when other
 * application nodes write to the same database. Writers call it while holding the change-sequence
 * lock, so no commit can slip between the refresh and the write.
 */
@ApplicationScoped
public class IdRegistry {

  private final ModelStore store;
  private final ChangeLog changeLog;
  private final Set<String> ids = new HashSet<>();
  private long seq = -1;

  IdRegistry(ModelStore store, ChangeLog changeLog) {
    this.store = store;
    this.changeLog = changeLog;
  }

  /** Which of the candidates are taken, as of the last committed change. */
  synchronized Set<String> taken(TransactionContext tx, Collection<String> candidates) {
    refresh(tx);
    Set<String> taken = new HashSet<>();
    for (String id : candidates) {
      if (ids.contains(id)) {
        taken.add(id);
      }
    }
    return taken;
  }

  /** Forgets everything; the next check reloads from the graph. */
  synchronized void invalidate() {
    ids.clear();
    seq = -1;
  }

  private void refresh(TransactionContext tx) {
    long current = store.currentSequence(tx);
    if (seq < 0 || current < seq) {
      ids.clear();
      ids.addAll(store.allIds(tx));
      seq = current;
      return;
    }
    if (current == seq) {
      return;
    }
    for (Change c : changeLog.between(tx, seq, current)) {
      if ("create".equals(c.op())) {
        ids.add(c.targetId());
      } else if ("delete".equals(c.op())) {
        ids.remove(c.targetId());
      }
    }
    seq = current;
  }
}
