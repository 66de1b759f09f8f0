package vn.eams.rdf;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the SPARQL endpoint ({@code eams.sparql.*}, docs/rdf.md). */
@ConfigMapping(prefix = "eams.sparql")
public interface SparqlConfig {

  /** Longest time a query may run; it is cancelled then and answered with sparql-timeout. */
  @WithDefault("10s")
  Duration timeout();

  /**
   * Most rows of a SELECT (triples of a CONSTRUCT or DESCRIBE) answered; the rest are left out and
   * the response says so in its {@code EAMS-Truncated} header.
   */
  @WithDefault("10000")
  int maxRows();
}
