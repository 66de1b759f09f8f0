package vn.eams.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.PropertyDefinition;
import vn.eams.metamodel.Specialization;
import vn.eams.model.ElementData;
import vn.eams.model.ModelData;
import vn.eams.model.ModelOperation;
import vn.eams.model.Property;
import vn.eams.model.RelationshipData;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * A model kept as files: Archi's CSV triple ({@code elements.csv}, {@code relations.csv}, {@code
 * properties.csv}) plus {@code names-en.csv} for the English names. This is how the shipped Trà
 * Vinh architecture lives in {@code model/} (see model/README.md).
 *
 * <p>As in Archi, the first row of {@code elements.csv} is the model itself. A property whose key
 * is a typed property of the concept's specialization (the profile) is read as that property, its
 * text converted to the declared type; any other key is a plain key/value property.
 */
public final class ModelPackage {

  static final List<String> ELEMENTS_HEADER =
      List.of("ID", "Type", "Name", "Documentation", "Specialization");
  static final List<String> RELATIONS_HEADER =
      List.of("ID", "Type", "Name", "Documentation", "Source", "Target", "Specialization");
  static final List<String> PROPERTIES_HEADER = List.of("ID", "Key", "Value");
  static final List<String> NAMES_EN_HEADER = List.of("ID", "Name", "Documentation");

  private final String modelId;
  private final ModelData model;
  private final List<ModelOperation> operations;

  private ModelPackage(String modelId, ModelData model, List<ModelOperation> operations) {
    this.modelId = modelId;
    this.model = model;
    this.operations = List.copyOf(operations);
  }

  /** The model's id (the first row of elements.csv). */
  public String modelId() {
    return modelId;
  }

  /** The model's own content. */
  public ModelData model() {
    return model;
  }

  /** Element creates, then relationship creates in an order where every endpoint exists first. */
  public List<ModelOperation> operations() {
    return operations;
  }

  /**
   * Reads a package. {@code files} returns a file's text by name, or empty when the file is absent
   * ({@code properties.csv} and {@code names-en.csv} are optional). Every problem is reported at
   * once as a 422 naming {@code file:line}.
   */
  public static ModelPackage read(
      String source, Function<String, Optional<String>> files, Metamodel metamodel) {
    List<Problem.Error> errors = new ArrayList<>();
    List<Csv.Row> elementRows = rows(source, "elements.csv", files, ELEMENTS_HEADER, true, errors);
    List<Csv.Row> relationRows =
        rows(source, "relations.csv", files, RELATIONS_HEADER, false, errors);
    List<Csv.Row> propertyRows =
        rows(source, "properties.csv", files, PROPERTIES_HEADER, false, errors);
    List<Csv.Row> englishRows = rows(source, "names-en.csv", files, NAMES_EN_HEADER, false, errors);
    if (elementRows.isEmpty() && !errors.isEmpty()) {
      throw invalid(source, errors); // without elements nothing else can be checked
    }
    if (elementRows.isEmpty() || !elementRows.get(0).get(1).equals("ArchimateModel")) {
      errors.add(
          at(
              "elements.csv",
              elementRows.isEmpty() ? 2 : elementRows.get(0).line(),
              "model-row",
              "The first row after the header must describe the model (Type ArchimateModel)."));
      throw invalid(source, errors);
    }
    Csv.Row modelRow = elementRows.get(0);
    String modelId = modelRow.get(0).trim();
    if (modelId.isEmpty()) {
      errors.add(at("elements.csv", modelRow.line(), "id", "The model row needs an ID."));
    }

    Map<String, List<Property>> properties = new LinkedHashMap<>();
    Map<String, Integer> propertyLines = new HashMap<>();
    for (Csv.Row r : propertyRows) {
      String id = r.get(0).trim();
      String key = r.get(1).trim();
      if (id.isEmpty() || key.isEmpty()) {
        errors.add(at("properties.csv", r.line(), "empty", "Give both an ID and a Key."));
        continue;
      }
      properties.computeIfAbsent(id, k -> new ArrayList<>()).add(new Property(key, r.get(2)));
      propertyLines.putIfAbsent(id, r.line());
    }
    Map<String, String[]> english = new HashMap<>();
    for (Csv.Row r : englishRows) {
      english.put(r.get(0).trim(), new String[] {r.get(1).trim(), r.get(2)});
    }

    Set<String> known = new HashSet<>();
    known.add(modelId);
    List<ModelOperation> ops = new ArrayList<>();
    for (Csv.Row r : elementRows.subList(1, elementRows.size())) {
      String id = r.get(0).trim();
      String type = r.get(1).trim();
      String spec = r.get(4).trim();
      if (id.isEmpty()) {
        errors.add(at("elements.csv", r.line(), "id", "Every element needs an ID."));
        continue;
      }
      if (!known.add(id)) {
        errors.add(at("elements.csv", r.line(), "duplicate-id", "The ID '" + id + "' repeats."));
        continue;
      }
      if (metamodel.elementType(type).isEmpty()) {
        errors.add(
            at(
                "elements.csv",
                r.line(),
                "unknown-type",
                "Unknown element type '"
                    + type
                    + "'; use an ArchiMate 3.2 name such as"
                    + " BusinessActor."));
        continue;
      }
      Optional<Specialization> specialization =
          spec.isEmpty() ? Optional.empty() : metamodel.specialization(spec);
      if (!spec.isEmpty() && specialization.isEmpty()) {
        errors.add(
            at(
                "elements.csv",
                r.line(),
                "unknown-specialization",
                "Unknown specialization '" + spec + "'; see metamodel/profiles."));
        continue;
      }
      List<Property> plain = new ArrayList<>();
      Map<String, Object> typed = new LinkedHashMap<>();
      for (Property p : properties.getOrDefault(id, List.of())) {
        Optional<PropertyDefinition> def = specialization.flatMap(s -> s.property(p.key()));
        if (def.isPresent()) {
          typed.put(p.key(), typedValue(def.get(), p.value()));
        } else {
          plain.add(p);
        }
      }
      String[] en = english.getOrDefault(id, new String[] {"", ""});
      ops.add(
          new ModelOperation.CreateElement(
              id,
              new ElementData(
                  type,
                  r.get(2).trim(),
                  en[0],
                  r.get(3),
                  en[1],
                  spec,
                  plain,
                  typed,
                  "",
                  Optional.empty(),
                  Optional.empty())));
    }

    // relationships: those whose endpoints are known first, repeatedly (relationship endpoints)
    List<Csv.Row> pending = new ArrayList<>();
    Set<String> relIds = new HashSet<>();
    for (Csv.Row r : relationRows) {
      String id = r.get(0).trim();
      String type = r.get(1).trim();
      String name = type.endsWith("Relationship") ? type.substring(0, type.length() - 12) : type;
      if (id.isEmpty()) {
        errors.add(at("relations.csv", r.line(), "id", "Every relationship needs an ID."));
      } else if (known.contains(id) || !relIds.add(id)) {
        errors.add(at("relations.csv", r.line(), "duplicate-id", "The ID '" + id + "' repeats."));
      } else if (metamodel.relationshipType(name).isEmpty()) {
        errors.add(
            at(
                "relations.csv",
                r.line(),
                "unknown-type",
                "Unknown relationship type '" + type + "'; use e.g. ServingRelationship."));
      } else {
        pending.add(r);
      }
    }
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (var it = pending.iterator(); it.hasNext(); ) {
        Csv.Row r = it.next();
        String from = r.get(4).trim();
        String to = r.get(5).trim();
        if (!known.contains(from) || !known.contains(to)) {
          continue;
        }
        String id = r.get(0).trim();
        String type = r.get(1).trim();
        String name = type.endsWith("Relationship") ? type.substring(0, type.length() - 12) : type;
        List<Property> plain = new ArrayList<>();
        String accessType = "";
        String strength = "";
        boolean directed = false;
        for (Property p : properties.getOrDefault(id, List.of())) {
          switch (p.key()) {
            case "Access_Type" -> accessType = p.value();
            case "Influence_Strength" -> strength = p.value();
            case "Directed" -> directed = p.value().equalsIgnoreCase("true");
            default -> plain.add(p);
          }
        }
        String[] en = english.getOrDefault(id, new String[] {"", ""});
        ops.add(
            new ModelOperation.CreateRelationship(
                id,
                new RelationshipData(
                    name,
                    from,
                    to,
                    r.get(2).trim(),
                    en[0],
                    r.get(3),
                    en[1],
                    r.get(6).trim(),
                    plain,
                    accessType,
                    strength,
                    directed,
                    "")));
        known.add(id);
        it.remove();
        progress = true;
      }
    }
    for (Csv.Row r : pending) {
      String missing = known.contains(r.get(4).trim()) ? r.get(5).trim() : r.get(4).trim();
      errors.add(
          at(
              "relations.csv",
              r.line(),
              "unknown-endpoint",
              "The relationship '"
                  + r.get(0).trim()
                  + "' refers to '"
                  + missing
                  + "', which is no element or relationship of the package."));
    }
    for (String id : properties.keySet()) {
      if (!known.contains(id)) {
        errors.add(
            at(
                "properties.csv",
                propertyLines.get(id),
                "unknown-id",
                "The ID '" + id + "' is no element, relationship or model of the package."));
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(source, errors);
    }
    String[] modelEn = english.getOrDefault(modelId, new String[] {"", ""});
    ModelData model =
        new ModelData(
            modelRow.get(2).trim(),
            modelEn[0],
            modelRow.get(3),
            modelEn[1],
            properties.getOrDefault(modelId, List.of()));
    return new ModelPackage(modelId, model, ops);
  }

  /**
   * The text of a typed property converted to its declared type, so that the profile's strict
   * validation sees a number as a number; text that does not convert is passed on as text and then
   * reported by that validation with the property's name.
   */
  static Object typedValue(PropertyDefinition def, String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return switch (def.type()) {
        case INTEGER -> Long.parseLong(t);
        case DECIMAL -> new BigDecimal(t);
        case BOOLEAN ->
            t.equalsIgnoreCase("true") ? Boolean.TRUE : t.equalsIgnoreCase("false") ? false : t;
        default -> t;
      };
    } catch (NumberFormatException e) {
      return t;
    }
  }

  private static List<Csv.Row> rows(
      String source,
      String file,
      Function<String, Optional<String>> files,
      List<String> header,
      boolean required,
      List<Problem.Error> errors) {
    Optional<String> text = files.apply(file);
    if (text.isEmpty()) {
      if (required) {
        errors.add(at(file, 0, "missing-file", source + " has no " + file + "."));
      }
      return List.of();
    }
    List<Csv.Row> rows;
    try {
      rows = Csv.parse(text.get(), Csv.sniffDelimiter(text.get()));
    } catch (Csv.CsvException e) {
      errors.add(at(file, e.line(), "csv-syntax", e.getMessage()));
      return List.of();
    }
    if (rows.isEmpty() || !rows.get(0).fields().equals(header)) {
      errors.add(
          at(
              file,
              rows.isEmpty() ? 1 : rows.get(0).line(),
              "header",
              "The header must be " + String.join(",", header) + "."));
      return List.of();
    }
    return rows.subList(1, rows.size());
  }

  private static Problem.Error at(String file, int line, String code, String message) {
    return new Problem.Error(null, null, file + ":" + line, code, message);
  }

  private static ProblemException invalid(String source, List<Problem.Error> errors) {
    return ProblemException.invalid(
        "The model files in "
            + source
            + " have "
            + errors.size()
            + " problem(s); nothing was"
            + " loaded.",
        errors);
  }
}
