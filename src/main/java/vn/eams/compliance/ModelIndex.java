package vn.eams.compliance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.Element;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Relationship;
import vn.eams.model.ViewDefinition;

/** Lookups over one snapshot, built once per run and shared by every check. */
final class ModelIndex {

  private final ModelSnapshot snapshot;
  private final Metamodel metamodel;
  private final Map<String, Element> elements;
  private final Map<String, Relationship> relationships;
  private final Map<String, ViewDefinition> views;
  private final Map<String, List<Relationship>> outgoing = new HashMap<>();
  private final Map<String, List<Relationship>> incoming = new HashMap<>();
  private final Map<String, List<Relationship>> between = new HashMap<>();
  private final Set<String> shownInViews = new HashSet<>();

  ModelIndex(ModelSnapshot snapshot, Metamodel metamodel) {
    this.snapshot = snapshot;
    this.metamodel = metamodel;
    this.elements = new HashMap<>(snapshot.elements().size() * 2);
    snapshot.elements().forEach(e -> elements.put(e.id(), e));
    this.relationships = new HashMap<>(snapshot.relationships().size() * 2);
    this.views = new HashMap<>();
    snapshot.views().forEach(v -> views.put(v.id(), v));
    for (Relationship r : snapshot.relationships()) {
      relationships.put(r.id(), r);
      outgoing.computeIfAbsent(r.data().sourceId(), k -> new ArrayList<>(2)).add(r);
      incoming.computeIfAbsent(r.data().targetId(), k -> new ArrayList<>(2)).add(r);
      between
          .computeIfAbsent(pair(r.data().sourceId(), r.data().targetId()), k -> new ArrayList<>(1))
          .add(r);
    }
    for (ViewDefinition v : snapshot.views()) {
      for (ViewDefinition.Node n : v.nodes()) {
        if (n.isElement()) {
          shownInViews.add(n.elementId());
        }
      }
      for (ViewDefinition.Connection c : v.connections()) {
        if (!c.isLine()) {
          shownInViews.add(c.relationshipId());
        }
      }
    }
  }

  private static String pair(String source, String target) {
    return source + '\u0000' + target;
  }

  ModelSnapshot snapshot() {
    return snapshot;
  }

  Metamodel metamodel() {
    return metamodel;
  }

  Optional<Element> element(String id) {
    return Optional.ofNullable(elements.get(id));
  }

  Optional<Relationship> relationship(String id) {
    return Optional.ofNullable(relationships.get(id));
  }

  Optional<ViewDefinition> view(String id) {
    return Optional.ofNullable(views.get(id));
  }

  List<Relationship> outgoing(String conceptId) {
    return outgoing.getOrDefault(conceptId, List.of());
  }

  List<Relationship> incoming(String conceptId) {
    return incoming.getOrDefault(conceptId, List.of());
  }

  List<Relationship> between(String sourceId, String targetId) {
    return between.getOrDefault(pair(sourceId, targetId), List.of());
  }

  boolean shownInAnyView(String conceptId) {
    return shownInViews.contains(conceptId);
  }

  Optional<String> typeOf(String conceptId) {
    Element e = elements.get(conceptId);
    if (e != null) {
      return Optional.of(e.type());
    }
    return relationships.containsKey(conceptId)
        ? Optional.of(Metamodel.RELATIONSHIP)
        : Optional.empty();
  }

  boolean isJunction(String conceptId) {
    Element e = elements.get(conceptId);
    return e != null && metamodel.elementType(e.type()).map(ElementType::isJunction).orElse(false);
  }
}
