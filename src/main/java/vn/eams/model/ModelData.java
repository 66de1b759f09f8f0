package vn.eams.model;

import java.util.List;

/** The editable content of a model. */
public record ModelData(
    String name,
    String nameEn,
    String documentation,
    String documentationEn,
    List<Property> properties) {

  public ModelData {
    properties = List.copyOf(properties);
  }
}
