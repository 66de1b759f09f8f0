package vn.eams.model;

/** The kinds of things a model holds. */
public enum ConceptKind {
  MODEL("model"),
  ELEMENT("element"),
  RELATIONSHIP("relationship"),
  FOLDER("folder"),
  VIEW("view");

  private final String label;

  ConceptKind(String label) {
    this.label = label;
  }

  /** Lower-case name used in the API and the change log. */
  public String label() {
    return label;
  }

  /** Parses the API name. */
  public static java.util.Optional<ConceptKind> parse(String s) {
    for (ConceptKind k : values()) {
      if (k.label.equals(s)) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
