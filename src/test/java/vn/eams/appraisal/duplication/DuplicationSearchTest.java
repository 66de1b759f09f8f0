package vn.eams.appraisal.duplication;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.eams.appraisal.duplication.TraVinh.BASELINE;
import static vn.eams.appraisal.duplication.TraVinh.RULES;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import vn.eams.model.ModelSnapshot;

/**
 * The duplication ranking on the shipped Trà Vinh model (issue #10), with the rule-set
 * duplication-2026: weights name 0.6, dataSubject 0.5, sharedDatabase 0.3, owner 0.2; score = 1 − Π
 * (1 − weight × similarity of each reason).
 */
class DuplicationSearchTest {

  private static final DuplicationSearch SEARCH = new DuplicationSearch(RULES);

  /** A department's own "Hệ thống một cửa điện tử", owned by the Sở TN&MT. */
  static TraVinh.Proposal oneStop(String id, String name) {
    return new TraVinh.Proposal(id)
        .ref(id + "-ref-tnmt", "BusinessActor", "Sở Tài nguyên và Môi trường", "tv-agency-so-tnmt")
        .build(
            id + "-app",
            "ApplicationComponent",
            "Application",
            name,
            "",
            Map.of("owner", id + "-ref-tnmt"))
        .relationship(id + "-r-owner", "Association", id + "-ref-tnmt", id + "-app", "chủ quản");
  }

  /** The sample land-records project: an application and its own land database. */
  static TraVinh.Proposal land(String id) {
    return new TraVinh.Proposal(id)
        .ref(id + "-ref-tnmt", "BusinessActor", "Sở Tài nguyên và Môi trường", "tv-agency-so-tnmt")
        .build(
            id + "-app",
            "ApplicationComponent",
            "Application",
            "Phần mềm quản lý hồ sơ đất đai",
            "Land records management software",
            Map.of("owner", id + "-ref-tnmt"))
        .build(
            id + "-db",
            "DataObject",
            "Database",
            "Cơ sở dữ liệu hồ sơ đất đai của Sở",
            "The department's land records database",
            Map.of("databaseClass", "sectoral", "dataSubject", "land"))
        .relationship(id + "-r-db", "Access", id + "-app", id + "-db", "");
  }

  private static DuplicationReport.Match first(DuplicationReport r, String proposedId) {
    return r.matches().stream()
        .filter(m -> m.proposedElementId().equals(proposedId))
        .findFirst()
        .orElseThrow();
  }

  private static DuplicationReport rank(
      ModelSnapshot proposal, List<OtherProposal> others, OptionalLong buildCostVnd) {
    return SEARCH.rank(BASELINE, proposal, others, buildCostVnd);
  }

  private static List<String> codes(DuplicationReport.Match m) {
    return m.reasons().stream().map(DuplicationReport.Reason::code).toList();
  }

  @Test
  void oneStopSystemOfADepartment_FindsTheProvincialOneStopSystemFirst() {
    DuplicationReport r =
        rank(oneStop("p1", "Hệ thống một cửa điện tử").snapshot(), List.of(), OptionalLong.empty());

    assertThat(r.proposed()).extracting(DuplicationReport.Proposed::id).containsExactly("p1-app");
    DuplicationReport.Match first = r.matches().get(0);
    assertThat(first.candidateId()).isEqualTo("tv-app-05");
    assertThat(first.name()).isEqualTo("Một cửa điện tử");
    assertThat(first.kind()).isEqualTo("application");
    assertThat(first.modelId()).isEqualTo("tra-vinh-v1.0");
    assertThat(first.proposedElementId()).isEqualTo("p1-app");
    // "hệ thống" and "điện tử" are generic: both names come down to "mot cua", similarity 1,
    // weight 0.6 × 1 = 0.6; nothing else is shared (tv-app-05 has no owner in the decision)
    assertThat(codes(first)).containsExactly("name");
    assertThat(first.reasons().get(0).weight()).isEqualTo(0.6);
    assertThat(first.reasons().get(0).textVi())
        .isEqualTo(
            "Tên tương tự (độ tương đồng 1,00): 'Hệ thống một cửa điện tử' và 'Một cửa điện tử'");
    assertThat(first.score()).isEqualTo(0.6);
    // 0.6 reaches the rule "application ≥ 0.6 → reuse"
    assertThat(first.suggestion().code()).isEqualTo("reuse");
    assertThat(first.suggestion().textVi())
        .isEqualTo("Tái sử dụng 'Một cửa điện tử' thay vì xây dựng 'Hệ thống một cửa điện tử'.");
    assertThat(first.estimatedSavingVnd()).isEmpty();
    assertThat(first.status()).isEmpty();
    // no other application reaches the minimum score 0.2
    assertThat(r.matches()).hasSize(1);
  }

  @Test
  void oneStopSystemWrittenWithoutDiacritics_StillFindsTheOneStopSystemFirst() {
    DuplicationReport r =
        rank(
            oneStop("p1", "He thong Mot cua dien tu cap So").snapshot(),
            List.of(),
            OptionalLong.empty());
    assertThat(r.matches().get(0).candidateId()).isEqualTo("tv-app-05");
  }

  @Test
  void
      applicationUsingTheProceduresDatabase_SharesItWithTheOneStopSystemAndThePublicServicePortal() {
    TraVinh.Proposal p =
        oneStop("p2", "Hệ thống một cửa điện tử")
            .ref("p2-ref-db", "DataObject", "CSDL giải quyết TTHC", "tv-db-provincial-02")
            .relationship("p2-r-db", "Access", "p2-app", "p2-ref-db", "");
    DuplicationReport r = rank(p.snapshot(), List.of(), OptionalLong.empty());

    // tv-app-05: name 0.6, same subject procedureHandling 0.5, same database 0.3:
    // 1 − 0.4 × 0.5 × 0.7 = 0.86
    DuplicationReport.Match a = r.matches().get(0);
    assertThat(a.candidateId()).isEqualTo("tv-app-05");
    assertThat(codes(a)).containsExactly("dataSubject", "sharedDatabase", "name");
    assertThat(a.score()).isEqualTo(0.86);
    assertThat(a.reasons().get(1).textEn())
        .isEqualTo(
            "Both access the database: 'Cơ sở dữ liệu về giải quyết thủ tục hành chính'"
                + " (tv-db-provincial-02)");
    // tv-app-02 (Cổng dịch vụ công trực tuyến) accesses the same database: 1 − 0.5 × 0.7 = 0.65,
    // "application ≥ 0.6 → reuse"
    DuplicationReport.Match b = r.matches().get(1);
    assertThat(b.candidateId()).isEqualTo("tv-app-02");
    assertThat(codes(b)).containsExactly("dataSubject", "sharedDatabase");
    assertThat(b.score()).isEqualTo(0.65);
    assertThat(r.matches()).hasSize(2);
  }

  @Test
  void landDatabase_FindsTheNationalLandDatabase_ByItsDataSubject() {
    DuplicationReport r = rank(land("p3").snapshot(), List.of(), OptionalLong.of(1_000_000_000L));

    // two built elements share the build cost: 1 000 000 000 / 2 = 500 000 000 each
    assertThat(r.proposed())
        .extracting(DuplicationReport.Proposed::id, p -> p.buildCostShareVnd().getAsLong())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("p3-app", 500_000_000L),
            org.assertj.core.groups.Tuple.tuple("p3-db", 500_000_000L));
    DuplicationReport.Match db = first(r, "p3-db");
    assertThat(db.candidateId()).isEqualTo("tv-db-national-03");
    assertThat(db.kind()).isEqualTo("database");
    assertThat(codes(db)).containsExactly("dataSubject", "name");
    assertThat(db.reasons().get(0).weight()).isEqualTo(0.5);
    assertThat(db.reasons().get(0).textEn())
        .isEqualTo(
            "Same data subject (dataSubject): land; 'Cơ sở dữ liệu về đất đai' is a national"
                + " database");
    // names: "ho so dat dai so" against "dat dai": jaccard {ho,so,dat,dai} / {dat,dai} = 2/4 = 0.5;
    // trigrams 16 and 7, 7 in common: dice 14/23; similarity 0.5 × 0.5 + 0.5 × 14/23 = 0.554348;
    // weight 0.6 × 0.554348 = 0.333
    assertThat(db.reasons().get(1).weight()).isEqualTo(0.333);
    // 1 − (1 − 0.5) × (1 − 0.333) = 0.6665 → 0.667
    assertThat(db.score()).isEqualTo(0.667);
    // "database ≥ 0.5 → reuse", saving 500 000 000 × 0.8 = 400 000 000
    assertThat(db.suggestion().code()).isEqualTo("reuse");
    assertThat(db.estimatedSavingVnd()).hasValue(400_000_000L);
  }

  @Test
  void anotherProposalBuildingTheSameThing_IsFound_WithItsStatus() {
    TraVinh.Proposal other = oneStop("p5", "Phần mềm Một cửa điện tử");
    DuplicationReport r =
        rank(
            oneStop("p4", "Hệ thống một cửa điện tử").snapshot(),
            List.of(new OtherProposal(other.snapshot(), "open")),
            OptionalLong.of(600_000_000L));

    // same name (0.6) and same owner, the Sở TN&MT (0.2): 1 − 0.4 × 0.8 = 0.68, above tv-app-05
    DuplicationReport.Match m = r.matches().get(0);
    assertThat(m.candidateId()).isEqualTo("p5-app");
    assertThat(m.modelId()).isEqualTo("p5");
    assertThat(m.kind()).isEqualTo("proposal");
    assertThat(m.status()).hasValue("open");
    assertThat(codes(m)).containsExactly("name", "owner");
    assertThat(m.reasons().get(1).textVi())
        .isEqualTo("Cùng cơ quan chủ quản: 'Sở Tài nguyên và Môi trường' (tv-agency-so-tnmt)");
    assertThat(m.score()).isEqualTo(0.68);
    // "proposal ≥ 0.6 → reuse": 600 000 000 × 0.8 = 480 000 000
    assertThat(m.suggestion().code()).isEqualTo("reuse");
    assertThat(m.estimatedSavingVnd()).hasValue(480_000_000L);
    assertThat(r.matches().get(1).candidateId()).isEqualTo("tv-app-05");
    assertThat(r.matches().get(1).estimatedSavingVnd()).hasValue(480_000_000L);
    assertThat(r.leftOut()).isEmpty();
  }

  @Test
  void rejectedOrWithdrawnProposal_IsLeftOut() {
    TraVinh.Proposal rejected = oneStop("p6", "Phần mềm Một cửa điện tử");
    TraVinh.Proposal withdrawn = oneStop("p7", "Một cửa điện tử");
    DuplicationReport r =
        rank(
            oneStop("p4", "Hệ thống một cửa điện tử").snapshot(),
            List.of(
                new OtherProposal(rejected.snapshot(), "rejected"),
                new OtherProposal(withdrawn.snapshot(), "Withdrawn")),
            OptionalLong.empty());

    assertThat(r.matches()).extracting(DuplicationReport.Match::kind).doesNotContain("proposal");
    assertThat(r.matches().get(0).candidateId()).isEqualTo("tv-app-05");
    assertThat(r.leftOut())
        .extracting(DuplicationReport.LeftOut::modelId, DuplicationReport.LeftOut::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("p6", "rejected"),
            org.assertj.core.groups.Tuple.tuple("p7", "Withdrawn"));
  }

  @Test
  void proposalWithoutStatus_IsSearched_AndTheProposalItselfIsNot() {
    TraVinh.Proposal self = oneStop("p4", "Hệ thống một cửa điện tử");
    TraVinh.Proposal other = oneStop("p8", "Một cửa điện tử");
    DuplicationReport r =
        rank(
            self.snapshot(),
            List.of(
                new OtherProposal(self.snapshot(), ""), new OtherProposal(other.snapshot(), null)),
            OptionalLong.empty());
    assertThat(r.matches())
        .extracting(DuplicationReport.Match::modelId)
        .containsExactly("p8", "tra-vinh-v1.0");
    assertThat(r.matches().get(0).status()).isEqualTo(Optional.of(""));
  }

  @Test
  void referenceModelCodes_AreAReason() {
    TraVinh.Proposal p =
        new TraVinh.Proposal("p9")
            .build(
                "p9-app",
                "ApplicationComponent",
                "Application",
                "Phần mềm tiếp nhận hồ sơ",
                "",
                Map.of("armCode", "arm.01.02"));
    TraVinh.Proposal other =
        new TraVinh.Proposal("p10")
            .build(
                "p10-app",
                "ApplicationComponent",
                "Application",
                "Cổng thông tin",
                "",
                Map.of("armCode", "ARM.01.02"));
    DuplicationReport r =
        rank(
            p.snapshot(),
            List.of(new OtherProposal(other.snapshot(), "approved")),
            OptionalLong.empty());
    DuplicationReport.Match m = r.matches().get(0);
    assertThat(m.candidateId()).isEqualTo("p10-app");
    assertThat(codes(m)).containsExactly("referenceCode");
    assertThat(m.reasons().get(0).textEn()).isEqualTo("Same reference-model codes: ARM:ARM.01.02");
    // 0.5: below "proposal ≥ 0.6 → reuse", so integrate, which saves nothing
    assertThat(m.score()).isEqualTo(0.5);
    assertThat(m.suggestion().code()).isEqualTo("integrate");
  }

  @Test
  void sampleLandRecordsProposal_FindsTheNationalLandDatabase() {
    DuplicationReport r = rank(TraVinh.sample(), List.of(), OptionalLong.of(2_000_000_000L));
    assertThat(r.proposalId()).isEqualTo("de-xuat-dat-dai-stnmt");
    assertThat(r.proposed())
        .extracting(DuplicationReport.Proposed::id)
        .containsExactly("dx-dd-app", "dx-dd-db");
    DuplicationReport.Match db = first(r, "dx-dd-db");
    assertThat(db.candidateId()).isEqualTo("tv-db-national-03");
    assertThat(codes(db)).containsExactly("dataSubject", "name");
    assertThat(db.score()).isEqualTo(0.667);
    // 2 000 000 000 / 2 built elements × 0.8 (reuse) = 800 000 000
    assertThat(db.estimatedSavingVnd()).hasValue(800_000_000L);
    // the land-records application has no counterpart among the decision's 18 applications
    assertThat(r.matches()).hasSize(1);
  }

  /** A project serving the judicial-records domain and, through a service, the Sở Tư pháp. */
  static TraVinh.Proposal judicial(String id, String name) {
    return new TraVinh.Proposal(id)
        .ref(id + "-ref-domain", "BusinessFunction", "Lý lịch tư pháp", "tv-domain-ly-lich-tu-phap")
        .ref(id + "-ref-stp", "BusinessActor", "Sở Tư pháp", "tv-agency-so-tu-phap")
        .build(id + "-app", "ApplicationComponent", "Application", name, "", Map.of())
        .build(id + "-svc", "ApplicationService", "", "Dịch vụ " + name, "", Map.of())
        .relationship(id + "-r1", "Serving", id + "-app", id + "-ref-domain", "")
        .relationship(id + "-r2", "Realization", id + "-app", id + "-svc", "")
        .relationship(id + "-r3", "Serving", id + "-svc", id + "-ref-stp", "");
  }

  @Test
  void sameDomainAndAgencyServed_AreReasons() {
    DuplicationReport r =
        rank(
            judicial("p11", "Alpha").snapshot(),
            List.of(new OtherProposal(judicial("p12", "Beta").snapshot(), "approved")),
            OptionalLong.empty());
    DuplicationReport.Match m = r.matches().get(0);
    assertThat(m.candidateId()).isEqualTo("p12-app");
    assertThat(codes(m)).containsExactly("domain", "agency");
    assertThat(m.reasons().get(1).textVi())
        .isEqualTo("Cùng phục vụ hoặc kết nối cơ quan: 'Sở Tư pháp' (tv-agency-so-tu-phap)");
    // domain 0.2, agency 0.1 (through the service): 1 − 0.8 × 0.9 = 0.28; below 0.6: integrate
    assertThat(m.score()).isEqualTo(0.28);
    assertThat(m.suggestion().code()).isEqualTo("integrate");
    assertThat(r.matches()).hasSize(1);
  }
}
