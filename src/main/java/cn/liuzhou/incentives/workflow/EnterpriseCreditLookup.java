package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.registry.CreditCode;
import cn.liuzhou.incentives.registry.CreditRecord;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.NameLists;
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
public class EnterpriseCreditLookup implements JavaDelegate {

  private final EnterpriseRegistry registry;
  private final NameLists nameLists;
  private final PolicyCatalogue catalogue;

  public EnterpriseCreditLookup(EnterpriseRegistry registry, NameLists nameLists, PolicyCatalogue catalogue) {
    this.registry = registry;
    this.nameLists = nameLists;
    this.catalogue = catalogue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String creditCode = Variables.string(execution, Variables.CREDIT_CODE);
    LocalDate filedOn = LocalDate.parse(Variables.string(execution, Variables.FILED_ON));
    Optional<Enterprise> found = CreditCode.isValid(creditCode) ? registry.find(creditCode) : Optional.empty();
    execution.setVariable("registered", found.isPresent());
    execution.setVariable("aboveDesignatedSize", found.map(Enterprise::aboveDesignatedSize).orElse(null));
    execution.setVariable("industry", found.map(Enterprise::industry).orElse(null));
    execution.setVariable("taxCreditRating", found.map(Enterprise::taxCreditRating).orElse(null));
    execution.setVariable("accountingCreditGood", found.map(Enterprise::accountingCreditGood).orElse(null));
    execution.setVariable("jointPunishmentTarget", found.map(Enterprise::jointPunishmentTarget).orElse(null));
    Optional<CreditRecord> serious = found.isPresent() ? registry.latestSeriousRecord(creditCode, filedOn) : Optional.empty();
    execution.setVariable("lastSeriousRecordOn", serious.map(r -> r.recordedOn().toString()).orElse(null));
    String nameList = catalogue.measure(Variables.string(execution, Variables.MEASURE_CODE)).map(Measure::nameList).orElse(null);
    execution.setVariable("onNameList", nameList == null ? null : nameLists.contains(nameList, creditCode));
    execution.setVariable("lastSeriousRecord", serious.map(r -> r.category() + " " + r.recordedOn() + " " + r.description()).orElse(null));
  }
}
