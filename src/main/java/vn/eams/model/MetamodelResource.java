package vn.eams.model;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.RelationshipType;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** The metamodel as the server knows it: types, allowed relationships, viewpoints, profiles. */
@Path("/api/metamodel")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metamodel")
public class MetamodelResource {

  private final Metamodel metamodel;

  MetamodelResource(Metamodel metamodel) {
    this.metamodel = metamodel;
  }

  @GET
  @Operation(summary = "Element types, relationship types, viewpoints and specializations")
  public Map<String, Object> all() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", metamodel.version());
    m.put("elementTypes", metamodel.elementTypes());
    m.put("relationshipTypes", metamodel.relationshipTypes());
    m.put("viewpoints", metamodel.viewpoints());
    m.put("specializations", metamodel.specializations());
    return m;
  }

  @GET
  @Path("allowed-relationships")
  @Operation(summary = "The relationships ArchiMate 3.2 allows from a source type to a target type")
  public Map<String, Object> allowed(
      @QueryParam("source") String source, @QueryParam("target") String target) {
    for (String[] p : List.of(new String[] {"source", source}, new String[] {"target", target})) {
      String v = p[1] == null ? "" : p[1];
      if (!Metamodel.RELATIONSHIP.equals(v) && metamodel.elementType(v).isEmpty()) {
        throw ProblemException.badRequest(
            "Unknown " + p[0] + " type '" + v + "'.",
            List.of(
                Problem.Error.field(
                    p[0], "unknown-type", "Give an ArchiMate element type (or Relationship).")));
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", source);
    m.put("target", target);
    m.put(
        "relationships",
        metamodel.allowedRelationships(source, target).stream()
            .map(RelationshipType::name)
            .toList());
    return m;
  }
}
