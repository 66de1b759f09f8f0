package vn.eams.compliance;

import java.util.List;
import java.util.Objects;

/**
 * One thing a rule found wrong in a model.
 *
 * @param messageVi what is wrong with these concepts and how to fix it, in Vietnamese
 * @param messageEn the same in English
 * @param conceptIds the elements, relationships or views involved, the one to fix first
 */
public record Finding(Rule rule, String messageVi, String messageEn, List<String> conceptIds) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    messageVi = Objects.requireNonNullElse(messageVi, "");
    messageEn = Objects.requireNonNullElse(messageEn, "");
    conceptIds = List.copyOf(conceptIds);
  }

  public Severity severity() {
    return rule.severity();
  }
}
