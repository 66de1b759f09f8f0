package vn.eams.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.eams.accounts.Access;
import vn.eams.accounts.Accounts;
import vn.eams.accounts.Caller;
import vn.eams.accounts.CurrentCaller;
import vn.eams.accounts.EamsAuthentication;
import vn.eams.accounts.Right;
import vn.eams.appraisal.AppraisalCase;
import vn.eams.appraisal.AppraisalCases;
import vn.eams.appraisal.CaseDecisions;
import vn.eams.appraisal.CaseEstimates;
import vn.eams.appraisal.CaseJson;
import vn.eams.appraisal.CaseViews;
import vn.eams.appraisal.Portfolio;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelKind;
import vn.eams.model.ModelQueries;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The appraisal pages: the cases the user may see, one case with its checklist, dossier, estimate,
 * duplicated investment, history and the reviewer's forms, the printable appraisal opinion, and the
 * portfolio.
 */
@Path("/appraisal")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class AppraisalPages {

  @Location("pages/appraisal-cases.html")
  Template listPage;

  @Location("pages/appraisal-case.html")
  Template casePage;

  @Location("pages/appraisal-opinion.html")
  Template opinionPage;

  @Location("pages/appraisal-portfolio.html")
  Template portfolioPage;

  private final Ui ui;
  private final PageSupport support;
  private final Accounts accounts;
  private final CurrentCaller caller;
  private final AppraisalCases cases;
  private final CaseDecisions decisions;
  private final CaseEstimates estimates;
  private final CaseJson json;
  private final CaseViews views;
  private final Portfolio portfolio;
  private final ModelQueries queries;
  private final ObjectMapper mapper;

  AppraisalPages(
      Ui ui,
      PageSupport support,
      Accounts accounts,
      CurrentCaller caller,
      AppraisalCases cases,
      CaseDecisions decisions,
      CaseEstimates estimates,
      CaseJson json,
      CaseViews views,
      Portfolio portfolio,
      ModelQueries queries,
      ObjectMapper mapper) {
    this.ui = ui;
    this.support = support;
    this.accounts = accounts;
    this.caller = caller;
    this.cases = cases;
    this.decisions = decisions;
    this.estimates = estimates;
    this.json = json;
    this.views = views;
    this.portfolio = portfolio;
    this.queries = queries;
    this.mapper = mapper;
  }

  private Caller me() {
    return caller
        .get()
        .orElseThrow(
            () ->
                new ProblemException(
                    401,
                    "unauthorized",
                    "Sign in",
                    "Sign in to see appraisal cases.",
                    List.of(),
                    null));
  }

  /** A proposal one can open a case on. */
  public record ProposalOption(String id, String name) {}

  @GET
  @Access(Right.CASES)
  @Operation(summary = "Appraisal cases page: the cases the user may see, and opening a case")
  public Response list(
      @QueryParam("status") String status,
      @QueryParam("done") String done,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    return listView(l, uri, status, support.done(l, done), null, 200, lang);
  }

  @POST
  @Access(value = Right.CASES, formCsrf = true)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Open an appraisal case from the form")
  public Response open(
      @FormParam("csrf") String csrf,
      @FormParam("proposalId") String proposalId,
      @FormParam("agencyId") String agencyId,
      @FormParam("funding") String funding,
      @FormParam("totalVnd") String totalVnd,
      @FormParam("securityLevel") String securityLevel,
      @FormParam("receivedOn") String receivedOn,
      @FormParam("benefitVnd") String benefitVnd,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    AccountPages.requireCsrf(accounts, session, csrf);
    String l = PageSupport.lang(null, cookie);
    try {
      List<Problem.Error> errors = new ArrayList<>();
      AppraisalCases.OpenInput in =
          new AppraisalCases.OpenInput(
              proposalId == null ? "" : proposalId,
              Optional.empty(),
              blank(agencyId),
              blank(funding),
              number(totalVnd, "totalVnd", errors),
              number(securityLevel, "securityLevel", errors).map(Long::intValue),
              Optional.empty(),
              Optional.empty(),
              date(receivedOn, errors),
              number(benefitVnd, "benefitVnd", errors));
      if (!errors.isEmpty()) {
        throw ProblemException.invalid("Some fields cannot be read.", errors);
      }
      AppraisalCase k = cases.open(in, me());
      return Response.seeOther(URI.create("/appraisal/cases/" + k.id + "?done=case-opened"))
          .build();
    } catch (ProblemException e) {
      return listView(l, uri, null, null, AccountPages.describe(e), e.status(), null);
    }
  }

  private Response listView(
      String l, UriInfo uri, String status, String message, String error, int code, String lang) {
    Caller c = me();
    AppraisalCases.Filter f =
        new AppraisalCases.Filter(
            blank(status), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    LocalDate today = AppraisalCases.today();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AppraisalCase k : cases.list(f, c)) {
      rows.add(localize(json.summary(k, today), l, ui.texts(l)));
    }
    List<ProposalOption> proposals = new ArrayList<>();
    for (ModelInfo m : queries.models()) {
      if (ModelKind.isProposal(m.data())) {
        proposals.add(
            new ProposalOption(m.id(), PagesResource.pick(l, m.data().name(), m.data().nameEn())));
      }
    }
    Map<String, String> t = ui.texts(l);
    TemplateInstance page =
        listPage
            .data("f", support.frame(l, uri, t.get("appraisal_title"), ""))
            .data("cases", rows)
            .data("proposals", proposals)
            .data("reviewer", AppraisalCases.reviewer(c))
            .data("agency", c.agencyId().orElse(""))
            .data("today", today.toString())
            .data("message", message)
            .data("error", error);
    return AccountPages.respond(page, code, lang);
  }

  @GET
  @Path("cases/{id}")
  @Access(Right.CASES)
  @Operation(summary = "One appraisal case: deadline, checklist, dossier, estimate, decision")
  public Response one(
      @PathParam("id") long id,
      @QueryParam("done") String done,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    return caseView(l, uri, id, support.done(l, done), null, 200, lang);
  }

  private Response caseView(
      String l, UriInfo uri, long id, String message, String error, int code, String lang) {
    Caller c = me();
    Optional<AppraisalCase> found = visible(id, c);
    if (found.isEmpty()) {
      return support.notFound(l, uri);
    }
    AppraisalCase k = found.get();
    Map<String, Object> m = localize(views.full(k), l, ui.texts(l));
    Map<String, String> t = ui.texts(l);
    TemplateInstance page =
        casePage
            .data(
                "f",
                support.frame(l, uri, t.get("appraisal_case") + " " + k.id + " — " + k.title, ""))
            .data("c", m)
            .data(
                "open",
                ((String) m.get("status")).equals("received")
                    || ((String) m.get("status")).equals("in-review"))
            .data("reviewer", AppraisalCases.reviewer(c))
            .data("estimateRows", estimateRows(m.get("estimate"), t))
            .data("statusLabel", t.getOrDefault("appraisal_status_" + k.status, k.status))
            .data("message", message)
            .data("error", error);
    return AccountPages.respond(page, code, lang);
  }

  @POST
  @Path("cases/{id}")
  @Access(value = Right.CASES, formCsrf = true)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Act on a case from its page: assign, check, estimate, decide, withdraw")
  public Response act(
      @PathParam("id") long id,
      @FormParam("csrf") String csrf,
      @FormParam("action") String action,
      @FormParam("version") String version,
      @FormParam("assignee") String assignee,
      @FormParam("itemId") String itemId,
      @FormParam("verdict") String verdict,
      @FormParam("comment") String comment,
      @FormParam("decision") String decision,
      @FormParam("reasons") String reasons,
      @FormParam("conditions") String conditions,
      @FormParam("reason") String reason,
      @FormParam("estimate") String estimate,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    AccountPages.requireCsrf(accounts, session, csrf);
    String l = PageSupport.lang(null, cookie);
    Caller c = me();
    try {
      List<Problem.Error> errors = new ArrayList<>();
      long v = number(version, "version", errors).orElse(-1L);
      if (!errors.isEmpty()) {
        throw ProblemException.invalid("Some fields cannot be read.", errors);
      }
      String done;
      switch (action == null ? "" : action) {
        case "assign" -> {
          cases.assign(id, v, assignee, c);
          done = "case-assigned";
        }
        case "check" -> {
          cases.check(id, itemId == null ? "" : itemId, verdict, comment, c);
          done = "case-checked";
        }
        case "estimate" -> {
          JsonNode body = readJson(estimate);
          estimates.store(
              id,
              Optional.ofNullable(body.get("ucp")),
              Optional.ofNullable(body.get("lifecycle")),
              c);
          done = "case-estimated";
        }
        case "decide" -> {
          List<String> conds =
              conditions == null ? List.of() : List.of(conditions.split("\\r?\\n"));
          decisions.decide(
              id,
              new CaseDecisions.Input(
                  blank(decision),
                  blank(reasons),
                  conds,
                  Optional.of(v).filter(x -> x >= 0),
                  Optional.empty()),
              c);
          done = "case-decided";
        }
        case "withdraw" -> {
          cases.withdraw(id, reason, c);
          done = "case-withdrawn";
        }
        default ->
            throw ProblemException.badRequest(
                "Unknown action '" + action + "'.",
                List.of(
                    Problem.Error.field(
                        "action",
                        "unknown-action",
                        "Use assign, check, estimate, decide or withdraw.")));
      }
      return Response.seeOther(URI.create("/appraisal/cases/" + id + "?done=" + done)).build();
    } catch (ProblemException e) {
      if (e.status() == 404) {
        return support.notFound(l, uri);
      }
      return caseView(l, uri, id, null, AccountPages.describe(e), e.status(), null);
    }
  }

  @POST
  @Path("cases/{id}/documents")
  @Access(value = Right.CASES, formCsrf = true)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "File a dossier document from the case page")
  public Response upload(
      @PathParam("id") long id,
      @RestForm("csrf") String csrf,
      @RestForm("slotId") String slotId,
      @RestForm("file") FileUpload file,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    AccountPages.requireCsrf(accounts, session, csrf);
    String l = PageSupport.lang(null, cookie);
    try {
      if (file == null) {
        throw ProblemException.badRequest(
            "No file.",
            List.of(Problem.Error.field("file", "required", "Choose the file to file.")));
      }
      byte[] content;
      try {
        content = Files.readAllBytes(file.uploadedFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cases.upload(
          id, slotId == null ? "" : slotId, file.fileName(), file.contentType(), content, me());
      return Response.seeOther(URI.create("/appraisal/cases/" + id + "?done=case-document"))
          .build();
    } catch (ProblemException e) {
      if (e.status() == 404) {
        return support.notFound(l, uri);
      }
      return caseView(l, uri, id, null, AccountPages.describe(e), e.status(), null);
    }
  }

  @GET
  @Path("cases/{id}/opinion")
  @Access(Right.CASES)
  @Operation(
      summary =
          "The appraisal opinion (văn bản thẩm định) of a case, in Vietnamese, to print or"
              + " save as PDF")
  public Response opinion(
      @PathParam("id") long id,
      @Context UriInfo uri,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie) {
    Caller c = me();
    Optional<AppraisalCase> found = visible(id, c);
    if (found.isEmpty()) {
      return support.notFound(PageSupport.lang(null, cookie), uri);
    }
    AppraisalCase k = found.get();
    String l = "vi";
    Map<String, Object> m = localize(views.full(k), l, ui.texts(l));
    Map<String, String> t = ui.texts(l);
    LocalDate date = k.decidedAt != null ? k.decidedAt.toLocalDate() : AppraisalCases.today();
    TemplateInstance page =
        opinionPage
            .data("f", support.frame(l, uri, t.get("opinion_title") + " — " + k.title, ""))
            .data("c", m)
            .data("decided", k.decision != null)
            .data(
                "decisionLabel",
                k.decision == null ? "" : t.get("appraisal_decision_" + k.decision))
            .data("day", DateTimeFormatter.ofPattern("dd").format(date))
            .data("month", DateTimeFormatter.ofPattern("MM").format(date))
            .data("year", DateTimeFormatter.ofPattern("yyyy").format(date))
            .data("estimateRows", estimateRows(m.get("estimate"), t))
            .data("bases", opinionBases(m));
    return PageSupport.respond(page, null);
  }

  @GET
  @Path("portfolio")
  @Access(Right.REVIEW)
  @Operation(
      summary = "The portfolio of open and approved cases, ranked, and a selection under a budget")
  public Response portfolioPage(
      @QueryParam("budget") String budget,
      @QueryParam("agency") String agency,
      @QueryParam("route") String route,
      @QueryParam("phase") String phase,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    Map<String, String> t = ui.texts(l);
    String error = null;
    Map<String, Object> p;
    List<Problem.Error> errors = new ArrayList<>();
    Optional<Long> b = number(budget, "budget", errors);
    Optional<Long> ph = number(phase, "phase", errors);
    try {
      if (!errors.isEmpty()) {
        throw ProblemException.invalid("Some fields cannot be read.", errors);
      }
      p =
          portfolio.build(
              new Portfolio.Query(b, blank(agency), blank(route), ph.map(Long::intValue)), me());
    } catch (ProblemException e) {
      error = AccountPages.describe(e);
      p =
          portfolio.build(
              new Portfolio.Query(
                  Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
              me());
    }
    TemplateInstance page =
        portfolioPage
            .data("f", support.frame(l, uri, t.get("portfolio_title"), ""))
            .data("p", localize(p, l, t))
            .data("budget", budget == null ? "" : budget)
            .data("error", error);
    return PageSupport.respond(page, lang);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** The case, if it exists and the caller may see it. */
  private Optional<AppraisalCase> visible(long id, Caller c) {
    try {
      return Optional.of(cases.get(id, c));
    } catch (ProblemException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** One value of the use-case-point estimate: its symbol, what it is, the value. */
  public record EstimateRow(String symbol, String label, String value, boolean total) {}

  /** Symbol, key of the estimate's JSON, whether it is money (else a decimal). */
  private static final String[][] ESTIMATE =
      new String[][] {
        {"TAW", "taw", "dec"},
        {"TBF", "tbf", "dec"},
        {"UUCP", "uucp", "dec"},
        {"TFW", "tfw", "dec"},
        {"TCF", "tcf", "dec"},
        {"EFW", "efw", "dec"},
        {"EF", "ef", "dec"},
        {"AUCP", "aucp", "dec"},
        {"ES", "es", "dec"},
        {"P", "p", "dec"},
        {"E", "e", "dec"},
        {"H", "hourlyCostVnd", "vnd"},
        {"G", "g", "vnd"},
        {"C", "c", "vnd"},
        {"TL", "tl", "vnd"},
        {"Gpm", "gpm", "vnd"},
        {"VAT", "vat", "vnd"},
        {"Σ", "totalVnd", "vnd"}
      };

  /** Every intermediate value of the case's stored estimate, labelled in the page language. */
  static List<EstimateRow> estimateRows(Object estimate, Map<String, String> t) {
    List<EstimateRow> rows = new ArrayList<>();
    if (!(estimate instanceof Map<?, ?> e)) {
      return rows;
    }
    for (String[] x : ESTIMATE) {
      if (!(e.get(x[1]) instanceof Number n)) {
        continue;
      }
      rows.add(
          new EstimateRow(
              x[0],
              t.getOrDefault("ucp_" + x[1], x[1]),
              x[2].equals("vnd") ? Formats.vnd(n) : Formats.dec(n),
              x[1].equals("totalVnd")));
    }
    return rows;
  }

  /** The legal bases an opinion cites: the route's, then each checklist item's, without repeats. */
  static List<String> opinionBases(Map<String, Object> c) {
    List<String> out = new ArrayList<>();
    Object route = c.get("route");
    if (route instanceof Map<?, ?> r && r.get("basis") instanceof String s && !s.isBlank()) {
      out.add(s);
    }
    if (c.get("checklist") instanceof List<?> items) {
      for (Object o : items) {
        if (o instanceof Map<?, ?> i
            && i.get("basis") instanceof String s
            && !s.isBlank()
            && !out.contains(s)) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** Coded values the pages show by name: field, then the message-key prefixes to try. */
  private static final Map<String, List<String>> LABELS =
      Map.of(
          "funding", List.of("appraisal_funding_"),
          "status", List.of("appraisal_status_"),
          "verdict", List.of("appraisal_verdict_"),
          "autoVerdict", List.of("appraisal_verdict_"),
          "decision", List.of("appraisal_decision_"),
          "reason", List.of("portfolio_reason_"),
          "key", List.of("portfolio_part_", "appraisal_status_"),
          "kind", List.of("appraisal_event_", "appraisal_days_"));

  /**
   * The same JSON with every pair {@code xVi}/{@code xEn} also given as {@code x} in the page's
   * language, and every coded value of {@link #LABELS} also as {@code xLabel}, so templates need
   * not choose.
   */
  static <T> T localize(T value, String l, Map<String, String> t) {
    T out = localize(value, l);
    label(out, t);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void label(Object value, Map<String, String> t) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> m = (Map<String, Object>) map;
      for (Object v : new ArrayList<>(m.values())) {
        label(v, t);
      }
      LABELS.forEach(
          (field, prefixes) -> {
            if (m.get(field) instanceof String code) {
              String text = code;
              for (String prefix : prefixes) {
                if (t.containsKey(prefix + code)) {
                  text = t.get(prefix + code);
                  break;
                }
              }
              m.put(field + "Label", text);
            }
          });
    } else if (value instanceof List<?> list) {
      for (Object o : list) {
        label(o, t);
      }
    }
  }

  /**
   * The same JSON with every pair {@code xVi}/{@code xEn} also given as {@code x} in the page's
   * language, so templates need not choose.
   */
  @SuppressWarnings("unchecked")
  static <T> T localize(T value, String l) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), localize(e.getValue(), l));
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String k = String.valueOf(e.getKey());
        if (k.endsWith("Vi") && k.length() > 2) {
          String base = k.substring(0, k.length() - 2);
          Object vi = map.get(k);
          Object en = map.get(base + "En");
          if (!out.containsKey(base)) {
            out.put(
                base,
                vi instanceof String || en instanceof String
                    ? PagesResource.pick(
                        l,
                        vi == null ? "" : String.valueOf(vi),
                        en == null ? "" : String.valueOf(en))
                    : (l.equals("en") && en != null ? localize(en, l) : localize(vi, l)));
          }
        }
      }
      return (T) out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(localize(o, l));
      }
      return (T) out;
    }
    return value;
  }

  private JsonNode readJson(String text) {
    try {
      JsonNode n = mapper.readTree(text == null || text.isBlank() ? "{}" : text);
      if (n == null || !n.isObject()) {
        throw new IOException("not an object");
      }
      return n;
    } catch (IOException e) {
      throw ProblemException.badRequest(
          "The estimate is not a JSON object.",
          List.of(
              Problem.Error.field(
                  "estimate", "invalid-json", "Give {\"ucp\": {…}, \"lifecycle\": {…}} as JSON.")));
    }
  }

  private static Optional<String> blank(String s) {
    return Optional.ofNullable(s).map(String::strip).filter(x -> !x.isEmpty());
  }

  private static Optional<Long> number(String s, String field, List<Problem.Error> errors) {
    Optional<String> v = blank(s).map(x -> x.replace(".", "").replace(",", "").replace(" ", ""));
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(v.get()));
    } catch (NumberFormatException e) {
      errors.add(Problem.Error.field(field, "invalid-value", "Give a whole number."));
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> date(String s, List<Problem.Error> errors) {
    Optional<String> v = blank(s);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v.get()));
    } catch (java.time.format.DateTimeParseException e) {
      errors.add(Problem.Error.field("receivedOn", "invalid-date", "Give a date as YYYY-MM-DD."));
      return Optional.empty();
    }
  }
}
