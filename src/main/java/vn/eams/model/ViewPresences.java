package vn.eams.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who else has a view open: browsers send a heartbeat every 10 s; a viewer is forgotten 30 s after
 * the last one, so a closed laptop does not stay "present".
 */
@ApplicationScoped
public class ViewPresences {

  /** How long a heartbeat counts. */
  static final Duration EXPIRY = Duration.ofSeconds(30);

  /** Records the user's heartbeat on the view and returns everyone who has it open. */
  @Transactional
  public List<Map<String, Object>> beat(String viewId, String username, boolean editing) {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    ViewPresence.delete("lastSeen < ?1", now.minus(EXPIRY));
    List<ViewPresence> mine = ViewPresence.list("viewId = ?1 and username = ?2", viewId, username);
    ViewPresence p;
    if (mine.isEmpty()) {
      p = new ViewPresence();
      p.viewId = viewId;
      p.username = username;
      p.since = now;
      p.editing = editing;
      p.lastSeen = now;
      p.persist();
    } else {
      p = mine.get(0);
      // a second tab of the same user shares the row
      mine.stream().skip(1).forEach(ViewPresence::delete);
    }
    p.editing = editing;
    p.lastSeen = now;
    return viewers(viewId);
  }

  /** Forgets the user's presence on the view (the page was closed). */
  @Transactional
  public void leave(String viewId, String username) {
    ViewPresence.delete("viewId = ?1 and username = ?2", viewId, username);
  }

  /** Everyone with a live heartbeat on the view, longest present first. */
  @Transactional
  public List<Map<String, Object>> viewers(String viewId) {
    LocalDateTime cutoff = LocalDateTime.now(ZoneOffset.UTC).minus(EXPIRY);
    List<ViewPresence> list =
        ViewPresence.list(
            "viewId = ?1 and lastSeen >= ?2 order by since, username", viewId, cutoff);
    return list.stream()
        .map(
            p -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("user", p.username);
              m.put("name", p.username);
              m.put("editing", p.editing);
              m.put("since", p.since.toInstant(ZoneOffset.UTC).toString());
              return m;
            })
        .toList();
  }
}
