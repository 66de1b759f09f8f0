package vn.eams.exchange;

import java.util.List;
import vn.eams.model.ModelData;
import vn.eams.model.ModelOperation;
import vn.eams.model.ViewDefinition;
import vn.eams.platform.Problem;

/**
 * A model read from a file and checked for form, ready to be written by {@code ModelService} in one
 * transaction: folders (parents first), then elements, then relationships (a relationship before
 * the relationships that connect to it), then views.
 *
 * @param modelId the model's identifier in the file ("" when the file has none)
 * @param format what was read, e.g. {@code exchange-3.1}, {@code exchange-2.1}, {@code archimate}
 * @param locations for each operation, where its concept is in the file ({@code line:column}, or a
 *     file name and line)
 * @param forbidden ids of relationships the ArchiMate 3.2 table does not allow between their
 *     endpoints' types (also listed in {@code warnings}); written only when the importer asks for
 *     them, flagged invalid
 * @param warnings what was read but changed or not kept, with where it is in the file
 * @param partial the file carries only some fields of each concept (Archi CSV, agency templates): a
 *     merge keeps the fields it does not carry and adds its properties to those a concept has
 */
public record ImportedModel(
    String modelId,
    String format,
    ModelData model,
    List<ModelOperation> operations,
    List<String> locations,
    List<ViewDefinition> views,
    List<String> forbidden,
    List<Problem.Error> warnings,
    boolean partial) {

  public ImportedModel {
    operations = List.copyOf(operations);
    locations = List.copyOf(locations);
    views = List.copyOf(views);
    forbidden = List.copyOf(forbidden);
    warnings = List.copyOf(warnings);
  }

  /** A complete model file (exchange format, Archi file). */
  public ImportedModel(
      String modelId,
      String format,
      ModelData model,
      List<ModelOperation> operations,
      List<String> locations,
      List<ViewDefinition> views,
      List<String> forbidden,
      List<Problem.Error> warnings) {
    this(modelId, format, model, operations, locations, views, forbidden, warnings, false);
  }

  /** Counts of what the file holds, for reports. */
  public long count(Class<? extends ModelOperation> kind) {
    return operations.stream().filter(kind::isInstance).count();
  }
}
