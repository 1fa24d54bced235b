package cn.liuzhou.incentives.workflow;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the process variables the model, the forms and the delegates share. */
public final class Variables {

  public static final String APPLICATION_ID = "applicationId";
  public static final String PACKAGE_CODE = "packageCode";
  public static final String MEASURE_CODE = "measureCode";
  public static final String MEASURE_TITLE = "measureTitle";
  public static final String CREDIT_CODE = "creditCode";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String COUNTY = "county";
  public static final String PROJECT_ID = "projectId";
  public static final String FILED_BY = "filedBy";
  public static final String FILED_ON = "filedOn";
  public static final String FACTS_SUMMARY = "factsSummary";
  public static final String GENERAL_DECISION_KEY = "generalDecisionKey";
  public static final String MEASURE_DECISION_KEY = "measureDecisionKey";
  public static final String DECISION_VERSION_TAG = "decisionVersionTag";
  public static final String GENERAL_RESULT = "generalResult";
  public static final String MEASURE_RESULT = "measureResult";
  public static final String SCREENING_PASSED = "screeningPassed";
  public static final String SCREENING_SUMMARY = "screeningSummary";
  public static final String PROPOSED_AWARD = "proposedAward";
  public static final String AWARD_CAP = "awardCap";
  public static final String AMOUNT_SOURCE = "amountSource";
  public static final String EXPERT_REVIEW_REQUIRED = "expertReviewRequired";
  public static final String EXPERT_RATING = "expertRating";
  public static final String DECISION = "decision";
  public static final String COMMENT = "comment";
  public static final String APPROVED_AWARD = "approvedAward";
  public static final String PAYMENT_REFERENCE = "paymentReference";
  public static final String REMAINING_BUDGET = "remainingBudget";
  public static final String OBJECTION = "objection";

  private Variables() {}

  public static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }

  /** A number variable as an exact decimal (forms submit longs or doubles). */
  public static BigDecimal decimal(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null || (v instanceof String s && s.isBlank())) {
      return null;
    }
    try {
      return new BigDecimal(v.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static Double asDouble(BigDecimal amount) {
    return amount == null ? null : amount.doubleValue();
  }
}
