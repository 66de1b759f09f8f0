package vn.eams.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.eams.model.ModelData;
import vn.eams.model.ModelOperation;
import vn.eams.model.Property;
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
 * @param externalProperties of a partial file: properties for concepts that are not in the file but
 *     (the file says) in the model it is merged into, by concept id, in file order; Archi's
 *     pseudo-properties ({@code Access_Type}, {@code Influence_Strength}, {@code Directed}, {@code
 *     Junction_Type}) are among them as written, since only the target model knows the concept's
 *     type
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
    boolean partial,
    Map<String, List<Property>> externalProperties) {

  public ImportedModel {
    operations = List.copyOf(operations);
    locations = List.copyOf(locations);
    views = List.copyOf(views);
    forbidden = List.copyOf(forbidden);
    warnings = List.copyOf(warnings);
    externalProperties = copyInOrder(externalProperties);
  }

  /** A file without properties for concepts outside it. */
  public ImportedModel(
      String modelId,
      String format,
      ModelData model,
      List<ModelOperation> operations,
      List<String> locations,
      List<ViewDefinition> views,
      List<String> forbidden,
      List<Problem.Error> warnings,
      boolean partial) {
    this(
        modelId,
        format,
        model,
        operations,
        locations,
        views,
        forbidden,
        warnings,
        partial,
        Map.of());
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
    this(
        modelId, format, model, operations, locations, views, forbidden, warnings, false, Map.of());
  }

  private static Map<String, List<Property>> copyInOrder(Map<String, List<Property>> m) {
    Map<String, List<Property>> copy = new LinkedHashMap<>();
    m.forEach((id, props) -> copy.put(id, List.copyOf(props)));
    return Collections.unmodifiableMap(copy);
  }

  /** Counts of what the file holds, for reports. */
  public long count(Class<? extends ModelOperation> kind) {
    return operations.stream().filter(kind::isInstance).count();
  }
}
