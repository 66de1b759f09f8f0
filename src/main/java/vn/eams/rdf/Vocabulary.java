package vn.eams.rdf;

import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;

/**
 * The RDF vocabulary of EAMS (docs/rdf.md): ArchiMate 3.2 terms in {@link #AM} (the exchange
 * format's spelling), the vn-egov profile in {@link #EGOV}, EAMS's own terms in {@link #EAMS};
 * concepts are {@code urn:eams:id:<id>} and models {@code urn:eams:model:<id>}.
 */
public final class Vocabulary {

  /** ArchiMate 3.2: element and relationship types, names, properties, endpoints. */
  public static final String AM = "https://ns.eams.vn/archimate#";

  /** The vn-egov profile: specializations (classes) and their typed properties. */
  public static final String EGOV = "https://ns.eams.vn/vn-egov#";

  /** EAMS terms: the model a concept belongs to, model kind and baseline, validity, proposals. */
  public static final String EAMS = "https://ns.eams.vn/eams#";

  /** Prefix of concept IRIs: {@code urn:eams:id:<conceptId>}. */
  public static final String CONCEPT = "urn:eams:id:";

  /** Prefix of model IRIs (and of the named graph of each model): {@code urn:eams:model:<id>}. */
  public static final String MODEL = "urn:eams:model:";

  /** The prefixes written in Turtle and JSON-LD. */
  public static final Map<String, String> PREFIXES =
      Map.of("am", AM, "egov", EGOV, "eams", EAMS, "rdf", RDF.getURI(), "xsd", XSD.getURI());

  // ArchiMate classes and properties
  public static final Node ELEMENT = am("Element");
  public static final Node RELATIONSHIP = am("Relationship");
  public static final Node IDENTIFIER = am("identifier");
  public static final Node NAME = am("name");
  public static final Node DOCUMENTATION = am("documentation");
  public static final Node SPECIALIZATION = am("specialization");
  public static final Node PROPERTY = am("property");
  public static final Node KEY = am("key");
  public static final Node VALUE = am("value");
  public static final Node INDEX = am("index");
  public static final Node SOURCE = am("source");
  public static final Node TARGET = am("target");
  public static final Node ACCESS_TYPE = am("accessType");
  public static final Node INFLUENCE_STRENGTH = am("influenceStrength");
  public static final Node DIRECTED = am("directed");

  // EAMS classes and properties
  public static final Node MODEL_CLASS = eams("Model");
  public static final Node IN_MODEL = eams("model");
  public static final Node KIND = eams("kind");
  public static final Node BASELINE = eams("baseline");
  public static final Node LANGUAGE = eams("language");
  public static final Node NAME_EN = eams("nameEn");
  public static final Node DOCUMENTATION_EN = eams("documentationEn");
  public static final Node VALID_FROM = eams("validFrom");
  public static final Node VALID_TO = eams("validTo");
  public static final Node PROPOSED = eams("proposed");

  /** The value of {@link #KIND} for an architecture model. */
  public static final String KIND_ARCHITECTURE = "architecture";

  /** The value of {@link #KIND} for a proposal. */
  public static final String KIND_PROPOSAL = "proposal";

  /** The reserved model property that says the model's kind. */
  public static final String KIND_PROPERTY = "eams:kind";

  /** The reserved model property that names a proposal's baseline model. */
  public static final String BASELINE_PROPERTY = "eams:baseline";

  public static final Node TYPE = RDF.type.asNode();

  private Vocabulary() {}

  /** An ArchiMate term: {@code am:<local>}. */
  public static Node am(String local) {
    return NodeFactory.createURI(AM + local);
  }

  /** A profile term: {@code egov:<local>}. */
  public static Node egov(String local) {
    return NodeFactory.createURI(EGOV + local);
  }

  /** An EAMS term: {@code eams:<local>}. */
  public static Node eams(String local) {
    return NodeFactory.createURI(EAMS + local);
  }

  /** The IRI of a concept. */
  public static Node concept(String id) {
    return NodeFactory.createURI(CONCEPT + id);
  }

  /** The IRI of a model, which is also the name of its graph in the SPARQL dataset. */
  public static Node model(String id) {
    return NodeFactory.createURI(MODEL + id);
  }

  /** The IRI of a model, as text. */
  public static String modelIri(String id) {
    return MODEL + id;
  }

  /**
   * The shortcut property of a relationship type: its name in lower camel case ({@code Serving} →
   * {@code am:serving}), except {@code Specialization} → {@code am:specializationOf}, since {@code
   * am:specialization} names a concept's specialization.
   */
  public static Node shortcut(String relationshipType) {
    if (relationshipType.equals("Specialization")) {
      return am("specializationOf");
    }
    return am(
        relationshipType.substring(0, 1).toLowerCase(Locale.ROOT) + relationshipType.substring(1));
  }

  /** Whether a text can be the local part of a term (a plain name: letters, digits, _ . -). */
  static boolean isLocalName(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
        return false;
      }
    }
    return s.charAt(s.length() - 1) != '.';
  }
}
