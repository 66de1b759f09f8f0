package vn.eams.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.neo4j.driver.Record;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.metamodel.Metamodel;

/** What this installation runs on: for operators and support. */
@Path("/api/system")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System")
public class SystemResource {

  private final EmbeddedNeo4j embedded;
  private final Graph graph;
  private final Metamodel metamodel;
  private final String dbKind;

  SystemResource(
      EmbeddedNeo4j embedded,
      Graph graph,
      Metamodel metamodel,
      @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
    this.embedded = embedded;
    this.graph = graph;
    this.metamodel = metamodel;
    this.dbKind = dbKind;
  }

  /**
   * Records the installation's id and first start. Runs before {@link GraphStartup} waits for the
   * graph store: it needs only the relational store, so it fills the time the embedded DBMS still
   * takes to start.
   */
  @Transactional
  void onStart(@Observes @Priority(0) StartupEvent event) {
    Setting.putIfAbsent("installation.id", UUID.randomUUID().toString());
    Setting.putIfAbsent("installation.firstStart", Instant.now().toString());
  }

  @GET
  @Access(Right.READ)
  @Transactional
  @Operation(summary = "Installation id, stores in use, metamodel and change sequence")
  public Map<String, Object> info() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("installationId", Setting.get("installation.id").orElse(""));
    m.put("firstStart", Setting.get("installation.firstStart").orElse(""));
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("mode", embedded.isEmbedded() ? "embedded" : "external");
    g.put("uri", embedded.driverUri());
    Record kernel =
        graph.read(
            tx ->
                tx.run(
                        "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition")
                    .single());
    g.put("version", kernel.get("version").asString());
    g.put("edition", kernel.get("edition").asString());
    g.put(
        "changeSeq",
        graph.read(
            tx ->
                tx.run("MATCH (s:Sequence {name: 'change'}) RETURN s.value AS v")
                    .single()
                    .get("v")
                    .asLong()));
    m.put("graph", g);
    m.put("relational", Map.of("dbKind", dbKind));
    m.put(
        "metamodel",
        Map.of(
            "archimate",
            metamodel.version(),
            "elementTypes",
            metamodel.elementTypes().size(),
            "relationshipTypes",
            metamodel.relationshipTypes().size(),
            "viewpoints",
            metamodel.viewpoints().size(),
            "specializations",
            metamodel.specializations().size()));
    return m;
  }
}
