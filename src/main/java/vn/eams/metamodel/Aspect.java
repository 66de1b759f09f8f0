package vn.eams.metamodel;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** ArchiMate aspect of an element type, spelled in data files as {@link #token()}. */
public enum Aspect {
  ACTIVE_STRUCTURE("ActiveStructure", "Cấu trúc chủ động"),
  BEHAVIOR("Behavior", "Hành vi"),
  PASSIVE_STRUCTURE("PassiveStructure", "Cấu trúc bị động"),
  MOTIVATION("Motivation", "Động cơ"),
  COMPOSITE("Composite", "Phần tử tổng hợp"),
  CONNECTOR("Connector", "Điểm nối");

  private final String token;
  private final String nameVi;

  Aspect(String token, String nameVi) {
    this.token = token;
    this.nameVi = nameVi;
  }

  /** The spelling used in data files, e.g. {@code ActiveStructure}. */
  public String token() {
    return token;
  }

  /** Vietnamese display name. */
  public String nameVi() {
    return nameVi;
  }

  /** The aspect spelled {@code token}, case-sensitive. */
  public static Optional<Aspect> fromToken(String token) {
    return Arrays.stream(values()).filter(a -> a.token.equals(token)).findFirst();
  }

  /** All tokens, for error messages. */
  public static String tokens() {
    return Arrays.stream(values()).map(Aspect::token).collect(Collectors.joining(", "));
  }
}
