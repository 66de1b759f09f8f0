package vn.eams.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.compliance.ComplianceReport;
import vn.eams.compliance.ComplianceService;
import vn.eams.compliance.Finding;
import vn.eams.compliance.Rule;
import vn.eams.compliance.Severity;
import vn.eams.metamodel.Metamodel;

/**
 * The compliance page of a model: the validation of an architecture grouped by rule or by agency,
 * or the compliance report of a proposal, laid out to print as an official report.
 */
@Path("/models/{modelId}/compliance")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class CompliancePage {

  /** Reports are dated in the province's time. */
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  @Location("pages/compliance.html")
  Template page;

  private final Ui ui;
  private final PageSupport support;
  private final ComplianceService service;
  private final Metamodel metamodel;

  CompliancePage(Ui ui, PageSupport support, ComplianceService service, Metamodel metamodel) {
    this.ui = ui;
    this.support = support;
    this.service = service;
    this.metamodel = metamodel;
  }

  /** A concept named by a finding, linked to its page. */
  public record Link(String label, String href, String type, boolean proposed) {}

  /** One finding as shown. */
  public record Item(String severity, String severityLabel, String message, List<Link> concepts) {}

  /** Findings of one rule or of one agency. */
  public record Group(
      String id,
      String title,
      String severity,
      String severityLabel,
      String basis,
      String hint,
      int count,
      List<Item> items) {}

  /** A baseline element the proposal uses. */
  public record UseRow(Link element, String use, int relationships) {}

  /** A count by rule. */
  public record Count(String label, int count) {}

  @GET
  @Access(Right.READ)
  @Operation(
      summary = "Compliance page of a model (?by=rule|agency)",
      description =
          "The findings of every model check and policy rule; for a proposal, the report of its"
              + " check against the baseline, printable.")
  public Response compliance(
      @PathParam("modelId") String modelId,
      @QueryParam("by") String by,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    if (service.model(modelId).isEmpty()) {
      return support.notFound(l, uri);
    }
    ComplianceReport r = service.report(modelId);
    Map<String, String> t = ui.texts(l);
    boolean byAgency = "agency".equals(by);
    String modelName = PagesResource.pick(l, r.model().data().name(), r.model().data().nameEn());
    String title =
        (r.proposal() ? t.get("compliance_proposal_title") : t.get("compliance_title"))
            + " — "
            + modelName;
    List<Group> groups = byAgency ? byAgency(r, l, t) : byRule(r, l, t);
    List<UseRow> uses = new ArrayList<>();
    for (ComplianceReport.Use u : r.uses()) {
      uses.add(
          new UseRow(
              link(r, u.baselineId(), l),
              t.get("compliance_use_" + u.use()),
              u.relationshipIds().size()));
    }
    List<Count> before = new ArrayList<>();
    Map<String, Rule> rules = new LinkedHashMap<>();
    r.rules().forEach(x -> rules.put(x.id(), x));
    r.baselineFindings()
        .forEach(
            (id, n) -> {
              Rule x = rules.get(id);
              before.add(
                  new Count(x == null ? id : PagesResource.pick(l, x.titleVi(), x.titleEn()), n));
            });
    String base = "/models/" + PagesResource.enc(modelId) + "/compliance";
    return PageSupport.respond(
        page.data("f", support.frame(l, uri, title, modelId))
            .data("modelName", modelName)
            .data("proposal", r.proposal())
            .data(
                "baselineName",
                r.baseline()
                    .map(b -> PagesResource.pick(l, b.data().name(), b.data().nameEn()))
                    .orElse(""))
            .data(
                "baselineHref",
                r.baseline().map(b -> "/models/" + PagesResource.enc(b.id())).orElse(""))
            .data(
                "checkedAt",
                DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy").format(r.checkedAt().atZone(ZONE)))
            .data(
                "date",
                DateTimeFormatter.ofPattern("dd/MM/yyyy").format(r.checkedAt().atZone(ZONE)))
            .data("millis", r.millis())
            .data("seq", r.seq())
            .data("rules", r.rules().size())
            .data("errors", r.count(Severity.ERROR))
            .data("warnings", r.count(Severity.WARNING))
            .data("infos", r.count(Severity.INFO))
            .data("byAgency", byAgency)
            .data("byRuleHref", base + "?by=rule")
            .data("byAgencyHref", base + "?by=agency")
            .data("jsonHref", "/api/models/" + PagesResource.enc(modelId) + "/compliance")
            .data("groups", groups)
            .data("uses", uses)
            .data("before", before),
        lang);
  }

  private List<Group> byRule(ComplianceReport r, String l, Map<String, String> t) {
    Map<String, List<Finding>> by = new LinkedHashMap<>();
    r.findings().forEach(f -> by.computeIfAbsent(f.rule().id(), k -> new ArrayList<>()).add(f));
    List<Group> groups = new ArrayList<>();
    by.forEach(
        (id, fs) -> {
          Rule rule = fs.get(0).rule();
          groups.add(
              new Group(
                  id,
                  PagesResource.pick(l, rule.titleVi(), rule.titleEn()),
                  rule.severity().code(),
                  t.get("severity_" + rule.severity().code()),
                  rule.basis(),
                  PagesResource.pick(l, rule.hintVi(), rule.hintEn()),
                  fs.size(),
                  items(r, fs, l, t)));
        });
    return groups;
  }

  private List<Group> byAgency(ComplianceReport r, String l, Map<String, String> t) {
    Map<String, List<Finding>> by = new LinkedHashMap<>();
    for (Finding f : r.findings()) {
      ComplianceReport.Concept c =
          f.conceptIds().isEmpty() ? null : r.concepts().get(f.conceptIds().get(0));
      String agency = c == null ? "" : c.agencyId();
      by.computeIfAbsent(agency, k -> new ArrayList<>()).add(f);
    }
    List<Group> groups = new ArrayList<>();
    by.forEach(
        (agency, fs) -> {
          ComplianceReport.Concept a = r.concepts().get(agency);
          String name =
              a == null
                  ? t.get("compliance_no_agency")
                  : PagesResource.pick(l, a.name(), a.nameEn());
          Severity worst = fs.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
          groups.add(
              new Group(
                  agency.isEmpty() ? "no-agency" : agency,
                  name,
                  worst.code(),
                  t.get("severity_" + worst.code()),
                  "",
                  "",
                  fs.size(),
                  items(r, fs, l, t)));
        });
    groups.sort(
        (x, y) ->
            x.id().equals("no-agency")
                ? 1
                : y.id().equals("no-agency") ? -1 : Integer.compare(y.count(), x.count()));
    return groups;
  }

  private List<Item> items(ComplianceReport r, List<Finding> fs, String l, Map<String, String> t) {
    List<Item> items = new ArrayList<>();
    for (Finding f : fs) {
      List<Link> links = new ArrayList<>();
      f.conceptIds().forEach(id -> links.add(link(r, id, l)));
      items.add(
          new Item(
              f.severity().code(),
              t.get("severity_" + f.severity().code()),
              PagesResource.pick(l, f.messageVi(), f.messageEn()),
              links));
    }
    return items;
  }

  private Link link(ComplianceReport r, String id, String l) {
    ComplianceReport.Concept c = r.concepts().get(id);
    if (c == null) {
      return new Link(id, "", "", false);
    }
    String href =
        metamodel.relationshipType(c.type()).isPresent()
            ? ""
            : c.type().equals("View")
                ? "/models/" + PagesResource.enc(c.modelId()) + "/views/" + PagesResource.enc(id)
                : "/models/"
                    + PagesResource.enc(c.modelId())
                    + "/elements/"
                    + PagesResource.enc(id);
    String label = PagesResource.pick(l, c.name(), c.nameEn());
    return new Link(label.isEmpty() ? id : label, href, c.type(), c.proposed());
  }
}
