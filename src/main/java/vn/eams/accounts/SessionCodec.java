package vn.eams.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session cookies signed with HMAC-SHA256: {@code v1.<user id>.<credentials version>.<issued epoch
 * seconds>.<signature>}. Any node that holds the key can check one, so app nodes keep no session
 * state. The CSRF token of a session is derived from its cookie with the same key.
 */
final class SessionCodec {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final byte[] key;

  /** A signed session. */
  record Session(long userId, int credentialsVersion, long issuedAt) {}

  SessionCodec(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("The session key needs at least 32 bytes.");
    }
    this.key = key.clone();
  }

  /** The cookie value of a new session. */
  String encode(Session s) {
    String body = "v1." + s.userId() + "." + s.credentialsVersion() + "." + s.issuedAt();
    return body + "." + sign(body);
  }

  /** The session in a cookie value, if the signature holds and it is readable. */
  Optional<Session> decode(String value) {
    if (value == null || value.length() > 200) {
      return Optional.empty();
    }
    int cut = value.lastIndexOf('.');
    if (cut < 0) {
      return Optional.empty();
    }
    String body = value.substring(0, cut);
    if (!equal(sign(body), value.substring(cut + 1))) {
      return Optional.empty();
    }
    String[] parts = body.split("\\.");
    if (parts.length != 4 || !parts[0].equals("v1")) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Session(
              Long.parseLong(parts[1]), Integer.parseInt(parts[2]), Long.parseLong(parts[3])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The CSRF token that goes with a session cookie. */
  String csrfToken(String cookieValue) {
    return sign("csrf." + cookieValue);
  }

  /** Compares two tokens in constant time. */
  static boolean equal(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
