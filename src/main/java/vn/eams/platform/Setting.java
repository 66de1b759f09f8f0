package vn.eams.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Optional;

/** One installation-wide setting in the relational store. */
@Entity
@Table(name = "eams_setting")
public class Setting extends PanacheEntityBase {

  @Id
  @Column(name = "name", length = 100)
  public String name;

  @Column(name = "setting_value", length = 4000, nullable = false)
  public String value;

  @Column(name = "updated_at", nullable = false)
  public LocalDateTime updatedAt;

  /** The setting's value, if set. */
  public static Optional<String> get(String name) {
    return Setting.<Setting>findByIdOptional(name).map(s -> s.value);
  }

  /** Sets the value unless it is set already; returns the stored value. */
  public static String putIfAbsent(String name, String value) {
    Optional<String> existing = get(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    Setting s = new Setting();
    s.name = name;
    s.value = value;
    s.updatedAt = LocalDateTime.now();
    s.persist();
    return value;
  }
}
