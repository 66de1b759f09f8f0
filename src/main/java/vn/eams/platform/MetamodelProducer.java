package vn.eams.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.MetamodelLoader;

/** Loads the metamodel once, at start; a bad row stops the start with file:line. */
public class MetamodelProducer {

  private static final Logger LOG = Logger.getLogger(MetamodelProducer.class);

  @Produces
  @Singleton
  Metamodel metamodel(EamsConfig config) {
    List<String> extra = config.metamodel().extraProfiles().orElse(List.of());
    Metamodel m =
        MetamodelLoader.fromClasspath(
            Thread.currentThread().getContextClassLoader(), "metamodel", extra);
    LOG.infof(
        "Metamodel ArchiMate %s: %d element types, %d relationship types, %d viewpoints, %d specializations",
        m.version(),
        m.elementTypes().size(),
        m.relationshipTypes().size(),
        m.viewpoints().size(),
        m.specializations().size());
    return m;
  }

  /**
   * Loads the metamodel among the first start-up observers, before {@link GraphStartup} waits for
   * the embedded DBMS: the files are read while the DBMS still starts instead of after it.
   */
  void loadEarly(@Observes @Priority(0) StartupEvent event, Metamodel metamodel) {
    LOG.debugf("Metamodel %s ready", metamodel.version());
  }
}
