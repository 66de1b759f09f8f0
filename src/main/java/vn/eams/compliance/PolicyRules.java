package vn.eams.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.StmtIterator;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.constraint.SparqlConstraint;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The policy rules: SHACL shapes (mostly SPARQL-based constraints) that the RDF form of a model is
 * validated against. The shipped rules are the files that {@code metamodel/rules/manifest.tsv}
 * lists (on the classpath); an optional extra directory adds every {@code *.ttl} in it, so an
 * architect adds a rule without Java. Each rule is one shape with {@code eams:ruleId}, {@code
 * sh:name}, {@code sh:message} and {@code eams:hint} in Vietnamese and English, {@code sh:severity}
 * and {@code eams:basis} (metamodel/rules/README.md).
 *
 * <p>An instance is immutable. {@link #load} reads and checks every file and returns a new
 * instance, or throws a {@link PolicyRulesException} listing every problem: a set with one bad rule
 * is refused whole, so a reload either replaces all rules or changes nothing.
 */
public final class PolicyRules {

  /** The classpath folder of the shipped rules. */
  public static final String CLASSPATH_ROOT = "metamodel/rules";

  /** The list of shipped rule files, in {@link #CLASSPATH_ROOT}. */
  public static final String MANIFEST = "manifest.tsv";

  /** EAMS terms ({@code eams:}). */
  public static final String EAMS_NS = "https://ns.eams.vn/eams#";

  /** The IRI prefix of concepts (elements and relationships). */
  public static final String CONCEPT_PREFIX = "urn:eams:id:";

  private static final String AM_NAME = "https://ns.eams.vn/archimate#name";
  private static final Node RULE_ID = NodeFactory.createURI(EAMS_NS + "ruleId");
  private static final Node BASIS = NodeFactory.createURI(EAMS_NS + "basis");
  private static final Node HINT = NodeFactory.createURI(EAMS_NS + "hint");
  private static final Node REACH = NodeFactory.createURI(EAMS_NS + "reach");
  private static final org.apache.jena.rdf.model.Resource AM_RELATIONSHIP =
      org.apache.jena.rdf.model.ResourceFactory.createResource(
          "https://ns.eams.vn/archimate#Relationship");

  /** The reach of a rule that does not declare one: it is evaluated at every focus node. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  private static final List<Node> TARGETS =
      List.of(SHACL.targetClass, SHACL.targetNode, SHACL.targetSubjectsOf, SHACL.targetObjectsOf);
  private static final Pattern RULE_ID_PATTERN =
      Pattern.compile("policy(\\.[a-z0-9]+(-[a-z0-9]+)*)+");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_.-]+\\.ttl");
  private static final Pattern TEMPLATE_VAR = Pattern.compile("\\{[$?]([A-Za-z_][A-Za-z0-9_]*)\\}");
  private static final Map<Node, Severity> SEVERITIES =
      Map.of(
          SHACL.Violation, Severity.ERROR,
          SHACL.Warning, Severity.WARNING,
          SHACL.Info, Severity.INFO);

  /** One rule as loaded: the rule, its shape and its message templates. */
  private record Loaded(
      Rule rule, Node shape, String file, String messageVi, String messageEn, int reach) {

    Loaded withRule(Rule r) {
      return new Loaded(r, shape, file, messageVi, messageEn, reach);
    }
  }

  /**
   * A rule whose shape is a node shape with SPARQL constraints only: EAMS runs its SELECTs for each
   * focus node itself (pre-binding {@code $this}, as SHACL-SPARQL does), so that every variable of
   * the result row is available to the message templates.
   */
  private record Direct(Loaded rule, Shape shape, List<Query> queries) {}

  /** A rule file's name (for messages) and text. */
  private record Source(String name, String text) {}

  private final List<Loaded> loaded;
  private final List<Rule> rules;
  private final List<Direct> direct;
  private final Map<Node, Loaded> byShapeNode;
  private final Optional<Shapes> jenaShapes;

  private PolicyRules(
      List<Loaded> loaded,
      List<Direct> direct,
      Map<Node, Loaded> byShapeNode,
      Optional<Shapes> jenaShapes) {
    this.loaded = List.copyOf(loaded);
    this.rules = loaded.stream().map(Loaded::rule).toList();
    this.direct = List.copyOf(direct);
    this.byShapeNode = Map.copyOf(byShapeNode);
    this.jenaShapes = jenaShapes;
  }

  /**
   * Loads the shipped rules from the classpath of this class, then the {@code *.ttl} files of
   * {@code extraDir} when given.
   *
   * @param severityOverrides rule id → severity; ids of other rules are ignored
   * @throws PolicyRulesException listing every problem; nothing is loaded then
   */
  public static PolicyRules load(Optional<Path> extraDir, Map<String, Severity> severityOverrides) {
    return load(PolicyRules.class.getClassLoader(), extraDir, severityOverrides);
  }

  /** As {@link #load(Optional, Map)}, from the classpath of {@code loader}. */
  public static PolicyRules load(
      ClassLoader loader, Optional<Path> extraDir, Map<String, Severity> severityOverrides) {
    List<String> problems = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    String manifest = CLASSPATH_ROOT + "/" + MANIFEST;
    Optional<String> text = readClasspath(loader, manifest, problems);
    if (text.isEmpty()) {
      problems.add(manifest + ": not found on the classpath (the build copies metamodel/)");
    } else {
      for (String file : manifestFiles(manifest, text.get(), problems)) {
        String name = CLASSPATH_ROOT + "/" + file;
        readClasspath(loader, name, problems)
            .ifPresentOrElse(
                t -> sources.add(new Source(name, t)),
                () ->
                    problems.add(
                        manifest + ": lists " + file + ", which is not found on the classpath"));
      }
    }
    extraDir.ifPresent(dir -> sources.addAll(readExtraDir(dir, problems)));
    return build(sources, problems, severityOverrides);
  }

  /**
   * Loads the rules that {@code rulesDir/manifest.tsv} lists from the directory {@code rulesDir}
   * (e.g. {@code metamodel/rules} of a checkout), then the {@code *.ttl} files of {@code extraDir}.
   */
  public static PolicyRules fromDirectory(
      Path rulesDir, Optional<Path> extraDir, Map<String, Severity> severityOverrides) {
    List<String> problems = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    Path manifest = rulesDir.resolve(MANIFEST);
    Optional<String> text = readFile(manifest, problems);
    if (text.isPresent()) {
      for (String file : manifestFiles(manifest.toString(), text.get(), problems)) {
        Path path = rulesDir.resolve(file);
        if (Files.isRegularFile(path)) {
          readFile(path, problems).ifPresent(t -> sources.add(new Source(path.toString(), t)));
        } else {
          problems.add(manifest + ": lists " + file + ", which does not exist");
        }
      }
    }
    extraDir.ifPresent(dir -> sources.addAll(readExtraDir(dir, problems)));
    return build(sources, problems, severityOverrides);
  }

  /** The rules in load order (kind POLICY), with the severity overrides applied. */
  public List<Rule> rules() {
    return rules;
  }

  /** The rule with this id, if loaded. */
  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * Validates the RDF form of a model (the vocabulary of docs/rdf.md) against every rule.
   *
   * <p>The focus nodes of each rule are its shape's SHACL targets (Jena SHACL). A rule made of
   * SPARQL constraints ({@code sh:sparql}) gives one finding per row of its SELECT, run with {@code
   * $this} bound to the focus node; any other rule is validated by Jena's SHACL engine and gives
   * one finding per result. A finding's messages are the rule's {@code sh:message} templates with
   * {@code {$this}}, {@code {?value}} and the row's other variables filled in; a variable bound to
   * a concept shows the concept's name in the message's language. Its concept ids are the focus
   * node's, then the value's when it is another concept.
   */
  public List<Finding> validate(Model data) {
    return validate(data, Map.of(), false);
  }

  /**
   * Validates only where a change can matter: a rule that declares its reach ({@code eams:reach},
   * the most relationships between its focus node and any concept it reports) is evaluated at the
   * focus nodes whose distance in {@code distance} is at most that reach; a rule without a reach at
   * every focus node. A proposal's check passes the distances from what the proposal builds or
   * changes: every finding that names one of those concepts is found, at a fraction of the cost.
   *
   * @param distance relationships from the changed concepts, by concept node; absent is far
   */
  public List<Finding> validateNear(Model data, Map<Node, Integer> distance) {
    return validate(data, distance, true);
  }

  /** The largest declared reach of any rule, {@link #UNBOUNDED} when none declares one. */
  public int maxDeclaredReach() {
    int max = 0;
    for (Direct d : direct) {
      if (d.rule().reach() != UNBOUNDED) {
        max = Math.max(max, d.rule().reach());
      }
    }
    return max;
  }

  private List<Finding> validate(Model data, Map<Node, Integer> distance, boolean near) {
    Objects.requireNonNull(data, "data");
    LinkedHashSet<Finding> findings = new LinkedHashSet<>();
    Graph graph = data.getGraph();
    for (Direct d : direct) {
      int reach = d.rule().reach();
      List<Node> focusNodes = new ArrayList<>(VLib.focusNodes(graph, d.shape()));
      if (near && reach != UNBOUNDED) {
        focusNodes.removeIf(n -> distance.getOrDefault(n, UNBOUNDED) > reach);
      }
      focusNodes.sort(Comparator.comparing(Node::toString));
      for (Node focusNode : focusNodes) {
        RDFNode focus = data.asRDFNode(focusNode);
        for (Query query : d.queries()) {
          try (QueryExecution exec =
              QueryExecution.create()
                  .query(query)
                  .model(data)
                  .substitution("this", focus)
                  .build()) {
            ResultSet rs = exec.execSelect();
            while (rs.hasNext()) {
              QuerySolution row = rs.next();
              Map<String, RDFNode> vars = new HashMap<>();
              row.varNames().forEachRemaining(name -> vars.put(name, row.get(name)));
              vars.put("this", focus);
              findings.add(finding(d.rule(), vars, focusNode, row.get("value")));
            }
          }
        }
      }
    }
    jenaShapes.ifPresent(
        shapes -> {
          ValidationReport report = ShaclValidator.get().validate(shapes, graph);
          for (ReportEntry entry : report.getEntries()) {
            Loaded rule = byShapeNode.get(entry.source());
            if (rule != null) {
              Map<String, RDFNode> vars = new HashMap<>();
              vars.put("this", data.asRDFNode(entry.focusNode()));
              RDFNode value = entry.value() == null ? null : data.asRDFNode(entry.value());
              vars.put("value", value);
              findings.add(finding(rule, vars, entry.focusNode(), value));
            }
          }
        });
    return List.copyOf(findings);
  }

  private static Finding finding(
      Loaded rule, Map<String, RDFNode> vars, Node focusNode, RDFNode value) {
    List<String> ids = new ArrayList<>();
    conceptId(focusNode).ifPresent(ids::add);
    if (value != null) {
      conceptId(value.asNode()).filter(id -> !ids.contains(id)).ifPresent(ids::add);
    }
    // a relationship the result row names is involved too (owners and the like are context)
    vars.entrySet().stream()
        .filter(en -> en.getValue() != null && en.getValue().isURIResource())
        .filter(en -> en.getValue().asResource().hasProperty(RDF.type, AM_RELATIONSHIP))
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            en ->
                conceptId(en.getValue().asNode())
                    .filter(id -> !ids.contains(id))
                    .ifPresent(ids::add));
    return new Finding(
        rule.rule(),
        render(rule.messageVi(), vars, "vi"),
        render(rule.messageEn(), vars, "en"),
        ids);
  }

  // ---- validation helpers

  /** The template with each {@code {$var}} / {@code {?var}} replaced by its value's text. */
  private static String render(String template, Map<String, RDFNode> vars, String lang) {
    Matcher m = TEMPLATE_VAR.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      RDFNode node = vars.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(text(node, lang)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** A concept's name in {@code lang}, a literal's text, another IRI's local name. */
  private static String text(RDFNode node, String lang) {
    if (node == null || node.isAnon()) {
      return "";
    }
    if (node.isLiteral()) {
      return node.asLiteral().getLexicalForm();
    }
    String uri = node.asResource().getURI();
    if (uri.startsWith(CONCEPT_PREFIX)) {
      return name(node.asResource(), lang).orElse(uri.substring(CONCEPT_PREFIX.length()));
    }
    int cut = Math.max(uri.lastIndexOf('#'), Math.max(uri.lastIndexOf('/'), uri.lastIndexOf(':')));
    return cut >= 0 && cut < uri.length() - 1 ? uri.substring(cut + 1) : uri;
  }

  /**
   * The name in {@code lang}; for Vietnamese, the name in the model's language (any tag but en);
   * then any name.
   */
  private static Optional<String> name(Resource concept, String lang) {
    List<Literal> names = new ArrayList<>();
    StmtIterator it = concept.listProperties(concept.getModel().createProperty(AM_NAME));
    while (it.hasNext()) {
      RDFNode o = it.next().getObject();
      if (o.isLiteral()) {
        names.add(o.asLiteral());
      }
    }
    Optional<Literal> exact =
        names.stream().filter(l -> l.getLanguage().equalsIgnoreCase(lang)).findFirst();
    if (exact.isEmpty() && !lang.equals("en")) {
      exact = names.stream().filter(l -> !l.getLanguage().equalsIgnoreCase("en")).findFirst();
    }
    if (exact.isEmpty()) {
      exact = names.stream().findFirst();
    }
    return exact.map(Literal::getLexicalForm).filter(s -> !s.isBlank());
  }

  private static Optional<String> conceptId(Node node) {
    if (node != null && node.isURI() && node.getURI().startsWith(CONCEPT_PREFIX)) {
      return Optional.of(node.getURI().substring(CONCEPT_PREFIX.length()));
    }
    return Optional.empty();
  }

  // ---- loading

  private static PolicyRules build(
      List<Source> sources, List<String> problems, Map<String, Severity> overrides) {
    Graph union = GraphFactory.createDefaultGraph();
    List<Loaded> loaded = new ArrayList<>();
    Map<String, String> fileOfId = new HashMap<>();
    for (Source source : sources) {
      Optional<Model> model = parse(source, problems);
      if (model.isEmpty()) {
        continue;
      }
      List<Loaded> fileRules = rulesOf(source, model.get(), problems);
      try {
        Shapes.parse(model.get().getGraph());
      } catch (RuntimeException e) {
        problems.add(
            source.name()
                + ": the shapes are not valid SHACL: "
                + firstLine(e.getMessage())
                + " (check the sh:select query and the shape's SHACL terms)");
        continue;
      }
      for (Loaded rule : fileRules) {
        String previous = fileOfId.putIfAbsent(rule.rule().id(), source.name());
        if (previous != null) {
          problems.add(
              source.name()
                  + ": rule id "
                  + rule.rule().id()
                  + " is already used in "
                  + previous
                  + " (every eams:ruleId must be unique)");
        }
      }
      loaded.addAll(fileRules);
      model.get().getGraph().find().forEachRemaining(union::add);
    }
    if (!problems.isEmpty()) {
      throw new PolicyRulesException(problems);
    }
    Shapes shapes;
    try {
      shapes = Shapes.parse(union);
    } catch (RuntimeException e) {
      throw new PolicyRulesException(
          List.of(
              "the rule files together are not valid SHACL: "
                  + firstLine(e.getMessage())
                  + " (two files may describe the same shape IRI)"));
    }
    Set<Node> ruleShapes = new HashSet<>();
    loaded.forEach(l -> ruleShapes.add(l.shape()));
    Map<Node, Loaded> byShape = new HashMap<>();
    List<Loaded> withOverrides = new ArrayList<>();
    List<Direct> direct = new ArrayList<>();
    Graph forJena = GraphFactory.createDefaultGraph();
    union.find().forEachRemaining(forJena::add);
    boolean anyForJena = false;
    for (Loaded l : loaded) {
      Severity s = overrides.get(l.rule().id());
      Loaded o = s == null ? l : l.withRule(l.rule().withSeverity(s));
      withOverrides.add(o);
      Shape shape = shapes.getShape(l.shape());
      Optional<List<Query>> queries = sparqlOnly(shape);
      if (queries.isPresent()) {
        direct.add(new Direct(o, shape, queries.get()));
        // Jena validates the other rules only: without targets this shape is not validated.
        for (Node target : TARGETS) {
          forJena.find(l.shape(), target, Node.ANY).toList().forEach(forJena::delete);
        }
      } else {
        anyForJena = true;
        for (Node n : reachableShapes(union, l.shape(), ruleShapes)) {
          byShape.putIfAbsent(n, o);
        }
      }
    }
    Optional<Shapes> jenaShapes =
        anyForJena ? Optional.of(Shapes.parse(forJena)) : Optional.empty();
    return new PolicyRules(withOverrides, direct, byShape, jenaShapes);
  }

  /** The SELECT queries of a node shape made only of SPARQL constraints, else empty. */
  private static Optional<List<Query>> sparqlOnly(Shape shape) {
    if (shape == null
        || !shape.isNodeShape()
        || shape.deactivated()
        || !shape.getPropertyShapes().isEmpty()
        || shape.getConstraints().isEmpty()) {
      return Optional.empty();
    }
    List<Query> queries = new ArrayList<>();
    for (Constraint c : shape.getConstraints()) {
      if (!(c instanceof SparqlConstraint sparql) || !sparql.getQuery().isSelectType()) {
        return Optional.empty();
      }
      queries.add(sparql.getQuery());
    }
    return Optional.of(List.copyOf(queries));
  }

  private static Optional<Model> parse(Source source, List<String> problems) {
    Model model = ModelFactory.createDefaultModel();
    List<String> errors = new ArrayList<>();
    ErrorHandler handler =
        new ErrorHandler() {
          @Override
          public void warning(String message, long line, long col) {
            errors.add(at(source.name(), line, col) + message);
          }

          @Override
          public void error(String message, long line, long col) {
            errors.add(at(source.name(), line, col) + message);
          }

          @Override
          public void fatal(String message, long line, long col) {
            errors.add(at(source.name(), line, col) + message);
            throw new RiotException(message);
          }
        };
    try {
      RDFParser.create()
          .fromString(source.text())
          .lang(Lang.TURTLE)
          .errorHandler(handler)
          .parse(model);
    } catch (RiotException e) {
      if (errors.isEmpty()) {
        errors.add(source.name() + ": " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      errors.forEach(e -> problems.add(e + " (the file must be valid Turtle)"));
      return Optional.empty();
    }
    return Optional.of(model);
  }

  private static String at(String file, long line, long col) {
    return line > 0 ? file + ":" + line + ":" + Math.max(col, 1) + ": " : file + ": ";
  }

  /** The top-level shapes of one file, each checked to carry the rule's metadata. */
  private static List<Loaded> rulesOf(Source source, Model model, List<String> problems) {
    Graph g = model.getGraph();
    Set<Node> candidates = new LinkedHashSet<>();
    g.find(Node.ANY, RDF.type.asNode(), SHACL.NodeShape)
        .forEachRemaining(t -> candidates.add(t.getSubject()));
    g.find(Node.ANY, RDF.type.asNode(), SHACL.PropertyShape)
        .forEachRemaining(t -> candidates.add(t.getSubject()));
    for (Node p :
        List.of(
            SHACL.targetClass,
            SHACL.targetNode,
            SHACL.targetSubjectsOf,
            SHACL.targetObjectsOf,
            RULE_ID)) {
      g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> candidates.add(t.getSubject()));
    }
    List<Node> topLevel = new ArrayList<>();
    for (Node c : candidates) {
      boolean nested =
          g.find(Node.ANY, Node.ANY, c)
              .filterKeep(t -> t.getPredicate().getURI().startsWith(SHACL.getURI()))
              .hasNext();
      if (!nested) {
        topLevel.add(c);
      }
    }
    if (topLevel.isEmpty()) {
      problems.add(
          source.name()
              + ": no rule in this file (a rule is a sh:NodeShape with eams:ruleId, sh:name,"
              + " sh:message, sh:severity and eams:basis)");
      return List.of();
    }
    List<Loaded> out = new ArrayList<>();
    for (Node shape : topLevel) {
      String where = where(source, model, shape);
      List<String> missing = new ArrayList<>();
      Optional<String> id = one(g, shape, RULE_ID);
      if (id.isEmpty()) {
        missing.add("eams:ruleId (one id such as \"policy.my-rule\")");
      } else if (!RULE_ID_PATTERN.matcher(id.get()).matches()) {
        problems.add(
            where
                + ": eams:ruleId \""
                + id.get()
                + "\" is not a policy rule id (write policy.<words-with-dashes>, e.g."
                + " policy.integration-via-platform)");
      }
      Optional<String> titleVi = lang(g, shape, SHACL.name, "vi");
      Optional<String> titleEn = lang(g, shape, SHACL.name, "en");
      Optional<String> messageVi = lang(g, shape, SHACL.message, "vi");
      Optional<String> messageEn = lang(g, shape, SHACL.message, "en");
      if (titleVi.isEmpty()) {
        missing.add("sh:name \"...\"@vi (title in Vietnamese)");
      }
      if (titleEn.isEmpty()) {
        missing.add("sh:name \"...\"@en (title in English)");
      }
      if (messageVi.isEmpty()) {
        missing.add("sh:message \"...\"@vi (message in Vietnamese)");
      }
      if (messageEn.isEmpty()) {
        missing.add("sh:message \"...\"@en (message in English)");
      }
      List<Node> severityNodes =
          g.find(shape, SHACL.severity, Node.ANY).mapWith(Triple::getObject).toList();
      Severity severity = null;
      if (severityNodes.isEmpty()) {
        missing.add("sh:severity (sh:Violation, sh:Warning or sh:Info)");
      } else if (severityNodes.size() > 1 || !SEVERITIES.containsKey(severityNodes.get(0))) {
        problems.add(
            where + ": sh:severity must be exactly one of sh:Violation, sh:Warning, sh:Info");
      } else {
        severity = SEVERITIES.get(severityNodes.get(0));
      }
      int reach = UNBOUNDED;
      List<Node> reachNodes = g.find(shape, REACH, Node.ANY).mapWith(Triple::getObject).toList();
      if (!reachNodes.isEmpty()) {
        Node r = reachNodes.get(0);
        if (reachNodes.size() > 1
            || !r.isLiteral()
            || !r.getLiteralLexicalForm().strip().matches("\\d{1,2}")) {
          problems.add(
              where
                  + ": eams:reach must be one whole number of relationships (0 to 99) between the"
                  + " focus node and every concept the rule reports; leave it out if there is no"
                  + " such bound");
        } else {
          reach = Integer.parseInt(r.getLiteralLexicalForm().strip());
        }
      }
      Optional<String> basis = one(g, shape, BASIS);
      if (basis.isEmpty()) {
        missing.add("eams:basis (the article cited, e.g. \"NĐ 85/2016/NĐ-CP, Điều 9\")");
      }
      if (!missing.isEmpty()) {
        problems.add(where + ": missing " + String.join("; ", missing));
      }
      if (missing.isEmpty() && severity != null && RULE_ID_PATTERN.matcher(id.get()).matches()) {
        Rule rule =
            new Rule(
                id.get(),
                Rule.Kind.POLICY,
                severity,
                titleVi.get(),
                titleEn.get(),
                lang(g, shape, HINT, "vi").orElse(""),
                lang(g, shape, HINT, "en").orElse(""),
                basis.get());
        out.add(new Loaded(rule, shape, source.name(), messageVi.get(), messageEn.get(), reach));
      }
    }
    return out;
  }

  /** {@code file:line: shape <name>} for the shape, the line where its name first appears. */
  private static String where(Source source, Model model, Node shape) {
    if (!shape.isURI()) {
      return source.name() + ": a blank-node shape (give each rule shape an IRI)";
    }
    String uri = shape.getURI();
    String shortName = model.shortForm(uri);
    String[] lines = source.text().split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("#")) {
        continue;
      }
      if (containsName(l, shortName) || l.contains("<" + uri + ">")) {
        return source.name() + ":" + (i + 1) + ": shape " + shortName;
      }
    }
    return source.name() + ": shape " + shortName;
  }

  private static boolean containsName(String line, String name) {
    int i = line.indexOf(name);
    while (i >= 0) {
      int end = i + name.length();
      boolean startOk = i == 0 || !isNameChar(line.charAt(i - 1));
      boolean endOk = end == line.length() || !isNameChar(line.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      i = line.indexOf(name, i + 1);
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':';
  }

  private static Optional<String> one(Graph g, Node s, Node p) {
    List<Node> values = g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    if (values.size() != 1 || !values.get(0).isLiteral()) {
      return Optional.empty();
    }
    String v = values.get(0).getLiteralLexicalForm().strip();
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  private static Optional<String> lang(Graph g, Node s, Node p, String lang) {
    return g
        .find(s, p, Node.ANY)
        .mapWith(Triple::getObject)
        .filterKeep(o -> o.isLiteral() && o.getLiteralLanguage().equalsIgnoreCase(lang))
        .toList()
        .stream()
        .map(o -> o.getLiteralLexicalForm().strip())
        .filter(v -> !v.isEmpty())
        .findFirst();
  }

  /** The shape and the nested shapes and constraint nodes under it (not other rules). */
  private static Set<Node> reachableShapes(Graph g, Node start, Set<Node> ruleShapes) {
    Set<Node> seen = new LinkedHashSet<>();
    Deque<Node> todo = new ArrayDeque<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      Node n = todo.poll();
      if (!seen.add(n)) {
        continue;
      }
      g.find(n, Node.ANY, Node.ANY)
          .forEachRemaining(
              t -> {
                Node o = t.getObject();
                if ((o.isBlank() || (o.isURI() && g.contains(o, Node.ANY, Node.ANY)))
                    && !ruleShapes.contains(o)) {
                  todo.add(o);
                }
              });
    }
    return seen;
  }

  private static List<String> manifestFiles(String name, String text, List<String> problems) {
    List<String> files = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    boolean header = false;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!line.equals("file")) {
          problems.add(
              name + ":" + (i + 1) + ": the header must be \"file\", found \"" + line + "\"");
          return List.of();
        }
        header = true;
        continue;
      }
      if (!FILE_NAME.matcher(line).matches()) {
        problems.add(
            name
                + ":"
                + (i + 1)
                + ": \""
                + line
                + "\" is not a rule file name (a name ending in .ttl in this folder, no path)");
      } else if (!seen.add(line)) {
        problems.add(name + ":" + (i + 1) + ": " + line + " is listed twice");
      } else {
        files.add(line);
      }
    }
    if (!header) {
      problems.add(name + ": no header line \"file\"");
    }
    return files;
  }

  private static List<Source> readExtraDir(Path dir, List<String> problems) {
    if (!Files.isDirectory(dir)) {
      problems.add(dir + ": the extra rules directory does not exist or is not a directory");
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttl"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    } catch (IOException e) {
      problems.add(dir + ": cannot be listed: " + e.getMessage());
      return List.of();
    }
    List<Source> sources = new ArrayList<>();
    for (Path f : files) {
      readFile(f, problems).ifPresent(t -> sources.add(new Source(f.toString(), t)));
    }
    return sources;
  }

  private static Optional<String> readFile(Path path, List<String> problems) {
    try {
      return decode(path.toString(), Files.readAllBytes(path), problems);
    } catch (IOException e) {
      problems.add(path + ": cannot be read: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<String> readClasspath(
      ClassLoader loader, String name, List<String> problems) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        return Optional.empty();
      }
      return decode(name, in.readAllBytes(), problems);
    } catch (IOException e) {
      problems.add(name + ": cannot be read: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<String> decode(String name, byte[] bytes, List<String> problems) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      problems.add(name + ": is not valid UTF-8 (save it as UTF-8)");
      return Optional.empty();
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public String toString() {
    Map<String, String> ids = new LinkedHashMap<>();
    loaded.forEach(l -> ids.put(l.rule().id(), l.file()));
    return "PolicyRules" + ids;
  }
}
