package vn.eams.metamodel;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** ArchiMate layer of an element type, spelled in data files as {@link #token()}. */
public enum Layer {
  STRATEGY("Strategy", "Chiến lược"),
  BUSINESS("Business", "Nghiệp vụ"),
  APPLICATION("Application", "Ứng dụng"),
  TECHNOLOGY("Technology", "Công nghệ"),
  PHYSICAL("Physical", "Vật lý"),
  MOTIVATION("Motivation", "Động cơ"),
  IMPLEMENTATION_MIGRATION("ImplementationMigration", "Triển khai và chuyển đổi"),
  OTHER("Other", "Khác");

  private final String token;
  private final String nameVi;

  Layer(String token, String nameVi) {
    this.token = token;
    this.nameVi = nameVi;
  }

  /** The spelling used in data files, e.g. {@code ImplementationMigration}. */
  public String token() {
    return token;
  }

  /** Vietnamese display name. */
  public String nameVi() {
    return nameVi;
  }

  /** The layer spelled {@code token}, case-sensitive. */
  public static Optional<Layer> fromToken(String token) {
    return Arrays.stream(values()).filter(l -> l.token.equals(token)).findFirst();
  }

  /** All tokens, for error messages. */
  public static String tokens() {
    return Arrays.stream(values()).map(Layer::token).collect(Collectors.joining(", "));
  }
}
