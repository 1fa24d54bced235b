package cn.liuzhou.incentives.county;

import static cn.liuzhou.incentives.county.CountyAwardVariables.RANKED_COUNTIES;
import static cn.liuzhou.incentives.county.CountyAwardVariables.RUN_ID;

import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.workflow.Variables;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ranks the counties by the scores the bureau entered ({@link CountyRanking}: composite score,
 * then output score, then county order), stores the ranking and gives the process the counties in
 * rank order ({@code rankedCounties}) and each county's {@code rank_<code>} for the award decision.
 */
@Component("countyRanking")
public class CountyRankingDelegate implements JavaDelegate {

  private final CountyAwardRepository runs;

  public CountyRankingDelegate(CountyAwardRepository runs) {
    this.runs = runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<County, CountyRanking.Scores> scores = new EnumMap<>(County.class);
    for (County c : County.values()) {
      var composite = CountyAwardApproval.parse(execution.getVariable(CountyAwardVariables.score(c)));
      var output = CountyAwardApproval.parse(execution.getVariable(CountyAwardVariables.outputScore(c)));
      if (composite == null || output == null) {
        throw new IllegalStateException("Scores of " + c.code() + " missing after validation");
      }
      scores.put(c, new CountyRanking.Scores(composite, output));
    }
    List<CountyRanking.Ranked> ranking = CountyRanking.rank(scores);
    runs.saveRanking(execution.getProcessBusinessKey(), ranking);
    List<String> order = new ArrayList<>();
    for (CountyRanking.Ranked r : ranking) {
      order.add(r.county().code());
      execution.setVariable(CountyAwardVariables.rank(r.county()), r.rank());
    }
    execution.setVariable(RANKED_COUNTIES, order);
  }
}
