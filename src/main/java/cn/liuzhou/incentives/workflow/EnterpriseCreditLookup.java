package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.policy.Facts;
import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.registry.CreditCode;
import cn.liuzhou.incentives.registry.CreditRecord;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.NameLists;
import cn.liuzhou.incentives.review.RegistrySnapshot;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reads the registry and credit records into the variables the general-eligibility decision
 * judges. A failing data source throws: the job retries and then raises an incident, and the
 * application waits in SCREENING rather than being decided on missing data.
 */
@Component("enterpriseCreditLookup")
public class EnterpriseCreditLookup implements JavaDelegate, org.camunda.bpm.engine.delegate.ExecutionListener {

  /** Transient variables: the registry and credit data as read, and when (ISO instant). */
  public static final String REGISTRY_DATA = "registryDataRead";
  public static final String REGISTRY_READ_AT = "registryReadAt";

  private final EnterpriseRegistry registry;
  private final ApplicationRepository applications;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final NameLists nameLists;
  private final PolicyCatalogue catalogue;

  public EnterpriseCreditLookup(EnterpriseRegistry registry, NameLists nameLists, PolicyCatalogue catalogue,
      ApplicationRepository applications, com.fasterxml.jackson.databind.ObjectMapper json) {
    this.json = json;
    this.applications = applications;
    this.registry = registry;
    this.nameLists = nameLists;
    this.catalogue = catalogue;
  }

  /** As a start listener of a decision evaluated later in the flow (the experts' rated award). */
  @Override
  public void notify(DelegateExecution execution) {
    execute(execution);
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicationRecord app = applications.get(execution.getProcessBusinessKey());
    LocalDate filedOn = app.filedOn() != null ? app.filedOn() : LocalDate.parse(Variables.string(execution, Variables.FILED_ON));
    // The tables read these as inputs: set them from the ledger, whatever a variable said.
    execution.setVariables(decisionInputs(app, filedOn));
    String creditCode = app.creditCode();
    Optional<Enterprise> found = CreditCode.isValid(creditCode) ? registry.find(creditCode) : Optional.empty();
    String nameList = catalogue.measure(app.measureCode()).map(Measure::nameList).orElse(null);
    java.time.Instant readAt = java.time.Instant.now();
    // What was read and when, for the reviewers' forms: kept with the screening's record by AwardScreening.
    execution.setVariable(REGISTRY_DATA, org.camunda.bpm.engine.variable.Variables.stringValue(RegistrySnapshot.of(creditCode,
        found, found.isPresent() ? registry.records(creditCode) : java.util.List.of(), filedOn, nameList,
        nameList == null ? null : nameLists.contains(nameList, creditCode), readAt), true));
    execution.setVariable(REGISTRY_READ_AT, org.camunda.bpm.engine.variable.Variables.stringValue(readAt.toString(), true));
  }

  /** Everything the package's tables read for the application, from the ledger row and the registry. */
  public java.util.Map<String, Object> decisionInputs(ApplicationRecord app) {
    return decisionInputs(app, app.filedOn());
  }

  private java.util.Map<String, Object> decisionInputs(ApplicationRecord app, LocalDate filedOn) {
    Measure measure = catalogue.measure(app.measureCode()).orElseThrow();
    java.util.Map<String, Object> v = new java.util.HashMap<>(ApplicationService.factVariables(measure, Facts.check(measure, facts(app))));
    v.put(Variables.FILED_ON, filedOn.toString());
    v.put(Variables.MEASURE_CODE, app.measureCode());
    v.put(Variables.PROJECT_ID, app.projectId());
    v.putAll(registryVariables(app.creditCode(), filedOn, app.measureCode()));
    v.putAll(factNameListVariables(measure, v));
    return v;
  }

  /**
   * For each fact naming another enterprise on a list (LZ-SEI-BANK-PLEDGE's borrower on LZ-SEI-ENTERPRISES):
   * whether that enterprise is on it, read from the administrators' list; null when the fact is absent,
   * which the tables refuse like any missing fact.
   */
  public java.util.Map<String, Object> factNameListVariables(Measure measure, java.util.Map<String, Object> factVariables) {
    java.util.Map<String, Object> vars = new java.util.HashMap<>();
    for (cn.liuzhou.incentives.policy.FactSpec spec : measure.facts()) {
      if (spec.nameList() != null) {
        Object named = factVariables.get(spec.name());
        vars.put(spec.onNameListVariable(), named instanceof String code && CreditCode.isValid(code)
            ? nameLists.contains(spec.nameList(), code) : null);
      }
    }
    return vars;
  }

  /**
   * What the decision tables read about the enterprise, from the registry, its credit records and the
   * measure's name list, as of the filing date. The portal's matching and estimates use the same.
   */
  public java.util.Map<String, Object> registryVariables(String creditCode, LocalDate filedOn, String measureCode) {
    java.util.Map<String, Object> vars = new java.util.HashMap<>();
    Optional<Enterprise> found = CreditCode.isValid(creditCode) ? registry.find(creditCode) : Optional.empty();
    vars.put("registered", found.isPresent());
    vars.put("aboveDesignatedSize", found.map(Enterprise::aboveDesignatedSize).orElse(null));
    vars.put("industry", found.map(Enterprise::industry).orElse(null));
    vars.put("taxCreditRating", found.map(Enterprise::taxCreditRating).orElse(null));
    vars.put("accountingCreditGood", found.map(Enterprise::accountingCreditGood).orElse(null));
    vars.put("jointPunishmentTarget", found.map(Enterprise::jointPunishmentTarget).orElse(null));
    Optional<CreditRecord> serious = found.isPresent() ? registry.latestSeriousRecord(creditCode, filedOn) : Optional.empty();
    vars.put("lastSeriousRecordOn", serious.map(r -> r.recordedOn().toString()).orElse(null));
    String nameList = catalogue.measure(measureCode).map(Measure::nameList).orElse(null);
    vars.put("onNameList", nameList == null ? null : nameLists.contains(nameList, creditCode));
    vars.put("lastSeriousRecord", serious.map(r -> r.category() + " " + r.recordedOn() + " " + r.description()).orElse(null));
    return vars;
  }

  /**
   * The facts the application declared, from its ledger row (amounts as exact decimals): what the decision
   * inputs are built from and what screening's calculation trace shows.
   */
  @SuppressWarnings("unchecked")
  public java.util.Map<String, Object> facts(ApplicationRecord app) {
    try {
      return json.readValue(app.factsJson(), java.util.Map.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Facts of " + app.id() + " are not readable", e);
    }
  }
}
