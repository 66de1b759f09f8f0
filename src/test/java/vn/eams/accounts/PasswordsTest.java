package vn.eams.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The constant hashes a sign-in for an unknown user is checked against. */
class PasswordsTest {

  @Test
  void dummyHashes_HaveTheirCost() {
    for (int cost = 10; cost <= 16; cost++) {
      assertThat(Passwords.dummyHash(cost))
          .as("cost " + cost)
          .startsWith(String.format("$2b$%02d$", cost))
          .hasSize(60);
    }
  }

  @Test
  void dummyHashes_AreHashesOfTheDummyPassword() {
    // costs 13..16 take seconds each; the same code made all of them
    for (int cost = 10; cost <= 12; cost++) {
      assertThat(Passwords.matches(Passwords.DUMMY_PASSWORD, Passwords.dummyHash(cost)))
          .as("cost " + cost)
          .isTrue();
    }
    assertThat(Passwords.matches("not a password of anyone!", Passwords.dummyHash(10))).isFalse();
  }

  @Test
  void outsideTheTable_AHashIsMade() {
    String h = Passwords.dummyHash(4);
    assertThat(h).startsWith("$2b$04$");
    assertThat(Passwords.matches(Passwords.DUMMY_PASSWORD, h)).isTrue();
  }
}
