package vn.eams.accounts;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt password hashes ({@code $2b$}), and the rules a new password must meet. */
final class Passwords {

  /** The shortest password accepted. */
  static final int MIN_LENGTH = 10;

  /** bcrypt reads at most 72 bytes; longer passwords are refused rather than cut. */
  static final int MAX_BYTES = 72;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  /** A new bcrypt hash of the password at the given cost. */
  static String hash(String password, int cost) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, cost);
  }

  /** Whether the password matches the hash; false for a missing or unreadable hash. */
  static boolean matches(String password, String hash) {
    if (hash == null || hash.isBlank() || password == null) {
      return false;
    }
    try {
      return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** What is wrong with a new password, or null when it is acceptable. */
  static String problem(String password, String username) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "A password needs at least " + MIN_LENGTH + " characters.";
    }
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "A password may have at most " + MAX_BYTES + " bytes (UTF-8).";
    }
    if (password.isBlank() || password.equalsIgnoreCase(username)) {
      return "A password must not be blank or the user name.";
    }
    return null;
  }

  /** A random password of 20 letters and digits, for the first administrator. */
  static String random() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
