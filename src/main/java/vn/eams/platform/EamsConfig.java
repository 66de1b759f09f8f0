package vn.eams.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** EAMS settings (prefix {@code eams}). */
@ConfigMapping(prefix = "eams")
public interface EamsConfig {

  /** Graph store settings. */
  Neo4j neo4j();

  /** Metamodel settings. */
  MetamodelSettings metamodel();

  /** Limits applied to API requests. */
  Api api();

  /** Limits of the GraphQL endpoint (docs/graphql.md). */
  Graphql graphql();

  /** The model loaded into an empty repository at the first start. */
  ShippedModel shippedModel();

  /** The server-sent events of model changes (docs/operations/configuration.md). */
  Events events();

  /** Sign-in, sessions, API tokens and anonymous reading (docs/operations/security.md). */
  Security security();

  /**
   * Single sign-on through the province's OpenID Connect provider (docs/operations/security.md).
   */
  Sso sso();

  /** How the claims of the identity provider's ID token become an EAMS account. */
  interface Sso {
    /** The claim that holds the user name (an account of that name is used or created). */
    @WithDefault("preferred_username")
    String usernameClaim();

    /** The claim that holds the full name. */
    @WithDefault("name")
    String nameClaim();

    /** The claim whose values (a list or one text) are mapped to a role by {@link #roles()}. */
    @WithDefault("groups")
    String roleClaim();

    /** The claim that holds the id of a department user's agency element. */
    @WithDefault("agency")
    String agencyClaim();

    /**
     * Values of the role claim to role keys; the most powerful role a user's values map to wins.
     */
    java.util.Map<String, String> roles();

    /** The role of users none of whose values map to a role; unset: such users are refused. */
    Optional<String> defaultRole();
  }

  /** Model checks and policy rules (docs/compliance.md). */
  Compliance compliance();

  /** Model checks and policy rules. */
  interface Compliance {
    /**
     * The severity of a rule by its id, over the one its file gives: {@code error}, {@code warning}
     * or {@code info}, e.g. {@code eams.compliance.severity."archimate.empty-view"=info}.
     */
    java.util.Map<String, String> severity();

    /**
     * A folder whose {@code *.ttl} policy rules are loaded after the shipped ones; an administrator
     * reloads them without a restart.
     */
    Optional<String> rulesDirectory();
  }

  /** Investment appraisal (docs/appraisal-rules.md). */
  Appraisal appraisal();

  /** Investment appraisal. */
  interface Appraisal {
    /**
     * The folder of the appraisal rule-sets (routes, checklist, holiday calendar, portfolio
     * weights, cost models), relative to the working directory; when it does not exist, the
     * rule-sets shipped with the application are used.
     */
    @WithDefault("metamodel/rulesets")
    String rulesetsDirectory();
  }

  /** Webhooks: how often they are looked at, how deliveries are retried. */
  Webhooks webhooks();

  /** Webhooks. */
  interface Webhooks {
    /** How often the change log is read for webhooks and due deliveries are sent. */
    @WithDefault("1s")
    java.time.Duration pollInterval();

    /** The wait before the first retry; each further retry waits twice as long. */
    @WithDefault("30s")
    java.time.Duration retryBase();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    java.time.Duration retryMax();

    /** Attempts before a delivery is given up as failed. */
    @WithDefault("10")
    int maxAttempts();

    /** How long the receiver may take to answer one attempt. */
    @WithDefault("10s")
    java.time.Duration timeout();
  }

  /**
   * The first administrator's password ({@code EAMS_ADMIN_PASSWORD}); used only when the account
   * store holds no user. When unset, a random password is printed once to the log.
   */
  Optional<String> adminPassword();

  /** Sign-in, sessions, API tokens and anonymous reading. */
  interface Security {
    /** Whether visitors who are not signed in may read the catalogue, element and view pages. */
    @WithDefault("true")
    boolean anonymousRead();

    /**
     * The key that signs session cookies (at least 32 characters). Every node of a cluster must use
     * the same key; when unset, one is generated at the first start and kept in the relational
     * store, which the nodes share.
     */
    Optional<String> sessionKey();

    /** How long a sign-in lasts. */
    @WithDefault("PT12H")
    java.time.Duration sessionLifetime();

    /** Failed sign-ins in a row that lock an account. */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long a locked account stays locked. */
    @WithDefault("PT15M")
    java.time.Duration lockout();

    /** The bcrypt cost (work factor) of new password hashes, 10..16. */
    @WithDefault("12")
    int bcryptCost();

    /** Whether the session cookie is sent over HTTPS only (set when TLS ends at a proxy). */
    @WithDefault("false")
    boolean secureCookie();
  }

  /** Limits of file imports (docs/operations/configuration.md). */
  @io.smallrye.config.WithName("import")
  Import importing();

  /** Limits of file imports. */
  interface Import {
    /** Largest file accepted, uploaded or unzipped. */
    @WithDefault("200M")
    io.quarkus.runtime.configuration.MemorySize maxBytes();

    /** Most entries in a zipped file. */
    @WithDefault("10000")
    int maxZipEntries();

    /** Largest uncompressed / compressed ratio of a zip entry. */
    @WithDefault("100")
    int maxZipRatio();
  }

  /**
   * The class-data training run of the build ({@code eams.training-run=true}): after start-up the
   * application sends itself a few representative requests and exits, so that the JVM can write the
   * class-data archive that speeds up later starts (docs/operations/configuration.md).
   */
  @WithDefault("false")
  boolean trainingRun();

  /** The training run's class-loading log ({@code -Xlog:class+load}), to link what it names. */
  Optional<String> trainingClassLog();

  /** Graph store settings. */
  interface Neo4j {
    /**
     * Bolt or neo4j URI of an external Neo4j server or cluster. When set, the embedded DBMS is not
     * started.
     */
    Optional<String> uri();

    /** Name of the Neo4j database that holds the architecture. */
    @WithDefault("neo4j")
    String database();

    /** The in-process DBMS used when no external URI is configured. */
    Embedded embedded();
  }

  /** The in-process DBMS. */
  interface Embedded {
    /** Home directory of the embedded DBMS (store files, transaction logs, debug.log). */
    @WithDefault("data/neo4j")
    String directory();

    /** Loopback port of the embedded Bolt connector (a free one is chosen when not set). */
    int boltPort();

    /** Page cache size, e.g. 64m, 512m, 2g. */
    @WithDefault("128m")
    String pageCache();

    /** Delete the store at start (tests only). */
    @WithDefault("false")
    boolean cleanStart();

    /**
     * Most memory one transaction may use, e.g. 512m (Neo4j's db.memory.transaction.max); 0, the
     * default, leaves only the DBMS-wide limit (70 % of the heap).
     */
    @WithDefault("0")
    String transactionMemoryMax();
  }

  /** Metamodel settings. */
  interface MetamodelSettings {
    /** Extra profile folders on the file system, loaded after the shipped ones. */
    Optional<List<String>> extraProfiles();
  }

  /** The server-sent events of model changes ({@code GET /api/models/{id}/events}). */
  interface Events {
    /** How often the change log is read for changes made through other application nodes. */
    @WithDefault("1s")
    java.time.Duration pollInterval();

    /** How long an event stream may stay silent before a keep-alive comment is sent. */
    @WithDefault("15s")
    java.time.Duration keepAlive();
  }

  /** API limits. */
  interface Api {
    /** Largest page a list endpoint returns. */
    @WithDefault("1000")
    int maxPageSize();

    /** Largest number of operations in one batch request. */
    @WithDefault("100000")
    int maxBatchOperations();
  }

  /** Limits of the GraphQL endpoint, checked before a query runs (time: while it runs). */
  interface Graphql {
    /** Deepest nesting of fields a query may have. */
    @WithDefault("15")
    int maxDepth();

    /**
     * Highest cost a query may have: 1 per field; a connection's content counts once per item of
     * its page ({@code first} or {@code last}, else the default page size), and the content of
     * {@code impact} once per element it may list ({@code limit}).
     */
    @WithDefault("100000")
    int maxComplexity();

    /** Largest {@code first} or {@code last} of a connection. */
    @WithDefault("500")
    int maxPageSize();

    /** Page size of a connection queried without {@code first} or {@code last}. */
    @WithDefault("50")
    int defaultPageSize();

    /**
     * Longest time a query may run: each of its graph reads gets the time left as its transaction
     * timeout, so the DBMS terminates a statement still running then; that field and the fields
     * fetched later answer with a timeout error.
     */
    @WithDefault("10s")
    java.time.Duration timeout();

    /**
     * How many parsed and validated queries are kept, by their text, for clients that send the same
     * query again; 0 keeps none.
     */
    @WithDefault("500")
    int documentCacheSize();
  }

  /** The shipped model (model/README.md). */
  interface ShippedModel {
    /** Load it into an empty repository at start. */
    @WithDefault("true")
    boolean enabled();

    /** Classpath folder of the model package. */
    @WithDefault("model/tra-vinh-v1.0")
    String path();

    /** Classpath folder of its views. */
    @WithDefault("views/tra-vinh-v1.0")
    String viewsPath();
  }
}
