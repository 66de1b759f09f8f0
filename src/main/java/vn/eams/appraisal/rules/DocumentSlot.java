package vn.eams.appraisal.rules;

import java.util.List;

/**
 * A document of the dossier a route asks for.
 *
 * @param id slot id, unique in its route
 * @param fileTypes accepted file name extensions, lower case without the dot
 * @param maxBytes largest file accepted
 */
public record DocumentSlot(
    String id,
    String titleVi,
    String titleEn,
    boolean required,
    List<String> fileTypes,
    long maxBytes) {

  public DocumentSlot {
    fileTypes = List.copyOf(fileTypes);
  }
}
