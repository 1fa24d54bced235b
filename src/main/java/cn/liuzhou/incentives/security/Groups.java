package cn.liuzhou.incentives.security;

/** The Camunda groups that carry the roles. County reviewers' groups are {@code county-<code>}. */
public final class Groups {

  public static final String ADMINS = "camunda-admin";
  public static final String POLICY_ADMINS = "policy-admins";
  public static final String BUREAU = "bureau-reviewers";
  public static final String FINANCE = "finance";
  public static final String EXPERTS = "experts";
  public static final String AUDITORS = "auditors";
  public static final String ENTERPRISES = "enterprises";
  /** Reads the actuator endpoints (Prometheus scrape) and nothing else: the scraper's account. */
  public static final String MONITORING = "monitoring";
  public static final String COUNTY_PREFIX = "county-";

  /**
   * Who may open the case files (/cases): read-only access to every application, so only the city bureau, auditors and
   * administrators. A county reviewer is not among them (the case files have no per-county check).
   */
  private static final java.util.List<String> CASE_FILE_READERS = java.util.List.of(AUDITORS, ADMINS, BUREAU);

  public static String[] caseFileReaders() {
    return CASE_FILE_READERS.toArray(String[]::new);
  }

  public static boolean mayReadCaseFiles(String group) {
    return CASE_FILE_READERS.contains(group);
  }

  private Groups() {}
}
