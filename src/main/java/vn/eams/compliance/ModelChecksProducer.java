package vn.eams.compliance;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.eams.metamodel.Metamodel;
import vn.eams.platform.EamsConfig;

/** The model checks with the catalogue of the classpath and the configured severities. */
public class ModelChecksProducer {

  @Produces
  @Singleton
  ModelChecks modelChecks(Metamodel metamodel, EamsConfig config) {
    CheckCatalogue catalogue =
        CheckCatalogue.fromClasspath(Thread.currentThread().getContextClassLoader());
    Map<String, Severity> overrides = new LinkedHashMap<>();
    // overrides of policy rules are the policy rules' business (PolicyRuleSet)
    Severities.parse(config.compliance().severity())
        .forEach(
            (id, s) -> {
              if (catalogue.entry(id).isPresent()) {
                overrides.put(id, s);
              }
            });
    return new ModelChecks(metamodel, catalogue, overrides);
  }
}
