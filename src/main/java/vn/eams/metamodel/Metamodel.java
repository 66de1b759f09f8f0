package vn.eams.metamodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The loaded, immutable ArchiMate metamodel: element and relationship types, the allowed
 * relationship table, viewpoints and profile specializations. Build it with {@link
 * MetamodelLoader}.
 */
public final class Metamodel {

  /** The pseudo-concept for a relationship used as the endpoint of another relationship. */
  public static final String RELATIONSHIP = "Relationship";

  /** The table concept that AndJunction and OrJunction share. */
  public static final String JUNCTION = "Junction";

  private final String version;
  private final List<ElementType> elementTypes;
  private final Map<String, ElementType> elementsByName;
  private final List<RelationshipType> relationshipTypes;
  private final Map<String, Integer> relationshipBits;
  private final List<RelationshipType> structuralByStrength;
  private final RelationshipTable table;
  private final List<Viewpoint> viewpoints;
  private final Map<String, Viewpoint> viewpointsById;
  private final List<Profile> profiles;
  private final List<Specialization> specializations;
  private final Map<String, Specialization> specializationsById;
  private final Map<String, List<Specialization>> specializationsByType;
  private final Propagation propagation;

  Metamodel(
      String version,
      List<ElementType> elementTypes,
      List<RelationshipType> relationshipTypes,
      RelationshipTable table,
      List<Viewpoint> viewpoints,
      List<Profile> profiles,
      List<Specialization> specializations,
      Propagation propagation) {
    this.version = version;
    this.propagation = propagation;
    this.elementTypes = List.copyOf(elementTypes);
    this.elementsByName = byKey(this.elementTypes, ElementType::name);
    this.relationshipTypes = List.copyOf(relationshipTypes);
    Map<String, Integer> bits = new HashMap<>();
    for (int i = 0; i < this.relationshipTypes.size(); i++) {
      bits.put(this.relationshipTypes.get(i).name(), i);
    }
    this.relationshipBits = Map.copyOf(bits);
    this.structuralByStrength =
        this.relationshipTypes.stream().filter(RelationshipType::isStructural).toList();
    this.table = table;
    this.viewpoints = List.copyOf(viewpoints);
    this.viewpointsById = byKey(this.viewpoints, Viewpoint::id);
    this.profiles = List.copyOf(profiles);
    this.specializations = List.copyOf(specializations);
    this.specializationsById = byKey(this.specializations, Specialization::id);
    Map<String, List<Specialization>> byType = new HashMap<>();
    for (Specialization s : this.specializations) {
      byType.computeIfAbsent(s.elementType(), k -> new ArrayList<>()).add(s);
    }
    this.specializationsByType =
        byType.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
  }

  private static <T> Map<String, T> byKey(List<T> values, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    values.forEach(v -> map.put(key.apply(v), v));
    return Map.copyOf(map);
  }

  /** How impact travels along each relationship type (propagation.tsv). */
  public Propagation propagation() {
    return propagation;
  }

  /** The position of {@code relationshipType} in {@link #relationshipTypes()}, or -1. */
  public int relationshipTypeIndex(String relationshipType) {
    Integer i = relationshipBits.get(relationshipType);
    return i == null ? -1 : i;
  }

  /** The ArchiMate version of the loaded table, e.g. {@code 3.2}. */
  public String version() {
    return version;
  }

  /** All element types in data-file order, the two junctions included. */
  public List<ElementType> elementTypes() {
    return elementTypes;
  }

  /** The element types of one layer, in data-file order. */
  public List<ElementType> elementTypes(Layer layer) {
    return elementTypes.stream().filter(e -> e.layer() == layer).toList();
  }

  /** The element type spelled {@code name} (exchange-format spelling). */
  public Optional<ElementType> elementType(String name) {
    return Optional.ofNullable(name == null ? null : elementsByName.get(name));
  }

  /** All relationship types in data-file order. */
  public List<RelationshipType> relationshipTypes() {
    return relationshipTypes;
  }

  /** The relationship type spelled {@code name}, e.g. {@code Serving}. */
  public Optional<RelationshipType> relationshipType(String name) {
    Integer bit = name == null ? null : relationshipBits.get(name);
    return bit == null ? Optional.empty() : Optional.of(relationshipTypes.get(bit));
  }

  /** The relationship type with the Appendix B key {@code letter}, e.g. {@code v}. */
  public Optional<RelationshipType> relationshipTypeByLetter(char letter) {
    return relationshipTypes.stream().filter(r -> r.letter() == letter).findFirst();
  }

  /** The concepts of the relationship table: element types, Junction, Relationship. */
  public List<String> concepts() {
    return table.concepts();
  }

  /**
   * True when the table allows {@code relationshipType} from {@code source} to {@code target};
   * concepts are element type names (AndJunction/OrJunction/Junction share the Junction cell) or
   * {@link #RELATIONSHIP}. False for any unknown name.
   */
  public boolean isAllowed(String relationshipType, String source, String target) {
    Integer bit = relationshipType == null ? null : relationshipBits.get(relationshipType);
    return bit != null && (table.mask(source, target) & (1 << bit)) != 0;
  }

  /** Like {@link #isAllowed(String, String, String)} with a relationship type of this model. */
  public boolean isAllowed(RelationshipType relationshipType, String source, String target) {
    return isAllowed(relationshipType.name(), source, target);
  }

  /** The relationship types allowed from {@code source} to {@code target}, in data-file order. */
  public List<RelationshipType> allowedRelationships(String source, String target) {
    int mask = table.mask(source, target);
    List<RelationshipType> allowed = new ArrayList<>(Integer.bitCount(mask));
    for (int i = 0; i < relationshipTypes.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        allowed.add(relationshipTypes.get(i));
      }
    }
    return List.copyOf(allowed);
  }

  /** The structural relationship types, strongest first (composition ... realization). */
  public List<RelationshipType> structuralByStrength() {
    return structuralByStrength;
  }

  /**
   * The structural strength of {@code type}: 1 for the weakest (realization) up to the number of
   * structural types for the strongest (composition); 0 for a non-structural type.
   */
  public int structuralStrength(RelationshipType type) {
    int i = structuralByStrength.indexOf(type);
    return i < 0 ? 0 : structuralByStrength.size() - i;
  }

  /** The weaker of two structural types (derivation rule DR2), empty if either is not one. */
  public Optional<RelationshipType> weakestStructural(RelationshipType a, RelationshipType b) {
    int sa = structuralStrength(a);
    int sb = structuralStrength(b);
    if (sa == 0 || sb == 0) {
      return Optional.empty();
    }
    return Optional.of(sa <= sb ? a : b);
  }

  /** All viewpoints in data-file order. */
  public List<Viewpoint> viewpoints() {
    return viewpoints;
  }

  /** The viewpoint with {@code id}, e.g. {@code ApplicationCooperation}. */
  public Optional<Viewpoint> viewpoint(String id) {
    return Optional.ofNullable(id == null ? null : viewpointsById.get(id));
  }

  /** The viewpoint whose exchange-format name is {@code name}, e.g. {@code Capability Map}. */
  public Optional<Viewpoint> viewpointByExchangeName(String name) {
    return viewpoints.stream().filter(v -> v.nameEn().equals(name)).findFirst();
  }

  /** The loaded profiles, in load order. */
  public List<Profile> profiles() {
    return profiles;
  }

  /** All specializations of all loaded profiles, in load order. */
  public List<Specialization> specializations() {
    return specializations;
  }

  /** The specialization with {@code id}. */
  public Optional<Specialization> specialization(String id) {
    return Optional.ofNullable(id == null ? null : specializationsById.get(id));
  }

  /** The specializations of {@code elementType}, empty when there are none. */
  public List<Specialization> specializationsFor(String elementType) {
    return elementType == null
        ? List.of()
        : specializationsByType.getOrDefault(elementType, List.of());
  }
}
