package cn.liuzhou.incentives.policy;

import cn.liuzhou.incentives.ledger.ExternalAwards;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * A package's exclusion of enterprises that received another programme's same-type measure (for
 * example LZ-2025Q1 二十). The mapping of other programmes' measure types to the package's measures
 * is the package's own decision {@code <code>-SAME-TYPE}, evaluated in the version that screens the
 * application; packages without one exclude nothing.
 */
@Component
public class SameTypeExclusion {

  private final ExternalAwards externalAwards;
  private final RepositoryService repository;
  private final DecisionService decisions;

  public SameTypeExclusion(ExternalAwards externalAwards, RepositoryService repository, DecisionService decisions) {
    this.externalAwards = externalAwards;
    this.repository = repository;
    this.decisions = decisions;
  }

  /** The enterprise's external awards that the mapping makes same-type as the measure. */
  public List<ExternalAwards.ExternalAward> blocking(String packageCode, String versionTag, String measureCode, String creditCode) {
    List<ExternalAwards.ExternalAward> awards = externalAwards.of(creditCode);
    if (awards.isEmpty()) {
      return List.of();
    }
    DecisionDefinition mapping = repository.createDecisionDefinitionQuery().decisionDefinitionKey(packageCode + "-SAME-TYPE")
        .versionTag(versionTag).singleResult();
    if (mapping == null) {
      return List.of();
    }
    return awards.stream().filter(a -> decisions.evaluateDecisionById(mapping.getId())
            .variables(Map.of("externalProgramme", a.programme(), "externalMeasureType", a.measureType()))
            .evaluate().getResultList().stream().anyMatch(row -> measureCode.equals(row.get("localMeasure"))))
        .toList();
  }
}
