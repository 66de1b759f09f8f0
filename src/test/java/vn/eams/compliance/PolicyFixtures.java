package vn.eams.compliance;

import java.io.StringReader;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;

/**
 * Small models written as Turtle in the RDF vocabulary of the contract (docs/rdf.md): elements
 * typed {@code am:Element, am:<Type>} and {@code egov:<Specialization>}, profile properties as
 * {@code egov:<property>}, relationships as resources with {@code am:source}/{@code am:target} plus
 * the shortcut triple {@code <source> am:<type> <target>}.
 */
final class PolicyFixtures {

  static final String PREFIXES =
      """
      @prefix am:   <https://ns.eams.vn/archimate#> .
      @prefix egov: <https://ns.eams.vn/vn-egov#> .
      @prefix eams: <https://ns.eams.vn/eams#> .
      @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
      @prefix id:   <urn:eams:id:> .
      @prefix m:    <urn:eams:model:> .
      m:test a eams:Model ; am:name "Mô hình thử"@vi ; eams:kind "architecture" .
      """;

  private PolicyFixtures() {}

  /** A model from Turtle statements (the prefixes above are added). */
  static Model model(String... turtle) {
    Model m = ModelFactory.createDefaultModel();
    m.read(new StringReader(PREFIXES + String.join("\n", turtle)), null, "TTL");
    return m;
  }

  /**
   * An element {@code id:<id>} of ArchiMate {@code type} and vn-egov {@code specialization} (or
   * null), with a Vietnamese and an English name and extra predicate-object pairs (Turtle).
   */
  static String element(String id, String type, String specialization, String name, String extra) {
    StringBuilder sb = new StringBuilder();
    sb.append("id:").append(id).append(" a am:Element, am:").append(type);
    if (specialization != null) {
      sb.append(", egov:").append(specialization);
    }
    sb.append(" ;\n  eams:model m:test ; am:identifier \"").append(id).append("\" ;\n");
    sb.append("  am:name \"")
        .append(name)
        .append("\"@vi ; am:name \"")
        .append(name)
        .append(" (en)\"@en");
    if (specialization != null) {
      sb.append(" ;\n  am:specialization \"").append(specialization).append("\"");
    }
    if (extra != null && !extra.isBlank()) {
      sb.append(" ;\n  ").append(extra);
    }
    return sb.append(" .\n").toString();
  }

  /** An application (ApplicationComponent, specialization Application). */
  static String app(String id, String name, String extra) {
    String group = "egov:applicationGroup \"business\"";
    return element(
        id,
        "ApplicationComponent",
        "Application",
        name,
        extra == null || extra.isBlank() ? group : group + " ;\n  " + extra);
  }

  /** An application with every attribute policy.application-required-attributes asks for. */
  static String completeApp(String id, String name, String owner, int level, String extra) {
    String attrs =
        "egov:owner id:"
            + owner
            + " ; egov:operator id:"
            + owner
            + " ; egov:securityLevel "
            + level
            + " ; egov:lifecycle \"current\"";
    return app(id, name, extra == null || extra.isBlank() ? attrs : attrs + " ;\n  " + extra);
  }

  /** An agency (BusinessActor, specialization Agency). */
  static String agency(String id, String name) {
    return element(id, "BusinessActor", "Agency", name, "egov:level \"province\"");
  }

  /**
   * A relationship {@code id:<id>} of {@code type} (e.g. {@code Flow}) from {@code source} to
   * {@code target}, with extra predicate-object pairs, and its shortcut triple.
   */
  static String rel(String id, String type, String source, String target, String extra) {
    StringBuilder sb = new StringBuilder();
    sb.append("id:").append(id).append(" a am:Relationship, am:").append(type);
    sb.append(" ;\n  eams:model m:test ; am:identifier \"").append(id).append("\" ;\n");
    sb.append("  am:source id:").append(source).append(" ; am:target id:").append(target);
    if (extra != null && !extra.isBlank()) {
      sb.append(" ;\n  ").append(extra);
    }
    sb.append(" .\n");
    String shortcut =
        type.equals("Specialization")
            ? "specializationOf"
            : Character.toLowerCase(type.charAt(0)) + type.substring(1);
    sb.append("id:").append(source).append(" am:").append(shortcut).append(" id:").append(target);
    return sb.append(" .\n").toString();
  }

  /** A free property {@code am:property [ am:key ; am:value ; am:index ]} (predicate-object). */
  static String freeProperty(String key, String value, int index) {
    return "am:property [ am:key \""
        + key
        + "\" ; am:value \""
        + value
        + "\" ; am:index "
        + index
        + " ]";
  }
}
