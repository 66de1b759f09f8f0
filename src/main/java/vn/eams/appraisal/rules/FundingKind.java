package vn.eams.appraisal.rules;

/** A funding kind as a rule-set names it. */
public record FundingKind(Funding funding, String titleVi, String titleEn, String basis) {}
