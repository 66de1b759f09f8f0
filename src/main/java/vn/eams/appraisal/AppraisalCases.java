package vn.eams.appraisal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import vn.eams.accounts.Caller;
import vn.eams.accounts.Right;
import vn.eams.appraisal.rules.Funding;
import vn.eams.model.Element;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelKind;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelSnapshot;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Opens, reads and moves appraisal cases: who may see a case (reviewers every case, a department
 * its own agency's), the route and statutory deadline from the dated rule-set, the checklist
 * verdicts, the dossier files, the estimate and the decision. Every change is one SQL transaction
 * and adds a line to the case's history.
 */
@ApplicationScoped
public class AppraisalCases {

  /** Dates of the province: deadlines and days left are counted in Vietnam's time zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final String FUNDINGS =
      String.join(", ", java.util.Arrays.stream(Funding.values()).map(Funding::key).toList());

  private final ModelQueries queries;
  private final RouteRules routes;

  AppraisalCases(ModelQueries queries, RouteRules routes) {
    this.queries = queries;
    this.routes = routes;
  }

  /** What opens a case. Absent values are suggested: the route, the title, the received date. */
  public record OpenInput(
      String proposalId,
      Optional<String> title,
      Optional<String> agencyId,
      Optional<String> funding,
      Optional<Long> totalVnd,
      Optional<Integer> securityLevel,
      Optional<Integer> roadmapPhase,
      Optional<String> routeId,
      Optional<LocalDate> receivedOn,
      Optional<Long> benefitVnd) {}

  /** Which cases a list shows; empty values do not filter. */
  public record Filter(
      Optional<String> status,
      Optional<String> agencyId,
      Optional<String> routeId,
      Optional<Integer> roadmapPhase,
      Optional<String> proposalId) {
    public static Filter all() {
      return new Filter(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /** Today in the province. */
  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  // ---- who may do what ----------------------------------------------------------------------

  /** True when the caller handles every case (reviewers, administrators). */
  public static boolean reviewer(Caller c) {
    return c.may(Right.REVIEW);
  }

  /** Refuses callers who neither review nor belong to an agency. */
  static void requireCaseUser(Caller c) {
    if (!reviewer(c) && c.agencyId().isEmpty()) {
      throw new ProblemException(
          403,
          "forbidden",
          "Forbidden",
          "Appraisal cases are handled by reviewers and followed by the proposing agency's staff;"
              + " your account is neither. Ask an administrator for the reviewer role, or to bind"
              + " your account to your agency.",
          List.of(),
          null);
    }
  }

  static void requireReviewer(Caller c) {
    if (!reviewer(c)) {
      throw new ProblemException(
          403, "forbidden", "Forbidden", "Only reviewers may do this to a case.", List.of(), null);
    }
  }

  /** The case, if the caller may see it; others' cases answer 404 as if they did not exist. */
  public AppraisalCase get(long id, Caller c) {
    requireCaseUser(c);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              AppraisalCase k = AppraisalCase.findById(id);
              if (k == null || !visible(k, c)) {
                throw ProblemException.notFound("appraisal case", Long.toString(id));
              }
              return k;
            });
  }

  static boolean visible(AppraisalCase k, Caller c) {
    return reviewer(c) || c.agencyId().map(a -> a.equals(k.agencyId)).orElse(false);
  }

  /** The cases the caller may see that pass the filter, newest first. */
  public List<AppraisalCase> list(Filter f, Caller c) {
    requireCaseUser(c);
    Optional<CaseStatus> status = Optional.empty();
    if (f.status().isPresent()) {
      status =
          Optional.of(
              CaseStatus.of(f.status().get())
                  .orElseThrow(
                      () ->
                          ProblemException.badRequest(
                              "Unknown status '" + f.status().get() + "'.",
                              List.of(
                                  Problem.Error.field(
                                      "status",
                                      "unknown-status",
                                      "Use one of " + CaseStatus.keys() + ".")))));
    }
    Optional<CaseStatus> st = status;
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AppraisalCase.<AppraisalCase>list("order by id desc").stream()
                    .filter(k -> visible(k, c))
                    .filter(k -> st.map(s -> s.key().equals(k.status)).orElse(true))
                    .filter(k -> f.agencyId().map(a -> a.equals(k.agencyId)).orElse(true))
                    .filter(k -> f.routeId().map(r -> r.equals(k.routeId)).orElse(true))
                    .filter(
                        k ->
                            f.roadmapPhase()
                                .map(p -> k.roadmapPhase != null && p.equals(k.roadmapPhase))
                                .orElse(true))
                    .filter(k -> f.proposalId().map(p -> p.equals(k.proposalId)).orElse(true))
                    .toList());
  }

  // ---- opening -------------------------------------------------------------------------------

  /** Opens a case on a proposal; a department may open one only for its own agency. */
  public AppraisalCase open(OpenInput in, Caller c) {
    requireCaseUser(c);
    List<Problem.Error> errors = new ArrayList<>();
    String proposalId = in.proposalId() == null ? "" : in.proposalId().strip();
    Optional<ModelInfo> proposal =
        proposalId.isEmpty() ? Optional.empty() : queries.model(proposalId);
    String baselineId = "";
    if (proposalId.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "proposalId", "required", "Give the id of the proposal model to appraise."));
    } else if (proposal.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "proposalId",
              "unknown-model",
              "No model '"
                  + proposalId
                  + "' exists; import the proposal first (docs/compliance.md)."));
    } else if (!ModelKind.isProposal(proposal.get().data())) {
      errors.add(
          Problem.Error.field(
              "proposalId",
              "not-a-proposal",
              "Model '"
                  + proposalId
                  + "' is an architecture; a case appraises a proposal (eams:kind = proposal)."));
    } else {
      baselineId = ModelKind.baseline(proposal.get().data()).orElse("");
    }
    Optional<ModelSnapshot> proposalSnapshot =
        errors.isEmpty() ? queries.snapshot(proposalId) : Optional.empty();

    String agency = in.agencyId().map(String::strip).filter(s -> !s.isEmpty()).orElse("");
    if (!reviewer(c)) {
      String own = c.agencyId().orElseThrow();
      if (!agency.isEmpty() && !agency.equals(own)) {
        errors.add(
            Problem.Error.field(
                "agencyId",
                "not-your-agency",
                "A department opens cases for its own agency '"
                    + own
                    + "' only; leave agencyId out."));
      }
      agency = own;
    }
    if (agency.isEmpty() && proposalSnapshot.isPresent()) {
      agency = ProposalFacts.agency(proposalSnapshot.get()).orElse("");
    }
    if (agency.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "agencyId",
              "required",
              "Give the id of the proposing agency (a BusinessActor of the baseline)."));
    } else if (!baselineId.isEmpty()) {
      Optional<Element> a = queries.element(agency);
      if (a.isEmpty()
          || !a.get().modelId().equals(baselineId)
          || !"BusinessActor".equals(a.get().type())) {
        errors.add(
            Problem.Error.field(
                "agencyId",
                "unknown-agency",
                "'"
                    + agency
                    + "' is not a BusinessActor of the baseline '"
                    + baselineId
                    + "'; use an agency of the architecture."));
      }
    }

    Optional<Funding> funding = Optional.empty();
    if (in.funding().isEmpty()) {
      errors.add(Problem.Error.field("funding", "required", "Give the funding: " + FUNDINGS + "."));
    } else {
      funding = Funding.byKey(in.funding().get());
      if (funding.isEmpty()) {
        errors.add(
            Problem.Error.field(
                "funding",
                "unknown-funding",
                "'" + in.funding().get() + "' is not a funding; use one of " + FUNDINGS + "."));
      }
    }
    long total = in.totalVnd().orElse(-1L);
    if (in.totalVnd().isEmpty() || total < 0) {
      errors.add(
          Problem.Error.field(
              "totalVnd",
              in.totalVnd().isEmpty() ? "required" : "invalid-value",
              "Give the total investment or estimate in đồng, a whole number ≥ 0."));
    }
    OptionalInt level = OptionalInt.empty();
    if (in.securityLevel().isPresent()) {
      int l = in.securityLevel().get();
      if (l < 1 || l > 5) {
        errors.add(
            Problem.Error.field(
                "securityLevel", "invalid-value", "The security level is 1..5 (NĐ 85/2016)."));
      } else {
        level = OptionalInt.of(l);
      }
    } else if (proposalSnapshot.isPresent()) {
      level = ProposalFacts.securityLevel(proposalSnapshot.get());
    }
    if (in.roadmapPhase().isPresent() && in.roadmapPhase().get() < 1) {
      errors.add(
          Problem.Error.field(
              "roadmapPhase", "invalid-value", "Roadmap phases are numbered from 1."));
    }
    if (in.benefitVnd().isPresent() && in.benefitVnd().get() < 0) {
      errors.add(
          Problem.Error.field("benefitVnd", "invalid-value", "The yearly benefit is ≥ 0 đồng."));
    }
    LocalDate received = in.receivedOn().orElse(today());
    if (received.isAfter(today())) {
      errors.add(
          Problem.Error.field(
              "receivedOn", "in-the-future", "The dossier cannot be received after today."));
    }
    RouteRules.Choice choice = null;
    if (errors.isEmpty()) {
      choice = routes.choose(funding.get(), total, level, received, in.routeId());
      errors.addAll(choice.errors());
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The case cannot be opened as asked.", errors);
    }
    Integer phase =
        in.roadmapPhase()
            .orElseGet(
                () ->
                    proposalSnapshot
                        .flatMap(p -> ProposalFacts.roadmapPhase(p, queries))
                        .orElse(null));
    String title =
        in.title()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .orElse(proposal.get().data().name());
    if (title.length() > 500) {
      throw ProblemException.invalid(
          "The title is too long.",
          List.of(Problem.Error.field("title", "too-long", "Use at most 500 characters.")));
    }
    RouteRules.Choice ch = choice;
    String base = baselineId;
    String ag = agency;
    OptionalInt lv = level;
    Funding fu = funding.get();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              LocalDateTime now = LocalDateTime.now(ZONE);
              AppraisalCase k = new AppraisalCase();
              k.proposalId = proposalId;
              k.baselineId = base;
              k.title = title;
              k.agencyId = ag;
              k.funding = fu.key();
              k.totalVnd = total;
              k.securityLevel = lv.isPresent() ? lv.getAsInt() : null;
              k.roadmapPhase = phase;
              k.routeId = ch.routeId();
              k.routeSuggested = ch.suggestedRouteId();
              k.projectGroup = ch.group();
              k.oneStep = ch.oneStep();
              k.ruleset = ch.ruleset();
              k.receivedOn = received;
              k.deadlineOn = ch.deadline().orElse(null);
              k.deadlineDays = ch.days().isPresent() ? ch.days().getAsInt() : null;
              k.deadlineKind = ch.dayKind().orElse(null);
              k.deadlineBasis = ch.deadlineBasis().orElse(null);
              k.status = CaseStatus.RECEIVED.key();
              k.benefitVnd = in.benefitVnd().orElse(null);
              k.openedBy = c.actor();
              k.openedAt = now;
              k.updatedAt = now;
              k.persist();
              event(k, c, "opened", ch.noteVi());
              return k;
            });
  }

  // ---- moving a case -------------------------------------------------------------------------

  /** Gives the case to a reviewer; a received case goes in review. */
  public AppraisalCase assign(long id, long expectedVersion, String assignee, Caller c) {
    requireReviewer(c);
    String who = assignee == null ? "" : assignee.strip();
    if (who.isEmpty() || who.length() > 200) {
      throw ProblemException.invalid(
          "No assignee.",
          List.of(
              Problem.Error.field(
                  "assignee",
                  "required",
                  "Give the user name of the reviewer who takes the case.")));
    }
    return change(
        id,
        expectedVersion,
        c,
        k -> {
          requireOpen(k);
          k.assignee = who;
          k.status = CaseStatus.IN_REVIEW.key();
          event(k, c, "assigned", who);
        });
  }

  /** Records a reviewer's verdict and comment on one checklist item. */
  public AppraisalCase check(long id, String itemId, String verdict, String comment, Caller c) {
    requireReviewer(c);
    List<Problem.Error> errors = new ArrayList<>();
    String v = verdict == null ? "" : verdict.strip().toLowerCase(Locale.ROOT);
    if (!Verdict.KEYS.contains(v)) {
      errors.add(
          Problem.Error.field(
              "verdict", "unknown-verdict", "Use one of " + String.join(", ", Verdict.KEYS) + "."));
    }
    String text = comment == null ? "" : comment.strip();
    if (text.length() > 20_000) {
      errors.add(Problem.Error.field("comment", "too-long", "Use at most 20000 characters."));
    }
    AppraisalCase current = get(id, c);
    if (routes.checklistItem(current, itemId).isEmpty()) {
      errors.add(
          Problem.Error.field(
              "itemId",
              "unknown-item",
              "The checklist of route '"
                  + current.routeId
                  + "' has no item '"
                  + itemId
                  + "'; read the case for its items."));
    }
    if ((v.equals("fail") || v.equals("not-applicable")) && text.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "comment",
              "required",
              "Say why the item " + (v.equals("fail") ? "fails" : "does not apply") + "."));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The checklist item cannot be recorded.", errors);
    }
    return change(
        id,
        -1,
        c,
        k -> {
          requireOpen(k);
          CaseCheck row =
              CaseCheck.<CaseCheck>find("caseId = ?1 and itemId = ?2", k.id, itemId)
                  .firstResultOptional()
                  .orElseGet(CaseCheck::new);
          row.caseId = k.id;
          row.itemId = itemId;
          row.verdict = v;
          row.comment = text.isEmpty() ? null : text;
          row.updatedBy = c.actor();
          row.updatedAt = LocalDateTime.now(ZONE);
          row.persist();
          if (CaseStatus.RECEIVED.key().equals(k.status)) {
            k.status = CaseStatus.IN_REVIEW.key();
          }
          event(k, c, "checked", itemId + ": " + v + (text.isEmpty() ? "" : " — " + text));
        });
  }

  /** The reviewer's verdicts of a case, by item id. */
  public List<CaseCheck> checks(long caseId) {
    return QuarkusTransaction.requiringNew()
        .call(() -> CaseCheck.<CaseCheck>list("caseId = ?1 order by itemId", caseId));
  }

  /** The history of a case, oldest first. */
  public List<CaseEvent> events(long caseId) {
    return QuarkusTransaction.requiringNew()
        .call(() -> CaseEvent.<CaseEvent>list("caseId = ?1 order by id", caseId));
  }

  /** Stores the estimate (as computed JSON) on the case. */
  public AppraisalCase estimate(
      long id,
      Optional<String> estimateJson,
      Optional<String> lifecycleJson,
      String note,
      Caller c) {
    AppraisalCase k0 = get(id, c);
    return change(
        k0.id,
        -1,
        c,
        k -> {
          requireOpen(k);
          estimateJson.ifPresent(j -> k.estimateJson = j);
          lifecycleJson.ifPresent(j -> k.lifecycleJson = j);
          event(k, c, "estimated", note);
        });
  }

  /** Withdraws an open case (the agency, or a reviewer closing it without a decision). */
  public AppraisalCase withdraw(long id, String reason, Caller c) {
    AppraisalCase k0 = get(id, c);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw ProblemException.invalid(
          "No reason.",
          List.of(Problem.Error.field("reason", "required", "Say why the case is withdrawn.")));
    }
    return change(
        k0.id,
        -1,
        c,
        k -> {
          requireOpen(k);
          k.status = CaseStatus.WITHDRAWN.key();
          event(k, c, "withdrawn", why);
        });
  }

  /** Records the decision; the caller has merged an approved proposal already. */
  AppraisalCase recordDecision(
      long id,
      long expectedVersion,
      Decision d,
      String reasons,
      List<String> conditions,
      String judgedJson,
      Optional<Long> mergedSeq,
      Caller c) {
    return change(
        id,
        expectedVersion,
        c,
        k -> {
          requireOpen(k);
          k.decision = d.key();
          k.status = d.status().key();
          k.decisionReasons = reasons;
          k.decisionConditions = conditions.isEmpty() ? null : String.join("\n", conditions);
          k.judgedJson = judgedJson;
          k.decidedBy = c.actor();
          k.decidedAt = LocalDateTime.now(ZONE);
          k.mergedSeq = mergedSeq.orElse(null);
          event(k, c, "decided", d.key() + ": " + reasons);
          mergedSeq.ifPresent(s -> event(k, c, "merged", "seq " + s));
        });
  }

  // ---- documents -----------------------------------------------------------------------------

  /** A stored dossier file, without its content. */
  public record DocumentInfo(
      long id,
      String slotId,
      int revision,
      String fileName,
      String contentType,
      long sizeBytes,
      String sha256,
      String uploadedBy,
      LocalDateTime uploadedAt) {}

  /** Every revision of every document of the case, by slot then revision. */
  public List<DocumentInfo> documents(long caseId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                CaseDocument.find("caseId = ?1 order by slotId, revision", caseId)
                    .project(DocumentInfo.class)
                    .list());
  }

  /** Stores a new revision of the slot's file, checked against the slot's types and size. */
  public DocumentInfo upload(
      long id, String slotId, String fileName, String contentType, byte[] content, Caller c) {
    AppraisalCase k0 = get(id, c);
    RouteRules.Slot slot =
        routes
            .slot(k0, slotId)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "No such document slot.",
                        List.of(
                            Problem.Error.field(
                                "slotId",
                                "unknown-slot",
                                "Route '"
                                    + k0.routeId
                                    + "' has no document slot '"
                                    + slotId
                                    + "'; read the case for its slots."))));
    String name = fileName == null ? "" : fileName.strip();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    List<Problem.Error> errors = new ArrayList<>();
    if (name.isEmpty() || name.length() > 300) {
      errors.add(
          Problem.Error.field(
              "file", "no-file-name", "Send the file with its name (≤ 300 characters)."));
    }
    if (content.length == 0) {
      errors.add(
          Problem.Error.field("file", "empty-file", "The file is empty; send the document."));
    }
    String ext =
        name.contains(".")
            ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
            : "";
    if (!slot.types().isEmpty() && !slot.types().contains(ext)) {
      errors.add(
          Problem.Error.field(
              "file",
              "file-type-not-accepted",
              "Slot '"
                  + slotId
                  + "' accepts "
                  + String.join(", ", slot.types())
                  + " files; '"
                  + name
                  + "' is not one."));
    }
    if (content.length > slot.maxBytes()) {
      throw ProblemException.tooLarge(
          "The file is larger than the slot accepts.",
          List.of(
              Problem.Error.field(
                  "file",
                  "too-large",
                  "Slot '"
                      + slotId
                      + "' accepts files up to "
                      + slot.maxBytes()
                      + " bytes; this one has "
                      + content.length
                      + ". Compress or split it.")));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The document cannot be stored.", errors);
    }
    String type =
        contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    String fname = name;
    String sha = sha256(content);
    AppraisalCase after =
        change(
            k0.id,
            -1,
            c,
            k -> {
              requireOpen(k);
              Integer last =
                  CaseDocument.find(
                          "select max(revision) from CaseDocument where caseId = ?1 and slotId = ?2",
                          k.id,
                          slotId)
                      .project(Integer.class)
                      .firstResult();
              CaseDocument d = new CaseDocument();
              d.caseId = k.id;
              d.slotId = slotId;
              d.revision = last == null ? 1 : last + 1;
              d.fileName = fname;
              d.contentType = type.length() > 200 ? type.substring(0, 200) : type;
              d.sizeBytes = content.length;
              d.sha256 = sha;
              d.content = content;
              d.uploadedBy = c.actor();
              d.uploadedAt = LocalDateTime.now(ZONE);
              d.persist();
              event(k, c, "document", slotId + " r" + d.revision + ": " + fname);
            });
    return documents(after.id).stream()
        .filter(d -> d.slotId().equals(slotId))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  /** A document revision with its content. */
  public record DocumentFile(DocumentInfo info, byte[] content) {}

  public DocumentFile download(long id, String slotId, int revision, Caller c) {
    AppraisalCase k = get(id, c);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              CaseDocument d =
                  CaseDocument.<CaseDocument>find(
                          "caseId = ?1 and slotId = ?2 and revision = ?3", k.id, slotId, revision)
                      .firstResult();
              if (d == null) {
                throw ProblemException.notFound("document", slotId + " r" + revision);
              }
              return new DocumentFile(
                  new DocumentInfo(
                      d.id,
                      d.slotId,
                      d.revision,
                      d.fileName,
                      d.contentType,
                      d.sizeBytes,
                      d.sha256,
                      d.uploadedBy,
                      d.uploadedAt),
                  d.content);
            });
  }

  // ---- helpers ---------------------------------------------------------------------------------

  interface Edit {
    void apply(AppraisalCase k);
  }

  /**
   * Applies an edit to the case in one transaction; {@code expectedVersion} ≥ 0 must match the
   * stored version (409 otherwise).
   */
  AppraisalCase change(long id, long expectedVersion, Caller c, Edit edit) {
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                AppraisalCase k = AppraisalCase.findById(id);
                if (k == null || !visible(k, c)) {
                  throw ProblemException.notFound("appraisal case", Long.toString(id));
                }
                if (expectedVersion >= 0 && k.version != expectedVersion) {
                  throw ProblemException.conflict(
                      "Case "
                          + id
                          + " changed since you read it (version "
                          + k.version
                          + ", you sent "
                          + expectedVersion
                          + "). Read it again and repeat.",
                      List.of(
                          Problem.Error.id(
                              Long.toString(id), "version-conflict", "Read the case again.")),
                      null);
                }
                edit.apply(k);
                k.updatedAt = LocalDateTime.now(ZONE);
                return k;
              });
    } catch (OptimisticLockException e) {
      throw ProblemException.conflict(
          "Case " + id + " was changed by someone else at the same time. Read it again and repeat.",
          List.of(Problem.Error.id(Long.toString(id), "version-conflict", "Read the case again.")),
          null);
    }
  }

  static void requireOpen(AppraisalCase k) {
    CaseStatus s = CaseStatus.of(k.status).orElse(CaseStatus.RECEIVED);
    if (!s.open()) {
      throw new ProblemException(
          409,
          "case-closed",
          "The case is closed",
          "Case "
              + k.id
              + " is "
              + s.key()
              + "; a closed case does not change. Open a new case for a revised proposal.",
          List.of(Problem.Error.id(Long.toString(k.id), "case-closed", "Open a new case.")),
          null);
    }
  }

  static void event(AppraisalCase k, Caller c, String kind, String note) {
    CaseEvent e = new CaseEvent();
    e.caseId = k.id;
    e.at = LocalDateTime.now(ZONE);
    e.actor = c.actor();
    e.kind = kind;
    e.status = k.status;
    e.note = note == null || note.isEmpty() ? null : note;
    e.persist();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
