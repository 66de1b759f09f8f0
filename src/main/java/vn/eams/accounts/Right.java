package vn.eams.accounts;

/**
 * What a request may do. Every REST resource method and page carries one right in {@link Access};
 * every GraphQL field has one in {@code GraphQlAccess}. The roles that hold each right are in
 * {@link Role}.
 */
public enum Right {
  /** Sign in and out: everyone, always, even when anonymous reading is off. */
  PUBLIC,
  /** Read the published pages: catalogue, element and view pages, search. Visitors too, if on. */
  PUBLISHED,
  /** Read everything in the repository: the API, GraphQL queries, exports, analyses, changes. */
  READ,
  /** Change models, elements, relationships, folders and views; import. */
  MODEL_EDIT,
  /** Run checks and handle appraisal cases; record decisions. */
  REVIEW,
  /**
   * Open and follow appraisal cases: reviewers every case, a department's staff its own agency's
   * cases only (the cases' service scopes them).
   */
  CASES,
  /** Any signed-in user: own account, own password, own API tokens. */
  SIGNED_IN,
  /** Manage users, roles and installation-wide settings; read the security log. */
  ADMIN
}
