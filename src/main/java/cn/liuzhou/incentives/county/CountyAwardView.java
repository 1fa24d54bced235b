package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.registry.County;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A county award run as the API answers it: status, the ranking, each county's award and payment. */
public record CountyAwardView(String id, String measureCode, String packageCode, String period, String status,
    String statusZh, String decisionKey, String decisionVersionTag, String startedBy, Instant startedAt, String approvedBy,
    Instant approvedAt, BigDecimal reservedTotal, BigDecimal disbursedTotal, List<CountyLine> counties) {

  /** One county: its scores and rank (null before scoring), the decision's amount, the approved amount and payment. */
  public record CountyLine(String county, String nameZh, Integer rank, BigDecimal compositeScore, BigDecimal outputScore,
      String tieBreak, BigDecimal tableAward, BigDecimal approvedAward, Payment payment) {}

  public record Payment(BigDecimal amount, String paymentReference, String paidBy, Instant paidAt) {}

  static CountyAwardView of(CountyAwardRepository.Run run, List<CountyAwardRepository.Row> rows,
      List<CountyAwardRepository.Payment> payments) {
    Map<County, CountyAwardRepository.Payment> paid = payments.stream()
        .collect(Collectors.toMap(CountyAwardRepository.Payment::county, Function.identity()));
    List<CountyLine> lines = rows.stream().map(r -> {
      var p = paid.get(r.county());
      return new CountyLine(r.county().code(), r.county().nameZh(), r.rank(), r.compositeScore(), r.outputScore(),
          r.tieBreak(), r.tableAward(), r.approvedAward(),
          p == null ? null : new Payment(p.amount(), p.paymentReference(), p.paidBy(), p.paidAt()));
    }).toList();
    return new CountyAwardView(run.id(), run.measureCode(), run.packageCode(), run.period(), run.status().name(),
        run.status().zh(), run.decisionKey(), run.decisionVersionTag(), run.startedBy(), run.startedAt(), run.approvedBy(),
        run.approvedAt(), run.reservedTotal(), run.disbursedTotal(), lines);
  }
}
