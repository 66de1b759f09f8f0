package vn.eams.appraisal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.eams.accounts.Access;
import vn.eams.accounts.Caller;
import vn.eams.accounts.CurrentCaller;
import vn.eams.accounts.Right;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Appraisal cases (issue #10): open a case on a proposal, follow it to its statutory deadline,
 * judge its checklist, file its dossier, estimate its cost and decide. Reviewers handle every case;
 * a department's staff open and follow their own agency's cases only.
 */
@Path("/api/appraisal/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appraisal")
public class AppraisalResource {

  private final AppraisalCases cases;
  private final CaseDecisions decisions;
  private final CaseEstimates estimates;
  private final CaseJson json;
  private final CaseViews views;
  private final CurrentCaller caller;

  AppraisalResource(
      AppraisalCases cases,
      CaseDecisions decisions,
      CaseEstimates estimates,
      CaseJson json,
      CaseViews views,
      CurrentCaller caller) {
    this.cases = cases;
    this.decisions = decisions;
    this.estimates = estimates;
    this.json = json;
    this.views = views;
    this.caller = caller;
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
                    "Sign in to handle appraisal cases.",
                    List.of(),
                    null));
  }

  @GET
  @Access(Right.CASES)
  @Operation(
      summary = "Appraisal cases the caller may see, newest first",
      description =
          "Reviewers see every case, a department its own agency's. Filters: status, agency,"
              + " route, phase (roadmap phase), proposal.")
  public List<Map<String, Object>> list(
      @QueryParam("status") String status,
      @QueryParam("agency") String agency,
      @QueryParam("route") String route,
      @QueryParam("phase") Integer phase,
      @QueryParam("proposal") String proposal) {
    AppraisalCases.Filter f =
        new AppraisalCases.Filter(
            blank(status),
            blank(agency),
            blank(route),
            Optional.ofNullable(phase),
            blank(proposal));
    return cases.list(f, me()).stream().map(k -> json.summary(k, AppraisalCases.today())).toList();
  }

  @POST
  @Access(Right.CASES)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Open an appraisal case on a proposal",
      description =
          "Body: {\"proposalId\", \"funding\": investment|recurrent|lease|security, \"totalVnd\","
              + " optional \"agencyId\", \"title\", \"securityLevel\", \"roadmapPhase\","
              + " \"routeId\" (else the rule-set's suggestion), \"receivedOn\" (YYYY-MM-DD, else"
              + " today), \"benefitVnd\" (yearly)}. The route, group, one-step design and statutory"
              + " deadline come from the route rule-set in force on the received date.")
  public Response open(JsonNode body) {
    Fields f =
        Fields.of(
            body,
            "{\"proposalId\": \"…\", \"funding\": \"recurrent\", \"totalVnd\": 1200000000}",
            Set.of(
                "proposalId",
                "title",
                "agencyId",
                "funding",
                "totalVnd",
                "securityLevel",
                "roadmapPhase",
                "routeId",
                "receivedOn",
                "benefitVnd"));
    AppraisalCases.OpenInput in =
        new AppraisalCases.OpenInput(
            f.text("proposalId").orElse(""),
            f.text("title"),
            f.text("agencyId"),
            f.text("funding"),
            f.whole("totalVnd"),
            f.integer("securityLevel"),
            f.integer("roadmapPhase"),
            f.text("routeId"),
            f.date("receivedOn"),
            f.whole("benefitVnd"));
    f.done();
    AppraisalCase k = cases.open(in, me());
    return Response.created(URI.create("/api/appraisal/cases/" + k.id)).entity(one(k)).build();
  }

  @GET
  @Path("{id}")
  @Access(Right.CASES)
  @Operation(
      summary =
          "One case: route, deadline and days left, checklist with automatic verdicts and"
              + " evidence, dossier files, duplicated investment, estimate, history")
  public Map<String, Object> get(@PathParam("id") long id) {
    return one(cases.get(id, me()));
  }

  @POST
  @Path("{id}/assign")
  @Access(Right.REVIEW)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Give the case to a reviewer: {\"assignee\": user name, \"version\"}")
  public Map<String, Object> assign(@PathParam("id") long id, JsonNode body) {
    Fields f =
        Fields.of(
            body, "{\"assignee\": \"reviewer1\", \"version\": 0}", Set.of("assignee", "version"));
    String who = f.text("assignee").orElse("");
    long version = f.whole("version").orElse(-1L);
    f.done();
    return one(cases.assign(id, version, who, me()));
  }

  @PUT
  @Path("{id}/checklist/{itemId}")
  @Access(Right.REVIEW)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record the reviewer's verdict on a checklist item",
      description =
          "Body: {\"verdict\": pass|fail|not-applicable|open, \"comment\"}. A fail or"
              + " not-applicable verdict needs a comment. Overrides the automatic verdict.")
  public Map<String, Object> check(
      @PathParam("id") long id, @PathParam("itemId") String itemId, JsonNode body) {
    Fields f =
        Fields.of(
            body, "{\"verdict\": \"pass\", \"comment\": \"…\"}", Set.of("verdict", "comment"));
    String verdict = f.text("verdict").orElse("");
    String comment = f.text("comment").orElse("");
    f.done();
    return one(cases.check(id, itemId, verdict, comment, me()));
  }

  @POST
  @Path("{id}/documents/{slotId}")
  @Access(Right.CASES)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "File a dossier document in a slot (multipart field \"file\")",
      description =
          "Each upload is a new revision; earlier ones are kept. The slot's file types and"
              + " size are checked.")
  public Response upload(
      @PathParam("id") long id,
      @PathParam("slotId") String slotId,
      @RestForm("file") List<FileUpload> files) {
    if (files == null || files.size() != 1) {
      throw ProblemException.badRequest(
          "Send exactly one file.",
          List.of(
              Problem.Error.field(
                  "file", "one-file", "Send the document as the multipart field \"file\".")));
    }
    FileUpload u = files.get(0);
    byte[] content;
    try {
      content = Files.readAllBytes(u.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AppraisalCases.DocumentInfo d =
        cases.upload(id, slotId, u.fileName(), u.contentType(), content, me());
    return Response.created(
            URI.create("/api/appraisal/cases/" + id + "/documents/" + slotId + "/" + d.revision()))
        .entity(
            Map.of(
                "slotId", d.slotId(),
                "revision", d.revision(),
                "fileName", d.fileName(),
                "sizeBytes", d.sizeBytes(),
                "sha256", d.sha256()))
        .build();
  }

  @GET
  @Path("{id}/documents/{slotId}/{revision}")
  @Access(Right.CASES)
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download one revision of a dossier document")
  public Response download(
      @PathParam("id") long id,
      @PathParam("slotId") String slotId,
      @PathParam("revision") int revision) {
    AppraisalCases.DocumentFile f = cases.download(id, slotId, revision, me());
    String ascii = f.info().fileName().replaceAll("[^A-Za-z0-9._-]", "_");
    String utf8 =
        java.net.URLEncoder.encode(f.info().fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(f.content(), f.info().contentType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @PUT
  @Path("{id}/estimate")
  @Access(Right.CASES)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Estimate the case's cost and store it",
      description =
          "Body: {\"ucp\": use-case-point input (POST /api/appraisal/estimates/ucp),"
              + " \"lifecycle\": yearly capex/opex/benefit and discount rate (POST"
              + " /api/appraisal/estimates/lifecycle)}; either or both. The stored estimate names"
              + " its rule-set and version.")
  public Map<String, Object> estimate(@PathParam("id") long id, JsonNode body) {
    Fields f = Fields.of(body, "{\"ucp\": {…}, \"lifecycle\": {…}}", Set.of("ucp", "lifecycle"));
    estimates.store(
        id, Optional.ofNullable(f.node("ucp")), Optional.ofNullable(f.node("lifecycle")), me());
    return one(cases.get(id, me()));
  }

  @POST
  @Path("{id}/decision")
  @Access(Right.REVIEW)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Decide: approve, approve with conditions or reject",
      description =
          "Body: {\"decision\", \"reasons\", \"conditions\": [..] (approve-with-conditions only),"
              + " \"version\" (the case version read), \"plateauId\" (optional, a Plateau of the"
              + " baseline for what the project adds)}. Approval needs every checklist item judged"
              + " (a plain approval: none failing) and merges the proposal into its baseline; the"
              + " opinion is at /appraisal/cases/{id}/opinion.")
  public Map<String, Object> decide(@PathParam("id") long id, JsonNode body) {
    Fields f =
        Fields.of(
            body,
            "{\"decision\": \"approve\", \"reasons\": \"…\", \"version\": 3}",
            Set.of("decision", "reasons", "conditions", "version", "plateauId"));
    CaseDecisions.Input in =
        new CaseDecisions.Input(
            f.text("decision"),
            f.text("reasons"),
            f.texts("conditions"),
            f.whole("version"),
            f.text("plateauId"));
    f.done();
    return one(decisions.decide(id, in, me()));
  }

  @POST
  @Path("{id}/withdraw")
  @Access(Right.CASES)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Withdraw an open case: {\"reason\"} (its agency, or a reviewer)")
  public Map<String, Object> withdraw(@PathParam("id") long id, JsonNode body) {
    Fields f = Fields.of(body, "{\"reason\": \"…\"}", Set.of("reason"));
    String reason = f.text("reason").orElse("");
    f.done();
    return one(cases.withdraw(id, reason, me()));
  }

  private Map<String, Object> one(AppraisalCase k) {
    return views.full(k);
  }

  static Optional<String> blank(String s) {
    return Optional.ofNullable(s).map(String::strip).filter(x -> !x.isEmpty());
  }
}
