package vn.eams.model;

import java.util.List;

/**
 * The editable content of a model.
 *
 * @param language the language of {@code name} and {@code documentation} of the model and its
 *     concepts, as an xml:lang tag; {@code nameEn}/{@code documentationEn} are always English.
 *     Models written here are Vietnamese ({@code vi}, the default); an imported model keeps the
 *     language its file declared, so that an export says it again.
 */
public record ModelData(
    String name,
    String nameEn,
    String documentation,
    String documentationEn,
    List<Property> properties,
    String language) {

  /** The default language of a model's texts. */
  public static final String DEFAULT_LANGUAGE = "vi";

  public ModelData {
    properties = List.copyOf(properties);
    language = language == null || language.isBlank() ? DEFAULT_LANGUAGE : language.strip();
  }

  /** A Vietnamese model. */
  public ModelData(
      String name,
      String nameEn,
      String documentation,
      String documentationEn,
      List<Property> properties) {
    this(name, nameEn, documentation, documentationEn, properties, DEFAULT_LANGUAGE);
  }
}
