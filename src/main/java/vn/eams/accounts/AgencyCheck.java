package vn.eams.accounts;

import java.util.Optional;

/**
 * Says whether an id names an agency of the repository, the element a department user is bound to.
 * Implemented where the model is read ({@code vn.eams.model}).
 */
public interface AgencyCheck {

  /**
   * What is wrong with the agency id (it names no element, or not an organization), if anything.
   */
  Optional<String> problem(String agencyId);
}
