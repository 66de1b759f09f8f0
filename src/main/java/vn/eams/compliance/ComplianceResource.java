package vn.eams.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.CurrentCaller;
import vn.eams.accounts.Right;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Compliance reports of models and proposals, and merging an approved proposal (issue #9). */
@Path("/api/models/{modelId}/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
public class ComplianceResource {

  private final ComplianceService service;
  private final ProposalMerge merge;
  private final CurrentCaller caller;

  ComplianceResource(ComplianceService service, ProposalMerge merge, CurrentCaller caller) {
    this.service = service;
    this.merge = merge;
    this.caller = caller;
  }

  @GET
  @Access(Right.READ)
  @Operation(
      summary = "The compliance report of a model",
      description =
          "For an architecture, every model check and policy rule over the model; for a proposal,"
              + " over its baseline plus the proposal, listing what the proposal introduces and"
              + " what it reuses. Made again only when the repository changed.")
  public Map<String, Object> report(@PathParam("modelId") String modelId) {
    return ReportJson.of(service.report(modelId));
  }

  @POST
  @Access(Right.READ)
  @Operation(summary = "Check the model now, even if nothing changed since the last report")
  public Map<String, Object> check(@PathParam("modelId") String modelId) {
    return ReportJson.of(service.recheck(modelId));
  }

  @POST
  @Path("merge")
  @Access(Right.REVIEW)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Merge an approved proposal into its baseline, in one transaction",
      description =
          "Body: {\"checkedSeq\": the seq of the report the decision rests on (optional; a"
              + " proposal changed since is refused), \"plateauId\": a Plateau of the baseline that"
              + " aggregates every new element (optional)}.")
  public Map<String, Object> merge(@PathParam("modelId") String modelId, JsonNode body) {
    Optional<Long> seq = Optional.empty();
    String plateau = "";
    if (body != null && !body.isNull()) {
      if (!body.isObject()) {
        throw ProblemException.badRequest(
            "The body is not a JSON object.",
            List.of(
                Problem.Error.field(
                    "body", "invalid-json", "Send {\"checkedSeq\": …, \"plateauId\": …} or {}.")));
      }
      JsonNode s = body.get("checkedSeq");
      if (s != null && !s.isNull()) {
        if (!s.canConvertToLong() || !s.isIntegralNumber()) {
          throw ProblemException.badRequest(
              "checkedSeq is not a number.",
              List.of(
                  Problem.Error.field(
                      "checkedSeq",
                      "invalid-value",
                      "Give the seq of the compliance report the decision rests on.")));
        }
        seq = Optional.of(s.asLong());
      }
      JsonNode p = body.get("plateauId");
      if (p != null && !p.isNull()) {
        if (!p.isTextual()) {
          throw ProblemException.badRequest(
              "plateauId is not a text.",
              List.of(
                  Problem.Error.field(
                      "plateauId", "invalid-value", "Give the id of a Plateau of the baseline.")));
        }
        plateau = p.asText();
      }
    }
    ProposalMerge.Result r = merge.merge(modelId, seq, plateau, caller.actor());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("proposalId", modelId);
    out.put("baselineId", r.baselineId());
    out.put("seq", r.change().seq());
    out.put("ids", r.ids());
    return out;
  }
}
