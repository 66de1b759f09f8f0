package vn.eams.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Graph;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Many changes in one all-or-nothing request. Body: {@code {"validateOnly": false, "operations":
 * [{"op": "create"|"update"|"delete", "kind": "element"|"relationship"|"folder", "id": ...,
 * "version": ..., "data": {...}}]}}. Updates are merge patches on the current state.
 */
@Path("/api/models/{modelId}/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Batch")
public class BatchResource {

  @jakarta.inject.Inject vn.eams.accounts.CurrentCaller caller;

  private static final Set<String> OP_FIELDS = Set.of("op", "kind", "id", "version", "data");

  private final ModelService service;
  private final ModelStore store;
  private final Graph graph;
  private final EamsConfig config;

  BatchResource(ModelService service, ModelStore store, Graph graph, EamsConfig config) {
    this.service = service;
    this.store = store;
    this.graph = graph;
    this.config = config;
  }

  @POST
  @Access(Right.MODEL_EDIT)
  @Operation(
      summary = "Apply many creates, updates and deletes in one transaction (all or nothing)")
  public Map<String, Object> apply(@PathParam("modelId") String modelId, JsonNode body) {
    List<Problem.Error> errors = new ArrayList<>();
    JsonInput root = JsonInput.root(body, errors);
    root.allowOnly(Set.of("operations", "validateOnly"));
    boolean validateOnly = root.bool("validateOnly", false);
    JsonNode opsNode = root.raw("operations");
    if (opsNode == null || !opsNode.isArray()) {
      errors.add(Problem.Error.field("operations", "required", "Give 'operations' as an array."));
      throw ProblemException.badRequest("The batch has no operations array.", errors);
    }
    if (opsNode.size() > config.api().maxBatchOperations()) {
      throw ProblemException.badRequest(
          "The batch has "
              + opsNode.size()
              + " operations; at most "
              + config.api().maxBatchOperations()
              + " are accepted.",
          List.of(Problem.Error.field("operations", "too-many", "Split the batch.")));
    }
    Currents currents = loadCurrents(modelId, opsNode);
    List<ModelOperation> ops = new ArrayList<>(opsNode.size());
    for (int i = 0; i < opsNode.size(); i++) {
      JsonInput in = new JsonInput(opsNode.get(i), "operations[" + i + "]", errors);
      if (!opsNode.get(i).isObject()) {
        errors.add(
            Problem.Error.field(
                "operations[" + i + "]", "not-an-object", "Each operation is an object."));
        continue;
      }
      in.allowOnly(OP_FIELDS);
      ModelOperation op = operation(in, i, currents, errors);
      if (op != null) {
        ops.add(op);
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          errors.size() + " operation(s) cannot be read; nothing was changed.", errors);
    }
    ChangeResult r = service.apply(modelId, ops, caller.actor(), false, validateOnly);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("validateOnly", r.validateOnly());
    m.put("seq", r.seq());
    m.put("applied", r.applied());
    m.put("cascaded", r.cascaded());
    return m;
  }

  private ModelOperation operation(
      JsonInput in, int i, Currents currents, List<Problem.Error> errors) {
    String op = in.text("op", "");
    String kindName = in.text("kind", "");
    String id = in.text("id", "");
    long version = in.version("version");
    JsonInput data = in.object("data");
    ConceptKind kind =
        ConceptKind.parse(kindName)
            .filter(
                k ->
                    k == ConceptKind.ELEMENT
                        || k == ConceptKind.RELATIONSHIP
                        || k == ConceptKind.FOLDER)
            .orElse(null);
    String at = "operations[" + i + "]";
    if (kind == null) {
      errors.add(
          Problem.Error.field(
              at + ".kind", "invalid-value", "'kind' must be element, relationship or folder."));
      return null;
    }
    switch (op) {
      case "create":
        return switch (kind) {
          case ELEMENT ->
              new ModelOperation.CreateElement(
                  id, ConceptInput.element(data, ConceptInput.emptyElement("")));
          case RELATIONSHIP ->
              new ModelOperation.CreateRelationship(
                  id, ConceptInput.relationship(data, RelationshipData.of("", "", "")));
          default ->
              new ModelOperation.CreateFolder(
                  id, ConceptInput.folder(data, new FolderData("", "", "", "")));
        };
      case "update":
      case "delete":
        if (version < 0) {
          errors.add(
              Problem.Error.field(
                  at + ".version",
                  "version-required",
                  "Give the version you read of '" + id + "'."));
          return null;
        }
        if (op.equals("delete")) {
          return new ModelOperation.Delete(kind, id, version);
        }
        return switch (kind) {
          case ELEMENT -> {
            Element e = currents.elements.get(id);
            yield new ModelOperation.UpdateElement(
                id,
                version,
                e == null
                    ? ConceptInput.element(data, ConceptInput.emptyElement(""))
                    : ConceptInput.element(data, e.data()));
          }
          case RELATIONSHIP -> {
            Relationship r = currents.relationships.get(id);
            yield new ModelOperation.UpdateRelationship(
                id,
                version,
                r == null
                    ? ConceptInput.relationship(data, RelationshipData.of("", "", ""))
                    : ConceptInput.relationship(data, r.data()));
          }
          default -> {
            Folder f = currents.folders.get(id);
            yield new ModelOperation.UpdateFolder(
                id,
                version,
                f == null
                    ? ConceptInput.folder(data, new FolderData("", "", "", ""))
                    : ConceptInput.folder(data, f.data()));
          }
        };
      default:
        errors.add(
            Problem.Error.field(
                at + ".op", "invalid-value", "'op' must be create, update or delete."));
        return null;
    }
  }

  /** Current states of the concepts the batch updates (merge patches apply to them). */
  private record Currents(
      Map<String, Element> elements,
      Map<String, Relationship> relationships,
      Map<String, Folder> folders) {}

  private Currents loadCurrents(String modelId, JsonNode ops) {
    Map<String, List<String>> updates = new LinkedHashMap<>();
    for (JsonNode op : ops) {
      if (op.isObject() && "update".equals(op.path("op").asText()) && op.path("id").isTextual()) {
        updates
            .computeIfAbsent(op.path("kind").asText(), k -> new ArrayList<>())
            .add(op.get("id").asText());
      }
    }
    if (updates.isEmpty()) {
      return new Currents(Map.of(), Map.of(), Map.of());
    }
    return graph.read(
        tx ->
            new Currents(
                store.elementsByIds(tx, updates.getOrDefault("element", List.of())),
                store.relationshipsByIds(tx, updates.getOrDefault("relationship", List.of())),
                store.foldersByIds(tx, updates.getOrDefault("folder", List.of()))));
  }
}
