package vn.eams.appraisal.duplication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.eams.compliance.ProposalOverlay;
import vn.eams.model.Element;
import vn.eams.model.ModelSnapshot;

/**
 * Ranks what a proposal would build against what exists (the baseline's applications and databases)
 * and what other proposals build (vietnam-egov.md §4.3, item 8). Pure: no repository, no clock.
 */
public final class DuplicationSearch {

  private static final List<String> KIND_ORDER = DuplicationRuleSet.KINDS;

  private final DuplicationRuleSet rules;

  public DuplicationSearch(DuplicationRuleSet rules) {
    this.rules = rules;
  }

  /** A candidate with the snapshot it is read from. */
  private record Candidate(
      Element element, String modelId, String kind, Features features, Optional<String> status) {}

  /**
   * Ranks the candidates of every application and database {@code proposal} builds.
   *
   * @param others other proposals over the same baseline, with their status
   * @param buildCostVnd the proposal's estimated build cost, when known
   */
  public DuplicationReport rank(
      ModelSnapshot baseline,
      ModelSnapshot proposal,
      List<OtherProposal> others,
      OptionalLong buildCostVnd) {
    ProposalOverlay own = ProposalOverlay.of(baseline, proposal);
    Features ownFeatures = new Features(own.combined());
    List<Element> built = built(own);
    OptionalLong share =
        buildCostVnd.isPresent() && !built.isEmpty()
            ? OptionalLong.of(buildCostVnd.getAsLong() / built.size())
            : OptionalLong.empty();
    List<DuplicationReport.Proposed> proposed = new ArrayList<>();
    for (Element e : built) {
      proposed.add(
          new DuplicationReport.Proposed(
              e.id(),
              e.type(),
              e.data().specialization(),
              e.data().name(),
              e.data().nameEn(),
              Features.isApplication(e) ? "application" : "database",
              share));
    }

    List<Candidate> candidates = new ArrayList<>();
    Features baseFeatures = new Features(baseline);
    for (Element e : baseline.elements()) {
      if (Features.isApplication(e) || Features.isDatabase(e)) {
        candidates.add(
            new Candidate(
                e,
                baseline.model().id(),
                Features.isApplication(e) ? "application" : "database",
                baseFeatures,
                Optional.empty()));
      }
    }
    List<DuplicationReport.LeftOut> leftOut = new ArrayList<>();
    Set<String> excluded = new HashSet<>();
    rules.excludedStatuses().forEach(s -> excluded.add(s.strip().toLowerCase(Locale.ROOT)));
    for (OtherProposal o : others) {
      String id = o.snapshot().model().id();
      if (id.equals(proposal.model().id())) {
        continue;
      }
      if (excluded.contains(o.status().strip().toLowerCase(Locale.ROOT))) {
        leftOut.add(
            new DuplicationReport.LeftOut(id, o.snapshot().model().data().name(), o.status()));
        continue;
      }
      ProposalOverlay overlay = ProposalOverlay.of(baseline, o.snapshot());
      Features f = new Features(overlay.combined());
      for (Element e : built(overlay)) {
        candidates.add(new Candidate(e, id, "proposal", f, Optional.of(o.status())));
      }
    }

    List<DuplicationReport.Match> matches = new ArrayList<>();
    for (Element p : built) {
      Features.Of pf = ownFeatures.of(p);
      for (Candidate c : candidates) {
        if (!c.element().type().equals(p.type())) {
          continue;
        }
        Features.Of cf = c.features().of(c.element());
        List<DuplicationReport.Reason> reasons = reasons(p, pf, c, cf);
        BigDecimal rest = BigDecimal.ONE;
        for (DuplicationReport.Reason r : reasons) {
          rest = rest.multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(r.weight())));
        }
        double score =
            BigDecimal.ONE.subtract(rest).setScale(3, RoundingMode.HALF_UP).doubleValue();
        if (reasons.isEmpty() || score < rules.minScore()) {
          continue;
        }
        String kind = c.kind();
        String code = rules.suggestion(kind, score);
        OptionalLong saving =
            share.isPresent()
                ? OptionalLong.of(
                    BigDecimal.valueOf(share.getAsLong())
                        .multiply(BigDecimal.valueOf(rules.savingShares().getOrDefault(code, 0.0)))
                        .setScale(0, RoundingMode.FLOOR)
                        .longValueExact())
                : OptionalLong.empty();
        matches.add(
            new DuplicationReport.Match(
                c.element().id(),
                c.modelId(),
                c.element().type(),
                c.element().data().specialization(),
                c.element().data().name(),
                c.element().data().nameEn(),
                kind,
                p.id(),
                p.data().name(),
                score,
                reasons,
                suggestion(code, p, c),
                saving,
                c.status()));
      }
    }
    matches.sort(
        Comparator.comparingDouble(DuplicationReport.Match::score)
            .reversed()
            .thenComparingInt(m -> KIND_ORDER.indexOf(m.kind()))
            .thenComparing(DuplicationReport.Match::candidateId)
            .thenComparing(DuplicationReport.Match::modelId)
            .thenComparing(DuplicationReport.Match::proposedElementId));
    return new DuplicationReport(
        proposal.model().id(),
        baseline.model().id(),
        rules.id(),
        rules.version(),
        rules.effectiveFrom(),
        rules.toBeConfirmed(),
        buildCostVnd,
        proposed,
        matches,
        leftOut);
  }

  /** The applications and databases a proposal builds (its own elements, not references). */
  private static List<Element> built(ProposalOverlay overlay) {
    List<Element> out = new ArrayList<>();
    for (Element e : overlay.combined().elements()) {
      if (overlay.proposed().contains(e.id())
          && (Features.isApplication(e) || Features.isDatabase(e))) {
        out.add(e);
      }
    }
    out.sort(Comparator.comparing(Element::id));
    return out;
  }

  private List<DuplicationReport.Reason> reasons(
      Element p, Features.Of pf, Candidate c, Features.Of cf) {
    List<DuplicationReport.Reason> out = new ArrayList<>();
    Features names = c.features();
    Set<String> codes = common(pf.codes(), cf.codes());
    if (!codes.isEmpty()) {
      String list = String.join(", ", codes);
      add(
          out,
          "referenceCode",
          overlap(pf.codes(), cf.codes()),
          "Cùng mã mô hình tham chiếu: " + list,
          "Same reference-model codes: " + list);
    }
    Set<String> subjects = common(pf.subjects(), cf.subjects());
    if (!subjects.isEmpty()) {
      String list = String.join(", ", subjects);
      String cls = profile(c.element(), "databaseClass");
      String vi = "Cùng chủ đề dữ liệu (dataSubject): " + list;
      String en = "Same data subject (dataSubject): " + list;
      if (Features.isDatabase(c.element()) && !cls.isEmpty()) {
        vi += "; '" + c.element().data().name() + "' là cơ sở dữ liệu loại " + cls;
        en += "; '" + c.element().data().name() + "' is a " + cls + " database";
      }
      add(out, "dataSubject", overlap(pf.subjects(), cf.subjects()), vi, en);
    }
    Set<String> dbs = common(pf.databases(), cf.databases());
    if (!dbs.isEmpty()) {
      String list = named(dbs, names);
      add(
          out,
          "sharedDatabase",
          overlap(pf.databases(), cf.databases()),
          "Cùng truy cập cơ sở dữ liệu: " + list,
          "Both access the database: " + list);
    }
    double vi =
        NameSimilarity.similarity(
            p.data().name(), c.element().data().name(), rules.genericVi(), rules.tokenShare());
    double en =
        p.data().nameEn().isBlank() || c.element().data().nameEn().isBlank()
            ? 0
            : NameSimilarity.similarity(
                p.data().nameEn(),
                c.element().data().nameEn(),
                rules.genericEn(),
                rules.tokenShare());
    double name = Math.max(vi, en);
    if (name >= rules.minNameSimilarity()) {
      String sim = String.format(Locale.ROOT, "%.2f", name);
      add(
          out,
          "name",
          name,
          "Tên tương tự (độ tương đồng "
              + sim.replace('.', ',')
              + "): '"
              + p.data().name()
              + "' và '"
              + c.element().data().name()
              + "'",
          "Similar names (similarity "
              + sim
              + "): '"
              + p.data().name()
              + "' and '"
              + c.element().data().name()
              + "'");
    }
    Set<String> owners = common(pf.owners(), cf.owners());
    if (!owners.isEmpty()) {
      String list = named(owners, names);
      add(out, "owner", 1, "Cùng cơ quan chủ quản: " + list, "Same owning agency: " + list);
    }
    Set<String> domains = common(pf.domains(), cf.domains());
    if (!domains.isEmpty()) {
      String list = named(domains, names);
      add(
          out,
          "domain",
          overlap(pf.domains(), cf.domains()),
          "Cùng phục vụ lĩnh vực: " + list,
          "Serve the same service domains: " + list);
    }
    Set<String> agencies = common(pf.agencies(), cf.agencies());
    if (!agencies.isEmpty()) {
      String list = named(agencies, names);
      add(
          out,
          "agency",
          overlap(pf.agencies(), cf.agencies()),
          "Cùng phục vụ hoặc kết nối cơ quan: " + list,
          "Serve or connect the same agencies: " + list);
    }
    return out;
  }

  private void add(
      List<DuplicationReport.Reason> out, String code, double similarity, String vi, String en) {
    double w = round(rules.weight(code) * similarity);
    if (w > 0) {
      out.add(new DuplicationReport.Reason(code, vi, en, w));
    }
  }

  private DuplicationReport.Suggestion suggestion(String code, Element p, Candidate c) {
    String cand = "'" + c.element().data().name() + "'";
    String own = "'" + p.data().name() + "'";
    String from = c.kind().equals("proposal") ? " (đề xuất " + c.modelId() + ")" : "";
    String fromEn = c.kind().equals("proposal") ? " (proposal " + c.modelId() + ")" : "";
    if (code.equals("reuse")) {
      return new DuplicationReport.Suggestion(
          code,
          "Tái sử dụng " + cand + from + " thay vì xây dựng " + own + ".",
          "Reuse " + cand + fromEn + " instead of building " + own + ".");
    }
    if (code.equals("extend")) {
      return new DuplicationReport.Suggestion(
          code,
          "Mở rộng "
              + cand
              + from
              + " (thêm chức năng hoặc đơn vị sử dụng) thay vì xây dựng riêng "
              + own
              + ".",
          "Extend "
              + cand
              + fromEn
              + " (more functions or user agencies) instead of building a separate "
              + own
              + ".");
    }
    return new DuplicationReport.Suggestion(
        code,
        "Kết nối, chia sẻ dữ liệu với "
            + cand
            + from
            + " qua nền tảng chia sẻ, tích hợp (LGSP); không xây dựng lại phần đã có.",
        "Connect to "
            + cand
            + fromEn
            + " and share its data through the integration platform (LGSP); do not rebuild what"
            + " it has.");
  }

  private static String profile(Element e, String key) {
    Object v = e.data().profile().get(key);
    return v == null ? "" : v.toString();
  }

  private static Set<String> common(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.retainAll(b);
    return out;
  }

  /** |A ∩ B| / min(|A|, |B|): 1 when the smaller set lies wholly in the other. */
  private static double overlap(Set<String> a, Set<String> b) {
    int min = Math.min(a.size(), b.size());
    return min == 0 ? 0 : (double) common(a, b).size() / min;
  }

  private static String named(Set<String> ids, Features names) {
    return ids.stream()
        .map(id -> "'" + names.name(id) + "' (" + id + ")")
        .collect(Collectors.joining(", "));
  }

  static double round(double d) {
    return BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_UP).doubleValue();
  }
}
