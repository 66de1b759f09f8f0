package vn.eams.rdf;

import static vn.eams.rdf.Vocabulary.ACCESS_TYPE;
import static vn.eams.rdf.Vocabulary.BASELINE;
import static vn.eams.rdf.Vocabulary.CONCEPT;
import static vn.eams.rdf.Vocabulary.DIRECTED;
import static vn.eams.rdf.Vocabulary.DOCUMENTATION;
import static vn.eams.rdf.Vocabulary.DOCUMENTATION_EN;
import static vn.eams.rdf.Vocabulary.EGOV;
import static vn.eams.rdf.Vocabulary.ELEMENT;
import static vn.eams.rdf.Vocabulary.IDENTIFIER;
import static vn.eams.rdf.Vocabulary.INDEX;
import static vn.eams.rdf.Vocabulary.INFLUENCE_STRENGTH;
import static vn.eams.rdf.Vocabulary.IN_MODEL;
import static vn.eams.rdf.Vocabulary.KEY;
import static vn.eams.rdf.Vocabulary.KIND;
import static vn.eams.rdf.Vocabulary.LANGUAGE;
import static vn.eams.rdf.Vocabulary.MODEL_CLASS;
import static vn.eams.rdf.Vocabulary.NAME;
import static vn.eams.rdf.Vocabulary.NAME_EN;
import static vn.eams.rdf.Vocabulary.PROPERTY;
import static vn.eams.rdf.Vocabulary.PROPOSED;
import static vn.eams.rdf.Vocabulary.RELATIONSHIP;
import static vn.eams.rdf.Vocabulary.SOURCE;
import static vn.eams.rdf.Vocabulary.SPECIALIZATION;
import static vn.eams.rdf.Vocabulary.TARGET;
import static vn.eams.rdf.Vocabulary.TYPE;
import static vn.eams.rdf.Vocabulary.VALID_FROM;
import static vn.eams.rdf.Vocabulary.VALID_TO;
import static vn.eams.rdf.Vocabulary.VALUE;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.PropertyDefinition;
import vn.eams.metamodel.PropertyType;
import vn.eams.model.Element;
import vn.eams.model.ElementData;
import vn.eams.model.ModelData;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Property;
import vn.eams.model.Relationship;
import vn.eams.model.RelationshipData;

/**
 * A model as RDF in the vocabulary of {@link Vocabulary} (docs/rdf.md), and back. Folders, views
 * and folder membership are layout and are not mapped; everything else of the model, its elements
 * and relationships survives {@link #toRdf} then {@link #fromRdf}. Both walk the model once, with
 * no query per concept.
 */
public final class RdfMapping {

  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
  private static final Node TRUE = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);

  /**
   * What {@link #fromRdf} reads back. Versions are 0, timestamps the epoch and folder ids empty:
   * they are not part of the RDF.
   *
   * @param model the model's content
   * @param elements in id order
   * @param relationships in id order
   */
  public record Read(ModelData model, List<Element> elements, List<Relationship> relationships) {}

  private RdfMapping() {}

  /** The model, its elements and relationships as RDF. */
  public static Model toRdf(ModelSnapshot s, Metamodel m) {
    return toRdf(s, m, Set.of());
  }

  /**
   * The model as RDF, the concepts whose ids are in {@code proposed} marked {@code eams:proposed
   * true} (a proposal laid over its baseline). Each element and relationship says the model it
   * belongs to by its own {@code modelId}.
   */
  public static Model toRdf(ModelSnapshot s, Metamodel m, Set<String> proposed) {
    Model model = ModelFactory.createModelForGraph(GraphMemFactory.createDefaultGraph());
    model.setNsPrefixes(Vocabulary.PREFIXES);
    write(model.getGraph(), s, m, proposed);
    return model;
  }

  /** Adds the model's triples to a graph. */
  public static void write(Graph g, ModelSnapshot s, Metamodel m, Set<String> proposed) {
    new Writer(g, m, s.model().data().language()).write(s, proposed);
  }

  /** Reads the model {@code modelId} and its elements and relationships from RDF. */
  public static Read fromRdf(Model rdf, String modelId, Metamodel m) {
    return new Reader(rdf.getGraph(), m).read(modelId);
  }

  /** The literal of a text in the given language; a plain string when the tag is not valid. */
  static Node text(String text, String language) {
    return language == null
        ? NodeFactory.createLiteralString(text)
        : NodeFactory.createLiteralLang(text, language);
  }

  /** The language tag of a model's texts, or null when its language is not a valid tag. */
  static String tag(String language) {
    return LANGUAGE_TAG.matcher(language).matches() ? language : null;
  }

  // ---- model → RDF ----------------------------------------------------------------------------

  private static final class Writer {
    private final Graph g;
    private final Metamodel metamodel;
    private final String tag;
    private final boolean englishApart;

    Writer(Graph g, Metamodel metamodel, String language) {
      this.g = g;
      this.metamodel = metamodel;
      this.tag = tag(language);
      // in an English model both texts would be @en: the English ones then get their own terms
      this.englishApart = tag != null && tag.equalsIgnoreCase("en");
    }

    void write(ModelSnapshot s, Set<String> proposed) {
      ModelData d = s.model().data();
      Node model = Vocabulary.model(s.model().id());
      add(model, TYPE, MODEL_CLASS);
      texts(model, d.name(), d.nameEn(), NAME, NAME_EN);
      texts(model, d.documentation(), d.documentationEn(), DOCUMENTATION, DOCUMENTATION_EN);
      add(model, LANGUAGE, NodeFactory.createLiteralString(d.language()));
      String kind = firstValue(d.properties(), Vocabulary.KIND_PROPERTY).strip();
      boolean proposal = kind.equals(Vocabulary.KIND_PROPOSAL);
      add(
          model,
          KIND,
          NodeFactory.createLiteralString(
              proposal ? Vocabulary.KIND_PROPOSAL : Vocabulary.KIND_ARCHITECTURE));
      String baseline = firstValue(d.properties(), Vocabulary.BASELINE_PROPERTY).strip();
      if (proposal && Vocabulary.isLocalName(baseline)) {
        add(model, BASELINE, Vocabulary.model(baseline));
      }
      properties(model, d.properties());
      for (Element e : s.elements()) {
        element(e, proposed.contains(e.id()));
      }
      for (Relationship r : s.relationships()) {
        relationship(r, proposed.contains(r.id()));
      }
    }

    private void element(Element e, boolean proposed) {
      ElementData d = e.data();
      Node s = Vocabulary.concept(e.id());
      add(s, TYPE, ELEMENT);
      add(s, TYPE, Vocabulary.am(d.type()));
      common(s, e.id(), e.modelId(), d.specialization(), proposed);
      texts(s, d.name(), d.nameEn(), NAME, NAME_EN);
      texts(s, d.documentation(), d.documentationEn(), DOCUMENTATION, DOCUMENTATION_EN);
      d.validFrom().ifPresent(v -> add(s, VALID_FROM, date(v.toString())));
      d.validTo().ifPresent(v -> add(s, VALID_TO, date(v.toString())));
      properties(s, d.properties());
      for (Map.Entry<String, Object> p : new TreeMap<>(d.profile()).entrySet()) {
        if (!Vocabulary.isLocalName(p.getKey())) {
          continue; // the profile's names are plain names; nothing else can be stored
        }
        Optional<PropertyType> type =
            metamodel
                .specialization(d.specialization())
                .flatMap(sp -> sp.property(p.getKey()))
                .map(PropertyDefinition::type);
        add(s, Vocabulary.egov(p.getKey()), profileValue(p.getValue(), type.orElse(null)));
      }
    }

    private void relationship(Relationship r, boolean proposed) {
      RelationshipData d = r.data();
      Node s = Vocabulary.concept(r.id());
      Node source = Vocabulary.concept(d.sourceId());
      Node target = Vocabulary.concept(d.targetId());
      add(s, TYPE, RELATIONSHIP);
      add(s, TYPE, Vocabulary.am(d.type()));
      common(s, r.id(), r.modelId(), d.specialization(), proposed);
      add(s, SOURCE, source);
      add(s, TARGET, target);
      texts(s, d.name(), d.nameEn(), NAME, NAME_EN);
      texts(s, d.documentation(), d.documentationEn(), DOCUMENTATION, DOCUMENTATION_EN);
      if (!d.accessType().isEmpty()) {
        add(s, ACCESS_TYPE, NodeFactory.createLiteralString(d.accessType()));
      }
      if (!d.influenceStrength().isEmpty()) {
        add(s, INFLUENCE_STRENGTH, NodeFactory.createLiteralString(d.influenceStrength()));
      }
      if (d.directed()) {
        add(s, DIRECTED, TRUE);
      }
      properties(s, d.properties());
      add(source, Vocabulary.shortcut(d.type()), target);
    }

    private void common(Node s, String id, String modelId, String specialization, boolean p) {
      add(s, IN_MODEL, Vocabulary.model(modelId));
      add(s, IDENTIFIER, NodeFactory.createLiteralString(id));
      if (!specialization.isEmpty()) {
        add(s, SPECIALIZATION, NodeFactory.createLiteralString(specialization));
        if (Vocabulary.isLocalName(specialization)) {
          add(s, TYPE, Vocabulary.egov(specialization));
        }
      }
      if (p) {
        add(s, PROPOSED, TRUE);
      }
    }

    private void texts(Node s, String text, String english, Node term, Node englishTerm) {
      if (!text.isEmpty()) {
        add(s, term, text(text, tag));
      }
      if (!english.isEmpty()) {
        add(s, englishApart ? englishTerm : term, NodeFactory.createLiteralLang(english, "en"));
      }
    }

    private void properties(Node s, List<Property> properties) {
      for (int i = 0; i < properties.size(); i++) {
        Property p = properties.get(i);
        Node b = NodeFactory.createBlankNode();
        add(s, PROPERTY, b);
        add(b, KEY, NodeFactory.createLiteralString(p.key()));
        add(b, VALUE, NodeFactory.createLiteralString(p.value()));
        add(b, INDEX, NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger));
      }
    }

    private void add(Node s, Node p, Node o) {
      g.add(Triple.create(s, p, o));
    }
  }

  /** The value of the first property with this key, or "". */
  static String firstValue(List<Property> properties, String key) {
    for (Property p : properties) {
      if (p.key().equals(key)) {
        return p.value();
      }
    }
    return "";
  }

  private static Node date(String iso) {
    return NodeFactory.createLiteralDT(iso, XSDDatatype.XSDdate);
  }

  /**
   * A typed profile value: by its declared type when the stored value fits it, else by its Java
   * type (a value the profile no longer declares).
   */
  static Node profileValue(Object v, PropertyType type) {
    if (type == PropertyType.ELEMENT && v instanceof String id && Vocabulary.isLocalName(id)) {
      return Vocabulary.concept(id);
    }
    if (type == PropertyType.DATE && v instanceof String s && isDate(s)) {
      return date(s);
    }
    if (v instanceof LocalDate d) {
      return date(d.toString());
    }
    if (v instanceof Boolean b) {
      return NodeFactory.createLiteralDT(b.toString(), XSDDatatype.XSDboolean);
    }
    if (v instanceof Number n) {
      BigDecimal x = decimal(n);
      if (x != null) {
        boolean whole =
            type == PropertyType.INTEGER
                || (type != PropertyType.DECIMAL
                    && (n instanceof Long
                        || n instanceof Integer
                        || n instanceof Short
                        || n instanceof Byte
                        || n instanceof BigInteger));
        if (whole && x.stripTrailingZeros().scale() <= 0) {
          return NodeFactory.createLiteralDT(
              x.toBigIntegerExact().toString(), XSDDatatype.XSDinteger);
        }
        return NodeFactory.createLiteralDT(x.toPlainString(), XSDDatatype.XSDdecimal);
      }
    }
    return NodeFactory.createLiteralString(String.valueOf(v));
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    }
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    return BigDecimal.valueOf(n.longValue());
  }

  private static boolean isDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  // ---- RDF → model ----------------------------------------------------------------------------

  /** Everything said about one subject, gathered in one pass over its triples. */
  private static final class Subject {
    final List<Node> types = new ArrayList<>();
    final List<Node> names = new ArrayList<>();
    final List<Node> documentation = new ArrayList<>();
    final List<Node> properties = new ArrayList<>();
    final Map<String, Node> profile = new TreeMap<>();
    String identifier = "";
    String nameEn = "";
    String documentationEn = "";
    String specialization = "";
    String language = "";
    Node source;
    Node target;
    Node validFrom;
    Node validTo;
    String accessType = "";
    String influenceStrength = "";
    boolean directed;
  }

  private static final class Reader {
    private final Graph g;
    private final Metamodel metamodel;
    private String tag;

    Reader(Graph g, Metamodel metamodel) {
      this.g = g;
      this.metamodel = metamodel;
    }

    Read read(String modelId) {
      Node modelNode = Vocabulary.model(modelId);
      Subject m = subject(modelNode);
      String language =
          !m.language.isEmpty()
              ? m.language
              : m.names.stream()
                  .map(Node::getLiteralLanguage)
                  .filter(l -> !l.isEmpty() && !l.equalsIgnoreCase("en"))
                  .findFirst()
                  .orElse(ModelData.DEFAULT_LANGUAGE);
      tag = tag(language);
      String[] name = texts(m.names, m.nameEn);
      String[] doc = texts(m.documentation, m.documentationEn);
      ModelData data =
          new ModelData(name[0], name[1], doc[0], doc[1], properties(m.properties), language);
      List<Element> elements = new ArrayList<>();
      List<Relationship> relationships = new ArrayList<>();
      ExtendedIterator<Triple> members = g.find(Node.ANY, IN_MODEL, modelNode);
      try {
        while (members.hasNext()) {
          Node s = members.next().getSubject();
          Subject x = subject(s);
          if (x.types.contains(ELEMENT)) {
            elements.add(element(s, x, modelId));
          } else if (x.types.contains(RELATIONSHIP)) {
            relationships.add(relationship(s, x, modelId));
          }
        }
      } finally {
        members.close();
      }
      elements.sort(Comparator.comparing(Element::id));
      relationships.sort(Comparator.comparing(Relationship::id));
      return new Read(data, List.copyOf(elements), List.copyOf(relationships));
    }

    private Element element(Node s, Subject x, String modelId) {
      String[] name = texts(x.names, x.nameEn);
      String[] doc = texts(x.documentation, x.documentationEn);
      Map<String, Object> profile = new TreeMap<>();
      x.profile.forEach(
          (k, v) -> {
            PropertyType type =
                metamodel
                    .specialization(x.specialization)
                    .flatMap(sp -> sp.property(k))
                    .map(PropertyDefinition::type)
                    .orElse(null);
            profile.put(k, profileValue(v, type));
          });
      ElementData data =
          new ElementData(
              archimateType(x.types, ELEMENT),
              name[0],
              name[1],
              doc[0],
              doc[1],
              x.specialization,
              properties(x.properties),
              profile,
              "",
              localDate(x.validFrom),
              localDate(x.validTo));
      return new Element(id(s, x), modelId, data, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private Relationship relationship(Node s, Subject x, String modelId) {
      String[] name = texts(x.names, x.nameEn);
      String[] doc = texts(x.documentation, x.documentationEn);
      RelationshipData data =
          new RelationshipData(
              archimateType(x.types, RELATIONSHIP),
              conceptId(x.source),
              conceptId(x.target),
              name[0],
              name[1],
              doc[0],
              doc[1],
              x.specialization,
              properties(x.properties),
              x.accessType,
              x.influenceStrength,
              x.directed,
              "");
      return new Relationship(id(s, x), modelId, data, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private Subject subject(Node s) {
      Subject x = new Subject();
      ExtendedIterator<Triple> it = g.find(s, Node.ANY, Node.ANY);
      try {
        while (it.hasNext()) {
          Triple t = it.next();
          Node p = t.getPredicate();
          Node o = t.getObject();
          if (p.equals(TYPE)) {
            x.types.add(o);
          } else if (p.equals(NAME)) {
            x.names.add(o);
          } else if (p.equals(DOCUMENTATION)) {
            x.documentation.add(o);
          } else if (p.equals(PROPERTY)) {
            x.properties.add(o);
          } else if (p.equals(IDENTIFIER)) {
            x.identifier = lexical(o);
          } else if (p.equals(NAME_EN)) {
            x.nameEn = lexical(o);
          } else if (p.equals(DOCUMENTATION_EN)) {
            x.documentationEn = lexical(o);
          } else if (p.equals(SPECIALIZATION)) {
            x.specialization = lexical(o);
          } else if (p.equals(LANGUAGE)) {
            x.language = lexical(o);
          } else if (p.equals(SOURCE)) {
            x.source = o;
          } else if (p.equals(TARGET)) {
            x.target = o;
          } else if (p.equals(VALID_FROM)) {
            x.validFrom = o;
          } else if (p.equals(VALID_TO)) {
            x.validTo = o;
          } else if (p.equals(ACCESS_TYPE)) {
            x.accessType = lexical(o);
          } else if (p.equals(INFLUENCE_STRENGTH)) {
            x.influenceStrength = lexical(o);
          } else if (p.equals(DIRECTED)) {
            x.directed = o.isLiteral() && "true".equals(o.getLiteralLexicalForm());
          } else if (p.isURI() && p.getURI().startsWith(EGOV)) {
            x.profile.put(p.getURI().substring(EGOV.length()), o);
          }
        }
      } finally {
        it.close();
      }
      return x;
    }

    /** {text in the model's language, English text}. */
    private String[] texts(List<Node> literals, String englishApart) {
      String text = "";
      String english = englishApart;
      for (Node n : literals) {
        if (!n.isLiteral()) {
          continue;
        }
        String lang = n.getLiteralLanguage();
        boolean primary = lang.isEmpty() || (tag != null && lang.equalsIgnoreCase(tag));
        if (primary) {
          text = n.getLiteralLexicalForm();
        } else if (lang.equalsIgnoreCase("en")) {
          english = n.getLiteralLexicalForm();
        }
      }
      return new String[] {text, english};
    }

    private List<Property> properties(List<Node> blanks) {
      List<Object[]> rows = new ArrayList<>();
      for (Node b : blanks) {
        String key = "";
        String value = "";
        long index = Long.MAX_VALUE;
        ExtendedIterator<Triple> it = g.find(b, Node.ANY, Node.ANY);
        try {
          while (it.hasNext()) {
            Triple t = it.next();
            if (t.getPredicate().equals(KEY)) {
              key = lexical(t.getObject());
            } else if (t.getPredicate().equals(VALUE)) {
              value = lexical(t.getObject());
            } else if (t.getPredicate().equals(INDEX)) {
              index = number(t.getObject());
            }
          }
        } finally {
          it.close();
        }
        rows.add(new Object[] {index, new Property(key, value)});
      }
      rows.sort(Comparator.comparingLong(r -> (Long) r[0]));
      List<Property> result = new ArrayList<>(rows.size());
      for (Object[] r : rows) {
        result.add((Property) r[1]);
      }
      return result;
    }

    private static String id(Node s, Subject x) {
      return x.identifier.isEmpty() ? conceptId(s) : x.identifier;
    }
  }

  /** The stored value of a typed profile value read from RDF. */
  static Object profileValue(Node n, PropertyType type) {
    if (n.isURI()) {
      return conceptId(n);
    }
    if (!n.isLiteral()) {
      return "";
    }
    String lex = n.getLiteralLexicalForm();
    RDFDatatype dt = n.getLiteralDatatype();
    PropertyType t = type;
    if (t == null) {
      if (dt.equals(XSDDatatype.XSDboolean)) {
        t = PropertyType.BOOLEAN;
      } else if (dt.equals(XSDDatatype.XSDdate)) {
        t = PropertyType.DATE;
      } else if (dt.equals(XSDDatatype.XSDdecimal)
          || dt.equals(XSDDatatype.XSDdouble)
          || dt.equals(XSDDatatype.XSDfloat)) {
        t = PropertyType.DECIMAL;
      } else if (n.getLiteralValue() instanceof Number) {
        t = PropertyType.INTEGER;
      } else {
        t = PropertyType.STRING;
      }
    }
    try {
      switch (t) {
        case INTEGER:
          return new BigDecimal(lex.strip()).longValueExact();
        case DECIMAL:
          return new BigDecimal(lex.strip());
        case BOOLEAN:
          return Boolean.valueOf(lex.strip().equals("true") || lex.strip().equals("1"));
        case DATE:
          return LocalDate.parse(lex.strip()).toString();
        default:
          return lex;
      }
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      return lex; // not of its declared type: kept as the text it is
    }
  }

  /** The id of a concept IRI ({@code urn:eams:id:X} → X); other IRIs as they are. */
  static String conceptId(Node n) {
    if (n == null) {
      return "";
    }
    if (n.isURI()) {
      String uri = n.getURI();
      return uri.startsWith(CONCEPT) ? uri.substring(CONCEPT.length()) : uri;
    }
    return n.isLiteral() ? n.getLiteralLexicalForm() : "";
  }

  /** The ArchiMate type among an element's or relationship's types. */
  private static String archimateType(List<Node> types, Node kind) {
    for (Node t : types) {
      if (t.isURI() && t.getURI().startsWith(Vocabulary.AM) && !t.equals(kind)) {
        return t.getURI().substring(Vocabulary.AM.length());
      }
    }
    return "";
  }

  private static String lexical(Node n) {
    return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : "";
  }

  private static long number(Node n) {
    try {
      return Long.parseLong(lexical(n).strip());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static Optional<LocalDate> localDate(Node n) {
    if (n == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(lexical(n).strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
