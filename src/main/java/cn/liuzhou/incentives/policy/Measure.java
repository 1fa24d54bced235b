package cn.liuzhou.incentives.policy;

import java.util.List;

/**
 * One incentive measure of a package as package.json describes it. The numbers of the measure live
 * in its decision table, not here.
 *
 * @param applicant ENTERPRISE (filed through the API) or COUNTY (ranked by the bureau)
 * @param amountSource TABLE when the decision computes the award, BUREAU when the bureau enters it
 * @param projectBased true when an application names one of the applicant's registered projects ({@code projectId})
 * @param oneApplicationPerProject for a project measure, whether a project takes one application only (default);
 *     false where the source caps the award per project but the project's costs come in several pieces (e.g.
 *     several design contracts, 三十 "单个项目最高补助30万元"): the project's applications then share its cap
 * @param nameList name of the administrators' list an applicant must be on, if any
 * @param documents evidence the applicant uploads with the application (the portal asks for each); when the
 *     package names none, one optional upload of supporting evidence
 * @param subjectFact for a measure whose award is about an enterprise other than (or besides) the applicant, e.g.
 *     the acquired enterprise of a merger: the {@code creditCode} fact naming it; when the application leaves it
 *     out the applicant itself is the subject. The decision's {@code onceKey} then holds once per subject across
 *     all applicants and capScope {@code SUBJECT} counts the cap per subject (README, "Decision contract")
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
    List<FactSpec> facts,
    List<DocumentSpec> documents,
    String subjectFact,
    Boolean oneApplicationPerProject) {

  /** A document the applicant uploads: its {@code documentType} for the attachments API, label, whether required. */
  public record DocumentSpec(String type, String labelZh, boolean required) {}

  /** A subject is named by one of the measure's own facts, of type creditCode; else the package does not load. */
  public Measure {
    if (subjectFact != null && !subjectFact.isBlank() && (facts == null || facts.stream()
        .noneMatch(f -> subjectFact.equals(f.name()) && "creditCode".equals(f.type())))) {
      throw new IllegalArgumentException("Measure " + code + ": subjectFact " + subjectFact
          + " is not one of its facts of type creditCode");
    }
  }

  private static final List<DocumentSpec> DEFAULT_DOCUMENTS =
      List.of(new DocumentSpec("EVIDENCE", "证明材料（发票、合同、凭证等）", false));

  public boolean isEnterpriseMeasure() {
    return !"COUNTY".equals(applicant);
  }

  public boolean requiresProject() {
    return Boolean.TRUE.equals(projectBased);
  }

  /** Whether a second application for the same project is refused (a project measure, unless the package says not). */
  public boolean takesOneApplicationPerProject() {
    return requiresProject() && !Boolean.FALSE.equals(oneApplicationPerProject);
  }

  /** Whether the measure's award is about a subject enterprise that another applicant may name too. */
  public boolean hasSubject() {
    return subjectFact != null && !subjectFact.isBlank();
  }

  /**
   * The enterprise the award is about: the one {@link #subjectFact()} names in the declared facts, else the
   * applicant; the applicant when the measure declares no subject.
   */
  public String subject(java.util.Map<String, Object> declared, String applicantCreditCode) {
    Object named = hasSubject() && declared != null ? declared.get(subjectFact) : null;
    return named instanceof String s && !s.isBlank() ? s.trim().toUpperCase(java.util.Locale.ROOT) : applicantCreditCode;
  }

  public List<FactSpec> facts() {
    return facts == null ? List.of() : facts;
  }

  public List<DocumentSpec> documents() {
    return documents == null || documents.isEmpty() ? DEFAULT_DOCUMENTS : documents;
  }
}
