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

  private Groups() {}
}
