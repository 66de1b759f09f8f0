package vn.eams.exchange;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters every import endpoint takes (POST /api/import in its forms, POST
 * /api/import/jobs); read the checked values through {@link #mode()} and {@link #forbidden()}.
 */
public class ImportParams {

  /** exchange, archimate or csv; empty: detected from the file. */
  @QueryParam("format")
  @DefaultValue("")
  public String format;

  /** The model's id; empty: the file's model identifier. */
  @QueryParam("modelId")
  @DefaultValue("")
  public String modelId;

  /** create, merge or replace; empty: the file's kind decides. */
  @QueryParam("mode")
  @DefaultValue("")
  public String mode;

  /** skip or keep relationships that the relationship table forbids. */
  @QueryParam("forbidden")
  @DefaultValue("skip")
  public String forbidden;

  /** Check everything, write nothing. */
  @QueryParam("dryRun")
  @DefaultValue("false")
  public boolean dryRun;

  /** The mode asked for, or null; a 400 problem for an unknown value. */
  ImportService.Mode mode() {
    return ExchangeResource.mode(mode);
  }

  /** What to do with forbidden relationships; a 400 problem for an unknown value. */
  ImportService.Forbidden forbidden() {
    return ExchangeResource.forbidden(forbidden);
  }
}
