package vn.eams.appraisal;

import java.util.List;

/** The verdicts of a checklist item. */
public final class Verdict {

  public static final String PASS = "pass";
  public static final String FAIL = "fail";
  public static final String NOT_APPLICABLE = "not-applicable";

  /** Not judged yet. */
  public static final String OPEN = "open";

  public static final List<String> KEYS = List.of(PASS, FAIL, NOT_APPLICABLE, OPEN);

  private Verdict() {}
}
