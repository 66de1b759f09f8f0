package vn.eams.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import vn.eams.accounts.AgencyCheck;

/** Agencies are the repository's {@code BusinessActor} elements. */
@ApplicationScoped
public class ModelAgencies implements AgencyCheck {

  /** The ArchiMate type of an organization. */
  static final String AGENCY_TYPE = "BusinessActor";

  private final ModelQueries queries;

  ModelAgencies(ModelQueries queries) {
    this.queries = queries;
  }

  @Override
  public Optional<String> problem(String agencyId) {
    Optional<Element> e = queries.element(agencyId);
    if (e.isEmpty()) {
      return Optional.of(
          "No element has the id '"
              + agencyId
              + "'. Give the id of the agency's BusinessActor element (its page shows it).");
    }
    String type = e.get().data().type();
    if (!AGENCY_TYPE.equals(type)) {
      return Optional.of(
          "'" + agencyId + "' is a " + type + ", not an agency: give a BusinessActor element.");
    }
    return Optional.empty();
  }
}
