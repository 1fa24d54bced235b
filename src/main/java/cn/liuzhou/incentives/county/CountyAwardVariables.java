package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.registry.County;

/** Names of the county-award process variables the model, the forms and the beans share. */
public final class CountyAwardVariables {

  public static final String PROCESS_KEY = "county-award";

  public static final String RUN_ID = "runId";
  public static final String PACKAGE_CODE = "packageCode";
  public static final String MEASURE_CODE = "measureCode";
  public static final String MEASURE_TITLE = "measureTitle";
  public static final String AWARD_PERIOD = "awardPeriod";
  public static final String AWARD_DECISION_KEY = "awardDecisionKey";
  public static final String DECISION_VERSION_TAG = "decisionVersionTag";
  public static final String STARTED_BY = "startedBy";
  public static final String RANKED_COUNTIES = "rankedCounties";
  public static final String RANKING_SUMMARY = "rankingSummary";
  public static final String AMOUNTS_BY_BUREAU = "amountsByBureau";
  public static final String REMAINING_BUDGET = "remainingBudget";
  public static final String DECISION = "decision";
  public static final String COMMENT = "comment";
  public static final String AWARD_DECISION = "awardDecision";
  public static final String RETURN_COMMENT = "returnComment";
  public static final String APPROVED_TOTAL = "approvedTotal";
  public static final String AWARDED_COUNTIES = "awardedCounties";
  /** The element variable of the multi-instance tasks: the county's code. */
  public static final String COUNTY = "county";
  public static final String COUNTY_NAME = "countyName";
  public static final String COUNTY_RANK = "countyRank";
  public static final String APPROVED_AWARD = "approvedAward";
  public static final String PAYMENT_REFERENCE = "paymentReference";

  private CountyAwardVariables() {}

  public static String score(County c) {
    return "score_" + c.code();
  }

  public static String outputScore(County c) {
    return "outputScore_" + c.code();
  }

  public static String rank(County c) {
    return "rank_" + c.code();
  }

  /** What the measure's decision gave for the county's rank (null: the bureau sets the amount). */
  public static String tableAward(County c) {
    return "tableAward_" + c.code();
  }

  /** The bureau's amount for the county where the decision gives none. */
  public static String award(County c) {
    return "award_" + c.code();
  }
}
