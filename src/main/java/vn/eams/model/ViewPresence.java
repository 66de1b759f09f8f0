package vn.eams.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A user who has a view open, as the last heartbeat of their browser told. */
@Entity
@Table(name = "eams_view_presence")
public class ViewPresence extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eams_view_presence_seq")
  @SequenceGenerator(
      name = "eams_view_presence_seq",
      sequenceName = "eams_view_presence_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "view_id", length = 200, nullable = false)
  public String viewId;

  @Column(name = "username", length = 200, nullable = false)
  public String username;

  /** In the modeller (true) or the read-only viewer. */
  @Column(name = "editing", nullable = false)
  public boolean editing;

  @Column(name = "since", nullable = false)
  public LocalDateTime since;

  @Column(name = "last_seen", nullable = false)
  public LocalDateTime lastSeen;
}
