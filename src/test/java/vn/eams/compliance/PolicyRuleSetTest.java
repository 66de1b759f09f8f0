package vn.eams.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.eams.platform.ProblemException;

/** Reloading the policy rules: all or nothing, with the broken file named. */
class PolicyRuleSetTest {

  private static final String EXTRA =
      """
      @prefix sh: <http://www.w3.org/ns/shacl#> .
      @prefix am: <https://ns.eams.vn/archimate#> .
      @prefix eams: <https://ns.eams.vn/eams#> .
      eams:VendorNamed a sh:NodeShape ;
        eams:ruleId "policy.tra-vinh.application-vendor" ;
        sh:name "Ứng dụng ghi nhà cung cấp"@vi , "Applications name their vendor"@en ;
        sh:message "Ghi nhà cung cấp"@vi , "Name the vendor"@en ;
        sh:severity sh:Info ;
        eams:basis "Kiến trúc CQĐT tỉnh Trà Vinh 1.0" ;
        sh:targetClass am:ApplicationComponent ;
        sh:sparql [ sh:select "SELECT $this WHERE { FILTER(false) }" ] .
      """;

  @Test
  void reload_AddsRulesOfTheFolder_WhenTheyAreValid(@TempDir Path dir) throws IOException {
    PolicyRuleSet set = new PolicyRuleSet(Optional.of(dir), Map.of());
    int shipped = set.current().rules().size();
    long generation = set.generation();
    Files.writeString(dir.resolve("vendor.ttl"), EXTRA);
    assertThat(set.reload().rules()).hasSize(shipped + 1);
    assertThat(set.generation()).isEqualTo(generation + 1);
    assertThat(set.current().rules())
        .extracting(Rule::id)
        .contains("policy.tra-vinh.application-vendor");
  }

  @Test
  void reload_Refuses422AndKeepsRulesInForce_WhenAFileIsBroken(@TempDir Path dir)
      throws IOException {
    PolicyRuleSet set = new PolicyRuleSet(Optional.of(dir), Map.of());
    int before = set.current().rules().size();
    long generation = set.generation();
    Files.writeString(dir.resolve("broken.ttl"), EXTRA.replace("eams:basis", "eams:nobasis"));
    assertThatThrownBy(set::reload)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.toProblem().status()).isEqualTo(422);
              assertThat(e.toProblem().errors())
                  .anySatisfy(
                      err -> {
                        assertThat(err.code()).isEqualTo("invalid-rule");
                        assertThat(err.message()).contains("broken.ttl").contains("basis");
                      });
            });
    assertThat(set.current().rules()).hasSize(before);
    assertThat(set.generation()).isEqualTo(generation);
  }

  @Test
  void reload_Refuses422_WhenReachIsNotAWholeNumber(@TempDir Path dir) throws IOException {
    PolicyRuleSet set = new PolicyRuleSet(Optional.of(dir), Map.of());
    set.current();
    Files.writeString(
        dir.resolve("far.ttl"), EXTRA.replace("eams:basis", "eams:reach \"far\" ;\n  eams:basis"));
    assertThatThrownBy(set::reload)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.toProblem().errors())
                    .anySatisfy(
                        err ->
                            assertThat(err.message()).contains("far.ttl").contains("eams:reach")));
  }
}
