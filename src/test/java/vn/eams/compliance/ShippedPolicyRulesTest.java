package vn.eams.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.eams.compliance.PolicyFixtures.agency;
import static vn.eams.compliance.PolicyFixtures.app;
import static vn.eams.compliance.PolicyFixtures.completeApp;
import static vn.eams.compliance.PolicyFixtures.element;
import static vn.eams.compliance.PolicyFixtures.freeProperty;
import static vn.eams.compliance.PolicyFixtures.model;
import static vn.eams.compliance.PolicyFixtures.rel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each shipped policy rule on small models: one that breaks it and one that keeps it. */
class ShippedPolicyRulesTest {

  private static PolicyRules rules;

  @BeforeAll
  static void load() {
    rules = PolicyRules.load(Optional.empty(), Map.of());
  }

  private static List<Finding> findings(String ruleId, Model data) {
    return rules.validate(data).stream().filter(f -> f.rule().id().equals(ruleId)).toList();
  }

  // ---- the set

  @Test
  void load_ReadsTheEightShippedRules_WithTheirMetadata() {
    assertThat(rules.rules())
        .extracting(Rule::id)
        .containsExactly(
            "policy.integration-via-platform",
            "policy.security-level-public-facing",
            "policy.security-level-shared-infrastructure",
            "policy.application-required-attributes",
            "policy.single-sign-on",
            "policy.e-payment-level-4",
            "policy.national-database-connection",
            "policy.provincial-master-data");
    assertThat(rules.rules())
        .allSatisfy(
            r -> {
              assertThat(r.kind()).isEqualTo(Rule.Kind.POLICY);
              assertThat(r.titleVi()).isNotBlank();
              assertThat(r.titleEn()).isNotBlank();
              assertThat(r.hintVi()).isNotBlank();
              assertThat(r.hintEn()).isNotBlank();
              assertThat(r.basis()).matches(".*(Điều|Điều) [0-9]+.*");
            });
    assertThat(rules.rule("policy.integration-via-platform").orElseThrow().severity())
        .isEqualTo(Severity.ERROR);
    assertThat(rules.rule("policy.single-sign-on").orElseThrow().severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void validate_ReportsNothing_WhenTheModelIsEmpty() {
    assertThat(rules.validate(model())).isEmpty();
  }

  // ---- policy.integration-via-platform

  private static String twoAgencies() {
    return agency("ag-stp", "Sở Tư pháp") + agency("ag-stnmt", "Sở Tài nguyên và Môi trường");
  }

  @Test
  void integrationViaPlatform_ReportsViolation_WhenApplicationsOfDifferentOwnersExchangeDirectly() {
    Model m =
        model(
            twoAgencies(),
            completeApp("app-hotich", "Phần mềm hộ tịch", "ag-stp", 3, null),
            completeApp("app-datdai", "Phần mềm đất đai", "ag-stnmt", 3, null),
            rel("r-flow", "Flow", "app-hotich", "app-datdai", null));

    List<Finding> found = findings("policy.integration-via-platform", m);

    assertThat(found).hasSize(1);
    Finding f = found.get(0);
    assertThat(f.conceptIds()).containsExactly("app-hotich", "app-datdai", "r-flow");
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.messageVi())
        .startsWith(
            "Phần mềm hộ tịch (chủ quản: Sở Tư pháp) trao đổi dữ liệu trực tiếp với Phần mềm đất"
                + " đai (chủ quản: Sở Tài nguyên và Môi trường) qua quan hệ Flow r-flow, không qua");
    assertThat(f.messageEn())
        .startsWith(
            "Phần mềm hộ tịch (en) (owner: Sở Tư pháp (en)) exchanges data directly with Phần mềm"
                + " đất đai (en) (owner: Sở Tài nguyên và Môi trường (en)) through the Flow"
                + " relationship r-flow,");
    assertThat(f.rule().basis()).contains("TT 13/2017/TT-BTTTT, Điều 16");
  }

  @Test
  void
      integrationViaPlatform_ReportsViolation_WhenAnApplicationReadsDataThatAnotherAgencysApplicationWrites() {
    Model m =
        model(
            twoAgencies(),
            completeApp("app-hotich", "Phần mềm hộ tịch", "ag-stp", 3, null),
            completeApp("app-datdai", "Phần mềm đất đai", "ag-stnmt", 3, null),
            element(
                "db-datdai",
                "DataObject",
                "Database",
                "CSDL đất đai",
                "egov:databaseClass \"sectoral\""),
            rel("r-write", "Access", "app-datdai", "db-datdai", "am:accessType \"Write\""),
            rel("r-read", "Access", "app-hotich", "db-datdai", "am:accessType \"Read\""));

    List<Finding> found = findings("policy.integration-via-platform", m);

    assertThat(found)
        .extracting(Finding::conceptIds)
        .containsExactly(List.of("app-hotich", "app-datdai", "r-read"));
    assertThat(found.get(0).messageEn()).contains("through the Access relationship r-read,");
  }

  @Test
  void integrationViaPlatform_ReportsNothing_WhenTheExchangeGoesThroughTheLgsp() {
    Model m =
        model(
            twoAgencies(),
            completeApp("app-hotich", "Phần mềm hộ tịch", "ag-stp", 3, null),
            completeApp("app-datdai", "Phần mềm đất đai", "ag-stnmt", 3, null),
            element(
                "lgsp",
                "ApplicationComponent",
                "Platform",
                "Nền tảng chia sẻ và tích hợp cấp tỉnh",
                "egov:tier \"provincial\" ; egov:securityLevel 3"),
            rel("r-1", "Flow", "app-hotich", "lgsp", null),
            rel("r-2", "Flow", "lgsp", "app-datdai", null));

    assertThat(findings("policy.integration-via-platform", m)).isEmpty();
  }

  @Test
  void integrationViaPlatform_ReportsNothing_WhenTheDirectExchangeIsAnApprovedException() {
    Model m =
        model(
            twoAgencies(),
            completeApp("app-hotich", "Phần mềm hộ tịch", "ag-stp", 3, null),
            completeApp("app-datdai", "Phần mềm đất đai", "ag-stnmt", 3, null),
            rel(
                "r-flow",
                "Flow",
                "app-hotich",
                "app-datdai",
                freeProperty("eams:exception", "Văn bản 123/UBND-KT ngày 01/02/2024", 0)));

    assertThat(findings("policy.integration-via-platform", m)).isEmpty();
  }

  @Test
  void integrationViaPlatform_ReportsNothing_WhenBothApplicationsHaveTheSameOwner() {
    Model m =
        model(
            twoAgencies(),
            completeApp("app-hotich", "Phần mềm hộ tịch", "ag-stp", 3, null),
            completeApp("app-lltp", "Phần mềm lý lịch tư pháp", "ag-stp", 3, null),
            rel("r-serve", "Serving", "app-hotich", "app-lltp", null));

    assertThat(findings("policy.integration-via-platform", m)).isEmpty();
  }

  // ---- policy.security-level-public-facing

  private static String level4Portal(String levelProperty) {
    return app("app-dvc", "Cổng dịch vụ công", levelProperty)
        + element(
            "svc-l4",
            "BusinessService",
            "PublicService",
            "Dịch vụ công trực tuyến mức độ 4",
            "egov:onlineServiceLevel 4")
        + rel("r-real", "Realization", "app-dvc", "svc-l4", null);
  }

  @Test
  void securityLevelPublicFacing_ReportsViolation_WhenAPortalOfLevel4ServicesIsAtLevel2() {
    List<Finding> found =
        findings(
            "policy.security-level-public-facing", model(level4Portal("egov:securityLevel 2")));

    assertThat(found).hasSize(1);
    assertThat(found.get(0).conceptIds()).containsExactly("app-dvc");
    assertThat(found.get(0).messageVi())
        .isEqualTo(
            "Cổng dịch vụ công phục vụ người dân, doanh nghiệp và cung cấp dịch vụ công trực tuyến"
                + " mức độ 3 trở lên, nên phải có cấp độ an toàn hệ thống thông tin từ 3 trở lên;"
                + " cấp độ hiện tại: 2.");
    assertThat(found.get(0).messageEn()).contains("level 3 or higher; current level: 2.");
  }

  @Test
  void
      securityLevelPublicFacing_ReportsViolation_WhenItServesCitizensThroughItsServiceWithManyPersonalDataUsers() {
    Model m =
        model(
            app(
                "app-yte",
                "Sổ sức khỏe điện tử",
                "egov:securityLevel 2 ; egov:personalDataUsers 25000"),
            element("as-tra-cuu", "ApplicationService", null, "Tra cứu hồ sơ sức khỏe", null),
            element("ug-cd", "BusinessRole", "UserGroup", "Công dân", "egov:category \"citizen\""),
            rel("r-real", "Realization", "app-yte", "as-tra-cuu", null),
            rel("r-serve", "Serving", "as-tra-cuu", "ug-cd", null));

    List<Finding> found = findings("policy.security-level-public-facing", m);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).messageEn())
        .contains("processes personal data of 10,000 users or more")
        .contains("level 3 or higher");
  }

  @Test
  void securityLevelPublicFacing_ReportsViolation_WhenACitizenFacingSystemHasNoLevel() {
    Model m =
        model(
            app("app-web", "Trang thông tin sở", null),
            element(
                "ug-dn", "BusinessRole", "UserGroup", "Doanh nghiệp", "egov:category \"business\""),
            rel("r-serve", "Serving", "app-web", "ug-dn", null));

    List<Finding> found = findings("policy.security-level-public-facing", m);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).messageVi()).contains("từ 2 trở lên; cấp độ hiện tại: chưa khai báo.");
    assertThat(found.get(0).messageEn()).contains("level 2 or higher; current level: not set.");
  }

  @Test
  void securityLevelPublicFacing_ReportsNothing_WhenThePortalIsAtLevel3() {
    assertThat(
            findings(
                "policy.security-level-public-facing", model(level4Portal("egov:securityLevel 3"))))
        .isEmpty();
  }

  @Test
  void securityLevelPublicFacing_ReportsNothing_WhenTheSystemServesOnlyCivilServants() {
    Model m =
        model(
            app("app-qlvb", "Quản lý văn bản", null),
            element(
                "ug-cb", "BusinessRole", "UserGroup", "Cán bộ", "egov:category \"civilServant\""),
            rel("r-serve", "Serving", "app-qlvb", "ug-cb", null));

    assertThat(findings("policy.security-level-public-facing", m)).isEmpty();
  }

  @Test
  void securityLevelPublicFacing_ReportsNothing_WhenOnlyAnotherApplicationServesTheCitizens() {
    Model m =
        model(
            level4Portal("egov:securityLevel 3"),
            app("app-ky-so", "Chữ ký số", "egov:securityLevel 2"),
            rel("r-serve", "Serving", "app-ky-so", "app-dvc", null));

    assertThat(findings("policy.security-level-public-facing", m)).isEmpty();
  }

  // ---- policy.security-level-shared-infrastructure

  @Test
  void
      securityLevelSharedInfrastructure_ReportsViolation_WhenTheLgspDataCentreAndWanAreBelowLevel3() {
    Model m =
        model(
            element(
                "lgsp",
                "ApplicationComponent",
                "Platform",
                "LGSP",
                "egov:tier \"provincial\" ; egov:securityLevel 2"),
            element("dc", "Facility", "DataCentre", "Trung tâm dữ liệu tỉnh", null),
            element(
                "wan",
                "CommunicationNetwork",
                "Network",
                "Mạng WAN",
                "egov:networkKind \"wan\" ; egov:securityLevel 1"));

    List<Finding> found = findings("policy.security-level-shared-infrastructure", m);

    assertThat(found)
        .extracting(f -> f.conceptIds().get(0))
        .containsExactlyInAnyOrder("lgsp", "dc", "wan");
    assertThat(found)
        .filteredOn(f -> f.conceptIds().get(0).equals("dc"))
        .extracting(Finding::messageVi)
        .containsExactly(
            "Trung tâm dữ liệu tỉnh là trung tâm dữ liệu dùng chung của tỉnh, nên phải có cấp độ an"
                + " toàn hệ thống thông tin từ 3 trở lên; cấp độ hiện tại: chưa khai báo.");
  }

  @Test
  void
      securityLevelSharedInfrastructure_ReportsNothing_WhenSharedInfrastructureIsAtLevel3AndTheRestIsLocal() {
    Model m =
        model(
            element(
                "lgsp",
                "ApplicationComponent",
                "Platform",
                "LGSP",
                "egov:tier \"provincial\" ; egov:securityLevel 3"),
            element(
                "dc", "Facility", "DataCentre", "Trung tâm dữ liệu tỉnh", "egov:securityLevel 4"),
            element(
                "wan",
                "CommunicationNetwork",
                "Network",
                "Mạng WAN",
                "egov:networkKind \"wan\" ; egov:securityLevel 3"),
            element(
                "lan", "CommunicationNetwork", "Network", "Mạng LAN", "egov:networkKind \"lan\""),
            element("ndxp", "ApplicationComponent", "Platform", "NDXP", "egov:tier \"national\""),
            element("phong-may", "Facility", "ServerRoom", "Phòng máy chủ sở", null));

    assertThat(findings("policy.security-level-shared-infrastructure", m)).isEmpty();
  }

  // ---- policy.application-required-attributes

  @Test
  void applicationRequiredAttributes_ReportsViolation_WhenOwnerAndLifecycleAreMissing() {
    Model m =
        model(
            agency("ag-stp", "Sở Tư pháp"),
            app("app-a", "Ứng dụng A", "egov:operator id:ag-stp ; egov:securityLevel 2"));

    List<Finding> found = findings("policy.application-required-attributes", m);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(found.get(0).messageVi())
        .isEqualTo("Ứng dụng A chưa có: cơ quan chủ quản (owner), trạng thái (lifecycle).");
    assertThat(found.get(0).messageEn())
        .isEqualTo("Ứng dụng A (en) has no owning agency (owner), lifecycle status (lifecycle).");
  }

  @Test
  void applicationRequiredAttributes_ReportsNothing_WhenTheApplicationHasAllFour() {
    Model m =
        model(
            agency("ag-stp", "Sở Tư pháp"), completeApp("app-a", "Ứng dụng A", "ag-stp", 2, null));

    assertThat(findings("policy.application-required-attributes", m)).isEmpty();
  }

  // ---- policy.single-sign-on

  private static String citizenPortal(String extra) {
    return app("app-dvc", "Cổng dịch vụ công", extra)
        + element("ps-sso", "ApplicationService", "PortalService", "Đăng nhập một lần", null)
        + rel("r-real", "Realization", "app-dvc", "ps-sso", null);
  }

  private static String ssoApp() {
    return app("app-sso", "Xác thực, cấp quyền người dùng", "egov:sharedFunction \"singleSignOn\"");
  }

  @Test
  void singleSignOn_ReportsViolation_WhenACitizenFacingApplicationDoesNotUseIt() {
    List<Finding> found = findings("policy.single-sign-on", model(citizenPortal(null), ssoApp()));

    assertThat(found).extracting(Finding::conceptIds).containsExactly(List.of("app-dvc"));
    assertThat(found.get(0).messageVi())
        .isEqualTo(
            "Cổng dịch vụ công phục vụ người dân, doanh nghiệp nhưng không dùng hệ thống xác thực,"
                + " đăng nhập một lần của tỉnh.");
  }

  @Test
  void singleSignOn_ReportsNothing_WhenTheSingleSignOnServesTheApplication() {
    Model m =
        model(citizenPortal(null), ssoApp(), rel("r-sso", "Serving", "app-sso", "app-dvc", null));

    assertThat(findings("policy.single-sign-on", m)).isEmpty();
  }

  @Test
  void singleSignOn_ReportsNothing_WhenTheApplicationIsMarkedSsoIntegrated() {
    assertThat(findings("policy.single-sign-on", model(citizenPortal("egov:ssoIntegrated true"))))
        .isEmpty();
  }

  // ---- policy.e-payment-level-4

  private static String gateway() {
    return app("app-tt", "Cổng thanh toán điện tử", "egov:sharedFunction \"ePaymentGateway\"");
  }

  @Test
  void ePaymentLevel4_ReportsViolation_WhenTheProvidingApplicationIsNotConnectedToTheGateway() {
    List<Finding> found =
        findings("policy.e-payment-level-4", model(level4Portal(null), gateway()));

    assertThat(found).extracting(Finding::conceptIds).containsExactly(List.of("svc-l4", "app-dvc"));
    assertThat(found.get(0).messageVi())
        .isEqualTo(
            "Dịch vụ công trực tuyến mức độ 4 là dịch vụ công trực tuyến mức độ 4 (thanh toán trực"
                + " tuyến), nhưng ứng dụng cung cấp nó (Cổng dịch vụ công) không kết nối với cổng"
                + " thanh toán điện tử.");
  }

  @Test
  void ePaymentLevel4_ReportsViolation_WhenAProcedureWithOnlinePaymentHasNoApplication() {
    Model m =
        model(
            element(
                "tthc-1",
                "BusinessProcess",
                "AdministrativeProcedure",
                "Cấp phiếu lý lịch tư pháp",
                "egov:ePayment true"),
            gateway());

    List<Finding> found = findings("policy.e-payment-level-4", m);

    assertThat(found).extracting(Finding::conceptIds).containsExactly(List.of("tthc-1"));
    assertThat(found.get(0).messageEn()).contains("(none yet)");
  }

  @Test
  void ePaymentLevel4_ReportsNothing_WhenTheProvidingApplicationReachesTheGatewayThroughTheLgsp() {
    Model m =
        model(
            level4Portal(null),
            gateway(),
            element("lgsp", "ApplicationComponent", "Platform", "LGSP", "egov:tier \"provincial\""),
            rel("r-1", "Flow", "app-dvc", "lgsp", null),
            rel("r-2", "Serving", "app-tt", "lgsp", null));

    assertThat(findings("policy.e-payment-level-4", m)).isEmpty();
  }

  @Test
  void ePaymentLevel4_ReportsNothing_WhenTheServiceIsLevel3() {
    Model m =
        model(
            app("app-dvc", "Cổng dịch vụ công", null),
            element(
                "svc-l3",
                "BusinessService",
                "PublicService",
                "DVC mức độ 3",
                "egov:onlineServiceLevel 3"),
            rel("r-real", "Realization", "app-dvc", "svc-l3", null));

    assertThat(findings("policy.e-payment-level-4", m)).isEmpty();
  }

  // ---- policy.national-database-connection

  private static String nationalPopulationDb() {
    return element(
        "db-dan-cu",
        "DataObject",
        "Database",
        "Cơ sở dữ liệu quốc gia về dân cư",
        "egov:databaseClass \"national\" ; egov:dataSubject \"population\"");
  }

  private static String ownPopulationDb(String extra) {
    String attrs = "egov:databaseClass \"sectoral\" ; egov:dataSubject \"population\"";
    return element(
        "db-nhan-khau",
        "DataObject",
        "Database",
        "CSDL nhân khẩu của sở",
        extra == null ? attrs : attrs + " ; " + extra);
  }

  @Test
  void
      nationalDatabaseConnection_ReportsViolation_WhenAnApplicationKeepsPopulationDataWithoutTheNationalDatabase() {
    Model m =
        model(
            nationalPopulationDb(),
            ownPopulationDb(null),
            app("app-a", "Phần mềm quản lý nhân khẩu", null),
            rel("r-acc", "Access", "app-a", "db-nhan-khau", null));

    List<Finding> found = findings("policy.national-database-connection", m);

    assertThat(found)
        .extracting(Finding::conceptIds)
        .containsExactly(List.of("app-a", "db-nhan-khau"));
    assertThat(found.get(0).messageVi())
        .isEqualTo(
            "Phần mềm quản lý nhân khẩu lưu dữ liệu dân cư trong CSDL nhân khẩu của sở mà không kết"
                + " nối với cơ sở dữ liệu quốc gia cùng chủ đề.");
  }

  @Test
  void nationalDatabaseConnection_ReportsViolation_WhenItsOwnCopyIsTheMasterEvenThoughConnected() {
    Model m =
        model(
            nationalPopulationDb(),
            ownPopulationDb("egov:masterData true"),
            app("app-a", "Phần mềm quản lý nhân khẩu", null),
            rel("r-acc", "Access", "app-a", "db-nhan-khau", null),
            rel("r-nat", "Access", "app-a", "db-dan-cu", "am:accessType \"Read\""));

    List<Finding> found = findings("policy.national-database-connection", m);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).messageEn())
        .isEqualTo(
            "Phần mềm quản lý nhân khẩu (en) keeps population data in CSDL nhân khẩu của sở (en) as"
                + " its own master copy instead of using the national database as the master.");
  }

  @Test
  void
      nationalDatabaseConnection_ReportsNothing_WhenTheApplicationReachesTheNationalDatabaseThroughTheLgsp() {
    Model m =
        model(
            nationalPopulationDb(),
            ownPopulationDb(null),
            app("app-a", "Phần mềm quản lý nhân khẩu", null),
            element("lgsp", "ApplicationComponent", "Platform", "LGSP", "egov:tier \"provincial\""),
            rel("r-acc", "Access", "app-a", "db-nhan-khau", null),
            rel("r-1", "Flow", "lgsp", "app-a", null),
            rel("r-2", "Access", "lgsp", "db-dan-cu", "am:accessType \"Read\""));

    assertThat(findings("policy.national-database-connection", m)).isEmpty();
  }

  @Test
  void nationalDatabaseConnection_ReportsNothing_WhenTheDataIsNotBasicData() {
    Model m =
        model(
            element(
                "db-thue",
                "DataObject",
                "Database",
                "CSDL thuế của sở",
                "egov:databaseClass \"internal\" ; egov:dataSubject \"tax\" ; egov:masterData true"),
            app("app-a", "Phần mềm thu phí", null),
            rel("r-acc", "Access", "app-a", "db-thue", null));

    assertThat(findings("policy.national-database-connection", m)).isEmpty();
  }

  // ---- policy.provincial-master-data

  private static String provincialProcedureDb() {
    return element(
        "db-tthc",
        "DataObject",
        "Database",
        "CSDL giải quyết thủ tục hành chính",
        "egov:databaseClass \"provincialShared\" ; egov:dataSubject \"procedureHandling\"");
  }

  @Test
  void
      provincialMasterData_ReportsViolation_WhenASectoralDatabaseClaimsTheMasterOfAProvincialSubject() {
    Model m =
        model(
            provincialProcedureDb(),
            element(
                "db-hs-so",
                "DataObject",
                "Database",
                "CSDL hồ sơ một cửa của sở",
                "egov:databaseClass \"sectoral\" ; egov:dataSubject \"procedureHandling\" ;"
                    + " egov:masterData true"));

    List<Finding> found = findings("policy.provincial-master-data", m);

    assertThat(found)
        .extracting(Finding::conceptIds)
        .containsExactly(List.of("db-hs-so", "db-tthc"));
    assertThat(found.get(0).messageEn())
        .isEqualTo(
            "CSDL hồ sơ một cửa của sở (en) is marked as master data, but the provincial shared"
                + " database CSDL giải quyết thủ tục hành chính (en) is the master for the same"
                + " subject (procedureHandling).");
  }

  @Test
  void provincialMasterData_ReportsOneViolation_WhenTwoProvincialDatabasesShareTheSubject() {
    Model m =
        model(
            provincialProcedureDb(),
            element(
                "db-tthc-2",
                "DataObject",
                "Database",
                "CSDL một cửa liên thông",
                "egov:databaseClass \"provincialShared\" ; egov:dataSubject \"procedureHandling\""),
            element(
                "db-hs-so",
                "DataObject",
                "Database",
                "CSDL hồ sơ một cửa của sở",
                "egov:databaseClass \"internal\" ; egov:dataSubject \"procedureHandling\" ;"
                    + " egov:masterData true"));

    assertThat(findings("policy.provincial-master-data", m))
        .extracting(Finding::conceptIds)
        .containsExactly(List.of("db-hs-so", "db-tthc"));
  }

  @Test
  void provincialMasterData_ReportsNothing_WhenTheSectoralCopyIsNotMarkedMaster() {
    Model m =
        model(
            provincialProcedureDb(),
            element(
                "db-hs-so",
                "DataObject",
                "Database",
                "CSDL hồ sơ một cửa của sở",
                "egov:databaseClass \"sectoral\" ; egov:dataSubject \"procedureHandling\" ;"
                    + " egov:masterData false"));

    assertThat(findings("policy.provincial-master-data", m)).isEmpty();
  }
}
