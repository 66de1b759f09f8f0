package vn.eams.platform;

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
}
