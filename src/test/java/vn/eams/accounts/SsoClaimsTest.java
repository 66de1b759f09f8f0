package vn.eams.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the role claim's values become a role. */
class SsoClaimsTest {

  static final Map<String, String> MAP =
      Map.of("EAMS-Viewers", "viewer", "EAMS-Architects", "architect", "So-TTTT-Admins", "admin");

  @Test
  void role_IsTheMostPowerfulMappedRole_WhateverTheOrderOfTheValues() {
    assertThat(SsoClaims.role(List.of("EAMS-Viewers", "EAMS-Architects"), MAP, Optional.empty()))
        .contains(Role.ARCHITECT);
    assertThat(SsoClaims.role(List.of("So-TTTT-Admins", "EAMS-Viewers"), MAP, Optional.empty()))
        .contains(Role.ADMIN);
  }

  @Test
  void role_IsTheDefault_OrNone_WhenNoValueIsMapped() {
    assertThat(SsoClaims.role(List.of("Other"), MAP, Optional.of("viewer"))).contains(Role.VIEWER);
    assertThat(SsoClaims.role(List.of("Other"), MAP, Optional.empty())).isEmpty();
    assertThat(SsoClaims.role(List.of(), MAP, Optional.empty())).isEmpty();
  }

  @Test
  void role_IgnoresMappingsToUnknownRoles() {
    assertThat(SsoClaims.role(List.of("X"), Map.of("X", "chief"), Optional.empty())).isEmpty();
  }
}
