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

  /**
   * bcrypt hashes, costs 10 to 16, of a password nobody has (fixed salt): a sign-in for a user who
   * does not exist is checked against the one of the configured cost, so that it takes as long as a
   * wrong password. They are constants because hashing one at start costs the start a whole bcrypt
   * (about 0.4 s of CPU at cost 12; docs/performance.md).
   */
  private static final String[] DUMMY = {
    "$2b$10$XUDrawzibUzrcQzxWUvyGOpQuDLPv0jzWZeQYwVCZALlIQ1330mTK",
    "$2b$11$XUDrawzibUzrcQzxWUvyGOHLgRbsDZ9bR36LAyh1ZR3erj.Y50912",
    "$2b$12$XUDrawzibUzrcQzxWUvyGOGC8GiYMSYRPGPHlVt90DxZe7pWRnVie",
    "$2b$13$XUDrawzibUzrcQzxWUvyGOIi4EqPzOqb/.Vu2NrPwa.BPnB.zfwC.",
    "$2b$14$XUDrawzibUzrcQzxWUvyGOpMAeGOavv4L6WDbuCdojauwokp5oHFy",
    "$2b$15$XUDrawzibUzrcQzxWUvyGO9JUHFoOUo/KFZ7lEqS3zM/gE9b4Gp8a",
    "$2b$16$XUDrawzibUzrcQzxWUvyGOOZhfZsNfWmcywfd44iM04PAmofW4yJ."
  };

  /** The password of the {@link #dummyHash} hashes. */
  static final String DUMMY_PASSWORD = "not a password of anyone";

  /** A hash of {@link #DUMMY_PASSWORD} at {@code cost} (made now for a cost outside 10..16). */
  static String dummyHash(int cost) {
    return cost >= 10 && cost <= 16 ? DUMMY[cost - 10] : hash(DUMMY_PASSWORD, cost);
  }

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
