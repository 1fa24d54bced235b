package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.workflow.Variables;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores what the measure's decision gave for each rank ({@code tableAward_<code>}, null where the
 * bureau sets the amount) and writes the read-only summary the bureau approves.
 */
@Component("countyAwardProposal")
public class CountyAwardProposal implements JavaDelegate {

  private final CountyAwardRepository runs;

  public CountyAwardProposal(CountyAwardRepository runs) {
    this.runs = runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String runId = execution.getProcessBusinessKey();
    boolean byBureau = false;
    for (County c : County.values()) {
      BigDecimal award = CountyAwardApproval.parse(execution.getVariable(CountyAwardVariables.tableAward(c)));
      runs.setTableAward(runId, c, award == null ? null : award.setScale(2, java.math.RoundingMode.UNNECESSARY));
      byBureau |= award == null;
    }
    execution.setVariable(CountyAwardVariables.AMOUNTS_BY_BUREAU, byBureau);
    execution.setVariable(CountyAwardVariables.RANKING_SUMMARY, summary(runs.rows(runId)));
    runs.setStatus(runId, CountyAwardRepository.Status.APPROVAL);
  }

  /** One line per county, best first: rank, name, both scores, the tie-break applied and the amount. */
  static String summary(List<CountyAwardRepository.Row> rows) {
    StringBuilder s = new StringBuilder();
    for (CountyAwardRepository.Row r : rows) {
      s.append("第").append(r.rank()).append("名 ").append(r.county().nameZh())
          .append("：综合评分 ").append(r.compositeScore().toPlainString())
          .append("，产值目标完成得分 ").append(r.outputScore().toPlainString());
      CountyRanking.TieBreak tie = CountyRanking.TieBreak.valueOf(r.tieBreak());
      if (tie != CountyRanking.TieBreak.NONE) {
        s.append("（").append(tie.zh()).append("）");
      }
      s.append("；").append(r.tableAward() == null ? "奖励金额由市工业和信息化局核定"
          : r.tableAward().signum() == 0 ? "不予奖励" : "测算奖励 " + money(r.tableAward()) + " 元").append('\n');
    }
    return s.toString().stripTrailing();
  }

  static String money(BigDecimal amount) {
    return String.format("%,.2f", amount);
  }
}
