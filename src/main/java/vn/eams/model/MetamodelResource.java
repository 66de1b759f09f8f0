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
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.RelationshipType;
import vn.eams.metamodel.Specialization;
import vn.eams.metamodel.Viewpoint;
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
  @Access(Right.READ)
  @Operation(summary = "Element types, relationship types, viewpoints and specializations")
  public Map<String, Object> all() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", metamodel.version());
    m.put(
        "elementTypes",
        metamodel.elementTypes().stream().map(MetamodelResource::elementType).toList());
    m.put(
        "relationshipTypes",
        metamodel.relationshipTypes().stream().map(MetamodelResource::relationshipType).toList());
    m.put("viewpoints", metamodel.viewpoints().stream().map(MetamodelResource::viewpoint).toList());
    m.put(
        "specializations",
        metamodel.specializations().stream().map(MetamodelResource::specialization).toList());
    return m;
  }

  private static Map<String, Object> elementType(ElementType t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", t.name());
    m.put("layer", t.layer().token());
    m.put("aspect", t.aspect().token());
    m.put("nameVi", t.nameVi());
    m.put("nameEn", t.nameEn());
    return m;
  }

  private static Map<String, Object> relationshipType(RelationshipType t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", t.name());
    m.put("letter", String.valueOf(t.letter()));
    m.put("category", t.category().token());
    m.put("nameVi", t.nameVi());
    m.put("nameEn", t.nameEn());
    m.put("attributes", t.attributes().stream().map(a -> a.name()).toList());
    return m;
  }

  private static Map<String, Object> viewpoint(Viewpoint v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("category", v.category().token());
    m.put("nameVi", v.nameVi());
    m.put("nameEn", v.nameEn());
    m.put("elementTypes", v.elementTypes().stream().sorted().toList());
    return m;
  }

  private static Map<String, Object> specialization(Specialization s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("profile", s.profileId());
    m.put("elementType", s.elementType());
    m.put("nameVi", s.nameVi());
    m.put("nameEn", s.nameEn());
    m.put(
        "properties",
        s.properties().stream()
            .map(
                p -> {
                  Map<String, Object> pm = new LinkedHashMap<>();
                  pm.put("name", p.name());
                  pm.put("type", p.type().token());
                  pm.put("required", p.required());
                  pm.put("constraint", p.constraint().text());
                  pm.put("labelVi", p.labelVi());
                  pm.put("labelEn", p.labelEn());
                  return pm;
                })
            .toList());
    return m;
  }

  @GET
  @Access(Right.READ)
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
