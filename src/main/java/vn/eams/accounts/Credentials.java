package vn.eams.accounts;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The credentials a request may carry besides a user name and password. */
final class Credentials {

  private Credentials() {}

  /** An API token from {@code Authorization: Bearer}. */
  static final class Token extends BaseAuthenticationRequest {
    final String token;

    Token(String token) {
      this.token = token;
    }
  }

  /** A session cookie. */
  static final class Session extends BaseAuthenticationRequest {
    final String cookie;

    Session(String cookie) {
      this.cookie = cookie;
    }
  }
}
