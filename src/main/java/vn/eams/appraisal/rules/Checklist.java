package vn.eams.appraisal.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The versioned list of checklist items ({@code routes/checklist.json}). */
public record Checklist(
    String id, String version, LocalDate effectiveFrom, List<ChecklistItem> items) {

  public Checklist {
    items = List.copyOf(items);
  }

  /** The item of this id. */
  public Optional<ChecklistItem> item(String itemId) {
    return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
  }
}
