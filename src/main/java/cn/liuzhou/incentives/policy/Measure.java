package cn.liuzhou.incentives.policy;

import java.util.List;

/**
 * One incentive measure of a package as package.json describes it. The numbers of the measure live
 * in its decision table, not here.
 *
 * @param applicant ENTERPRISE (filed through the API) or COUNTY (ranked by the bureau)
 * @param amountSource TABLE when the decision computes the award, BUREAU when the bureau enters it
 * @param projectBased true when one application is made per {@code projectId}
 * @param nameList name of the administrators' list an applicant must be on, if any
 */
public record Measure(
    String code,
    String clause,
    String titleZh,
    String applicant,
    String decision,
    String amountSource,
    Boolean projectBased,
    String nameList,
    List<FactSpec> facts) {

  public boolean isEnterpriseMeasure() {
    return !"COUNTY".equals(applicant);
  }

  public boolean requiresProject() {
    return Boolean.TRUE.equals(projectBased);
  }

  public List<FactSpec> facts() {
    return facts == null ? List.of() : facts;
  }
}
