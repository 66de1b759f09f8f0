package vn.eams.compliance;

import java.util.Objects;

/**
 * A rule a model is checked against: a model check (Java, {@code metamodel/rules/checks.tsv}) or a
 * policy rule (SHACL, {@code metamodel/rules/*.ttl}).
 *
 * @param id stable dotted id, e.g. {@code archimate.relationship-not-allowed}
 * @param basis the legal or architectural basis (article cited), "" when none
 * @param hintVi how to fix, in Vietnamese
 * @param hintEn how to fix, in English
 */
public record Rule(
    String id,
    Kind kind,
    Severity severity,
    String titleVi,
    String titleEn,
    String hintVi,
    String hintEn,
    String basis) {

  /** Where the rule comes from. */
  public enum Kind {
    CHECK,
    POLICY
  }

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    titleVi = Objects.requireNonNullElse(titleVi, "");
    titleEn = Objects.requireNonNullElse(titleEn, "");
    hintVi = Objects.requireNonNullElse(hintVi, "");
    hintEn = Objects.requireNonNullElse(hintEn, "");
    basis = Objects.requireNonNullElse(basis, "");
  }

  /** The same rule with another severity. */
  public Rule withSeverity(Severity s) {
    return new Rule(id, kind, s, titleVi, titleEn, hintVi, hintEn, basis);
  }
}
