package vn.eams.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.eams.compliance.PolicyFixtures.app;
import static vn.eams.compliance.PolicyFixtures.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the rule files: what is refused, the extra directory, severity overrides. */
class PolicyRulesLoaderTest {

  private static final Path SHIPPED = Path.of("metamodel/rules");

  /** An architect's own rule: every application names its vendor. */
  private static final String VENDOR_RULE =
      """
      @prefix sh:    <http://www.w3.org/ns/shacl#> .
      @prefix egov:  <https://ns.eams.vn/vn-egov#> .
      @prefix eams:  <https://ns.eams.vn/eams#> .
      @prefix rules: <https://ns.eams.vn/rules/tra-vinh#> .

      rules:ApplicationVendor
        a sh:NodeShape ;
        eams:ruleId "policy.tra-vinh.application-vendor" ;
        sh:name "Ứng dụng ghi nhà cung cấp"@vi , "Applications name their vendor"@en ;
        sh:message "{$this} chưa ghi nhà cung cấp."@vi , "{$this} names no vendor."@en ;
        eams:hint "Ghi thuộc tính vendor."@vi , "Fill in the vendor property."@en ;
        sh:severity sh:Info ;
        eams:basis "Quy chế quản lý kiến trúc của tỉnh, Điều 5" ;
        sh:targetClass egov:Application ;
        sh:sparql [
          sh:select \"""
            PREFIX egov: <https://ns.eams.vn/vn-egov#>
            SELECT $this WHERE { FILTER NOT EXISTS { $this egov:vendor ?vendor } }
          \""" ;
        ] .
      """;

  private static Path write(Path dir, String name, String text) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(name), text);
  }

  /** A rules folder with a manifest listing the given files, written with the given texts. */
  private static Path rulesDir(Path root, Map<String, String> files) throws IOException {
    Path dir = root.resolve("rules");
    write(dir, "manifest.tsv", "# test\nfile\n" + String.join("\n", files.keySet()) + "\n");
    for (var e : files.entrySet()) {
      write(dir, e.getKey(), e.getValue());
    }
    return dir;
  }

  @Test
  void manifest_ListsEveryRuleFileOfTheShippedFolder() throws IOException {
    List<String> listed =
        Files.readAllLines(SHIPPED.resolve("manifest.tsv")).stream()
            .map(String::strip)
            .filter(l -> l.endsWith(".ttl"))
            .toList();
    try (Stream<Path> s = Files.list(SHIPPED)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ttl")))
          .containsExactlyInAnyOrderElementsOf(listed);
    }
  }

  @Test
  void fromDirectory_LoadsTheSameRules_AsFromTheClasspath() {
    PolicyRules fromDisk = PolicyRules.fromDirectory(SHIPPED, Optional.empty(), Map.of());
    PolicyRules fromClasspath = PolicyRules.load(Optional.empty(), Map.of());
    assertThat(fromDisk.rules()).isEqualTo(fromClasspath.rules()).hasSize(8);
  }

  @Test
  void load_RefusesARuleWithoutBasis_NamingTheFileAndTheShapeLine(@TempDir Path tmp)
      throws IOException {
    String noBasis =
        VENDOR_RULE.replace("eams:basis \"Quy chế quản lý kiến trúc của tỉnh, Điều 5\" ;", "");
    Path dir = rulesDir(tmp, Map.of("vendor.ttl", noBasis));

    assertThatThrownBy(() -> PolicyRules.fromDirectory(dir, Optional.empty(), Map.of()))
        .isInstanceOf(PolicyRulesException.class)
        .satisfies(
            e ->
                assertThat(((PolicyRulesException) e).problems())
                    .containsExactly(
                        dir.resolve("vendor.ttl")
                            + ":6: shape rules:ApplicationVendor: missing eams:basis (the article"
                            + " cited, e.g. \"NĐ 85/2016/NĐ-CP, Điều 9\")"));
  }

  @Test
  void load_RefusesARule_ListingEveryMissingPieceOfMetadata(@TempDir Path tmp) throws IOException {
    String bare =
        """
        @prefix sh:   <http://www.w3.org/ns/shacl#> .
        @prefix egov: <https://ns.eams.vn/vn-egov#> .
        <urn:test:Bare> a sh:NodeShape ; sh:targetClass egov:Application ;
          sh:name "Chỉ có tên tiếng Việt"@vi .
        """;
    Path dir = rulesDir(tmp, Map.of("bare.ttl", bare));

    assertThatThrownBy(() -> PolicyRules.fromDirectory(dir, Optional.empty(), Map.of()))
        .isInstanceOf(PolicyRulesException.class)
        .hasMessageContaining("bare.ttl:3: shape urn:test:Bare: missing eams:ruleId")
        .hasMessageContaining("sh:name \"...\"@en")
        .hasMessageContaining("sh:message \"...\"@vi")
        .hasMessageContaining("sh:message \"...\"@en")
        .hasMessageContaining("sh:severity")
        .hasMessageContaining("eams:basis")
        .message()
        .doesNotContain("sh:name \"...\"@vi");
  }

  @Test
  void load_RefusesTheWholeSet_WhenOneFileOfTheExtraDirectoryIsBad(@TempDir Path tmp)
      throws IOException {
    Path extra = tmp.resolve("extra");
    write(extra, "a-good.ttl", VENDOR_RULE);
    write(extra, "b-bad.ttl", VENDOR_RULE.replace("policy.tra-vinh.application-vendor", "vendor"));

    assertThatThrownBy(() -> PolicyRules.load(Optional.of(extra), Map.of()))
        .isInstanceOf(PolicyRulesException.class)
        .satisfies(
            e ->
                assertThat(((PolicyRulesException) e).problems())
                    .singleElement()
                    .asString()
                    .startsWith(extra.resolve("b-bad.ttl") + ":6: shape rules:ApplicationVendor")
                    .contains("eams:ruleId \"vendor\" is not a policy rule id"));
  }

  @Test
  void load_AddsTheRulesOfTheExtraDirectory_AndTheyFire(@TempDir Path tmp) throws IOException {
    Path extra = tmp.resolve("extra");
    write(extra, "vendor.ttl", VENDOR_RULE);
    write(extra, "notes.txt", "not a rule file, ignored");

    PolicyRules rules = PolicyRules.load(Optional.of(extra), Map.of());

    assertThat(rules.rules()).hasSize(9);
    Rule vendor = rules.rule("policy.tra-vinh.application-vendor").orElseThrow();
    assertThat(vendor.severity()).isEqualTo(Severity.INFO);
    assertThat(vendor.basis()).isEqualTo("Quy chế quản lý kiến trúc của tỉnh, Điều 5");
    assertThat(vendor.hintEn()).isEqualTo("Fill in the vendor property.");

    Model data =
        model(app("app-a", "Ứng dụng A", null), app("app-b", "Ứng dụng B", "egov:vendor \"VNPT\""));
    List<Finding> found =
        rules.validate(data).stream().filter(f -> f.rule().equals(vendor)).toList();
    assertThat(found).extracting(Finding::conceptIds).containsExactly(List.of("app-a"));
    assertThat(found.get(0).messageVi()).isEqualTo("Ứng dụng A chưa ghi nhà cung cấp.");
    assertThat(found.get(0).messageEn()).isEqualTo("Ứng dụng A (en) names no vendor.");
  }

  @Test
  void validate_MapsResultsOfCoreConstraintsInNestedShapes_ToTheirRule(@TempDir Path tmp)
      throws IOException {
    String coreRule =
        """
        @prefix sh:    <http://www.w3.org/ns/shacl#> .
        @prefix egov:  <https://ns.eams.vn/vn-egov#> .
        @prefix eams:  <https://ns.eams.vn/eams#> .
        @prefix rules: <https://ns.eams.vn/rules/tra-vinh#> .

        rules:GoLiveDate
          a sh:NodeShape ;
          eams:ruleId "policy.tra-vinh.go-live-date" ;
          sh:name "Ứng dụng ghi ngày vận hành"@vi , "Applications record their go-live date"@en ;
          sh:message "{$this}: thiếu ngày đưa vào vận hành."@vi , "{$this}: no go-live date."@en ;
          sh:severity sh:Warning ;
          eams:basis "Quy chế quản lý kiến trúc của tỉnh, Điều 6" ;
          sh:targetClass egov:Application ;
          sh:property [ sh:path egov:goLiveDate ; sh:minCount 1 ] .
        """;
    Path extra = tmp.resolve("extra");
    write(extra, "go-live.ttl", coreRule);

    PolicyRules rules = PolicyRules.load(Optional.of(extra), Map.of());
    List<Finding> found =
        rules
            .validate(
                model(
                    app("app-a", "Ứng dụng A", null),
                    app("app-b", "Ứng dụng B", "egov:goLiveDate \"2024-01-01\"^^xsd:date")))
            .stream()
            .filter(f -> f.rule().id().equals("policy.tra-vinh.go-live-date"))
            .toList();

    assertThat(found).extracting(Finding::conceptIds).containsExactly(List.of("app-a"));
    assertThat(found.get(0).messageVi()).isEqualTo("Ứng dụng A: thiếu ngày đưa vào vận hành.");
    assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void load_AppliesSeverityOverrides_ToTheRulesAndTheirFindings() {
    PolicyRules rules =
        PolicyRules.load(
            Optional.empty(),
            Map.of(
                "policy.application-required-attributes", Severity.ERROR,
                "archimate.some-model-check", Severity.INFO));

    Rule required = rules.rule("policy.application-required-attributes").orElseThrow();
    assertThat(required.severity()).isEqualTo(Severity.ERROR);
    assertThat(rules.rule("policy.single-sign-on").orElseThrow().severity())
        .isEqualTo(Severity.WARNING);
    List<Finding> found = rules.validate(model(app("app-a", "Ứng dụng A", null)));
    assertThat(found)
        .filteredOn(f -> f.rule().id().equals(required.id()))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
  }

  @Test
  void load_RefusesTwoRulesWithOneId_NamingBothFiles(@TempDir Path tmp) throws IOException {
    Path extra = tmp.resolve("extra");
    write(extra, "one.ttl", VENDOR_RULE);
    write(
        extra,
        "two.ttl",
        VENDOR_RULE.replace("rules:ApplicationVendor", "rules:ApplicationVendorAgain"));

    assertThatThrownBy(() -> PolicyRules.load(Optional.of(extra), Map.of()))
        .isInstanceOf(PolicyRulesException.class)
        .hasMessageContaining(
            extra.resolve("two.ttl")
                + ": rule id policy.tra-vinh.application-vendor is already used in "
                + extra.resolve("one.ttl"));
  }

  @Test
  void load_RefusesTurtleThatDoesNotParse_NamingFileLineAndColumn(@TempDir Path tmp)
      throws IOException {
    Path extra = tmp.resolve("extra");
    write(
        extra,
        "broken.ttl",
        VENDOR_RULE.replace("sh:severity sh:Info ;", "sh:severity sh:Info sh:Warning ;"));

    assertThatThrownBy(() -> PolicyRules.load(Optional.of(extra), Map.of()))
        .isInstanceOf(PolicyRulesException.class)
        .hasMessageContaining(extra.resolve("broken.ttl") + ":12:")
        .hasMessageContaining("(the file must be valid Turtle)");
  }

  @Test
  void load_RefusesAQueryThatIsNotSparql_NamingTheFile(@TempDir Path tmp) throws IOException {
    Path extra = tmp.resolve("extra");
    write(extra, "query.ttl", VENDOR_RULE.replace("FILTER NOT EXISTS", "FILTER NOT EXISTZ"));

    assertThatThrownBy(() -> PolicyRules.load(Optional.of(extra), Map.of()))
        .isInstanceOf(PolicyRulesException.class)
        .hasMessageContaining(extra.resolve("query.ttl") + ": the shapes are not valid SHACL");
  }

  @Test
  void load_RefusesAManifestEntryWhoseFileIsMissing(@TempDir Path tmp) throws IOException {
    Path dir = rulesDir(tmp, Map.of("vendor.ttl", VENDOR_RULE));
    Files.writeString(dir.resolve("manifest.tsv"), "file\nvendor.ttl\nmissing.ttl\n../up.ttl\n");

    assertThatThrownBy(() -> PolicyRules.fromDirectory(dir, Optional.empty(), Map.of()))
        .isInstanceOf(PolicyRulesException.class)
        .satisfies(
            e ->
                assertThat(((PolicyRulesException) e).problems())
                    .containsExactly(
                        dir.resolve("manifest.tsv")
                            + ":4: \"../up.ttl\" is not a rule file name (a name ending in .ttl in"
                            + " this folder, no path)",
                        dir.resolve("manifest.tsv") + ": lists missing.ttl, which does not exist"));
  }

  @Test
  void load_RefusesAnExtraDirectoryThatDoesNotExist(@TempDir Path tmp) {
    Path nowhere = tmp.resolve("nowhere");

    assertThatThrownBy(() -> PolicyRules.load(Optional.of(nowhere), Map.of()))
        .isInstanceOf(PolicyRulesException.class)
        .hasMessageContaining(nowhere + ": the extra rules directory does not exist");
  }

  @Test
  void rules_AreUnmodifiable() {
    PolicyRules rules = PolicyRules.load(Optional.empty(), Map.of());
    assertThatThrownBy(() -> rules.rules().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
