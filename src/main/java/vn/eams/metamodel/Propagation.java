package vn.eams.metamodel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How impact travels along each relationship type for each kind of change, read from {@code
 * propagation.tsv} (see metamodel/README.md). Immutable.
 */
public final class Propagation {

  /** A kind of change whose impact is analysed. */
  public enum Change {
    /** The element is taken out of the architecture. */
    REMOVED,
    /** Its behaviour, interface or content changes. */
    CHANGED,
    /** It is down for a while. */
    UNAVAILABLE;

    /** The spelling in data files and the API, e.g. {@code removed}. */
    public String token() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The change spelled {@code token}. */
    public static Optional<Change> fromToken(String token) {
      return Arrays.stream(values()).filter(c -> c.token().equals(token)).findFirst();
    }

    /** All tokens, for error messages. */
    public static String tokens() {
      return Arrays.stream(values()).map(Change::token).collect(Collectors.joining(", "));
    }
  }

  /** What a change of one end of a relationship does to the other end. */
  public enum Reach {
    /** The other end is affected, and the impact travels on from it. */
    VALID,
    /** The other end may be affected (needs confirmation); the impact travels on from it. */
    POTENTIAL,
    /** The other end is affected, but the impact does not travel on from it. */
    ENDS,
    /** No impact travels this way. */
    NONE;

    /** The spelling in data files, e.g. {@code valid}. */
    public String token() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Reach> fromToken(String token) {
      return Arrays.stream(values()).filter(d -> d.token().equals(token)).findFirst();
    }

    static String tokens() {
      return Arrays.stream(values()).map(Reach::token).collect(Collectors.joining(", "));
    }
  }

  /**
   * One row: along {@code type}, a {@code change} of the source reaches the target as {@code
   * forward} says, and a change of the target reaches the source as {@code backward} says.
   */
  public record Rule(RelationshipType type, Change change, Reach forward, Reach backward) {
    public Rule {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(forward, "forward");
      Objects.requireNonNull(backward, "backward");
    }
  }

  private final List<RelationshipType> types;
  private final Rule[][] rules;

  Propagation(List<RelationshipType> types, Rule[][] rules) {
    this.types = List.copyOf(types);
    this.rules = new Rule[rules.length][];
    for (int i = 0; i < rules.length; i++) {
      this.rules[i] = rules[i].clone();
    }
  }

  /** The rule for the relationship type at {@code typeIndex} of the metamodel's list. */
  public Rule rule(int typeIndex, Change change) {
    return rules[typeIndex][change.ordinal()];
  }

  /** The rule for the relationship type called {@code type}, if there is such a type. */
  public Optional<Rule> rule(String type, Change change) {
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i).name().equals(type)) {
        return Optional.of(rules[i][change.ordinal()]);
      }
    }
    return Optional.empty();
  }

  /** Every rule, by relationship type (metamodel order), then change. */
  public List<Rule> rules() {
    return Arrays.stream(rules).flatMap(Arrays::stream).toList();
  }
}
