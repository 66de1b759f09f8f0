package vn.eams.graphql;

import vn.eams.model.ModelQueries;

/** Opaque page cursors, encoded as the REST API encodes them; arguments named as in GraphQL. */
final class Cursors {

  private Cursors() {}

  static String encode(String... parts) {
    return ModelQueries.encodeCursor(parts);
  }

  /** The parts of a cursor, or null for none; a cursor this server did not issue is a 400. */
  static String[] decode(String cursor, int parts, String argument) {
    return ModelQueries.decodeCursor(
        cursor,
        parts,
        argument,
        "Pass a cursor of the previous page (pageInfo.endCursor or startCursor) unchanged.");
  }
}
