package cn.liuzhou.incentives.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of the LZ-2026Q2 tables at the policy's own numbers (四, 一, 六(一), 六(二)), read through
 * the same contract and rounding the screening uses. examples.json covers the same ground for
 * redeployments; this test names each boundary.
 */
class Lz2026Q2DecisionTest {

  static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static Map<String, DmnDecision> decisions = new HashMap<>();

  @BeforeAll
  static void parse() throws Exception {
    try (InputStream in = Lz2026Q2DecisionTest.class.getResourceAsStream("/dmn/LZ-2026Q2/LZ-2026Q2.dmn")) {
      ENGINE.parseDecisions(in).forEach(d -> decisions.put(d.getKey(), d));
    }
  }

  static MeasureOutcome measure(String key, boolean aboveSize, String industry, String date, double cost) {
    Map<String, Object> vars = new HashMap<>(Map.of("aboveDesignatedSize", aboveSize, "industry", industry,
        "eventDate", date, "eligibleCost", cost));
    return MeasureOutcome.of(ENGINE.evaluateDecision(decisions.get(key), vars).getResultList());
  }

  static BigDecimal award(MeasureOutcome o, String alreadyCounted) {
    return AwardCalculator.award(o.award(), o.capAmount(), new BigDecimal(alreadyCounted), o.roundingUnit());
  }

  @ParameterizedTest(name = "{0}: cost {1} → {2}")
  @CsvSource({
      // 四: 50% of the costs, at most 100,000; 六(一): down to whole 万元
      "LZ-2026Q2-EXHIBITION, 200000, 100000",   // cap reached exactly
      "LZ-2026Q2-EXHIBITION, 199998, 90000",    // just under the cap: 99,999 → 90,000
      "LZ-2026Q2-EXHIBITION, 200002, 100000",   // just over the cap
      "LZ-2026Q2-EXHIBITION, 40000, 20000",     // a whole 万元
      "LZ-2026Q2-EXHIBITION, 39998, 10000",     // just below: 19,999 → 10,000
      "LZ-2026Q2-EXHIBITION, 40002, 20000",     // just above: 20,001 → 20,000
      "LZ-2026Q2-EXHIBITION, 19998, 0",         // under one 万元: nothing
      // 四: 50% of the costs, at most 150,000
      "LZ-2026Q2-LAUNCH-EVENT, 300000, 150000",
      "LZ-2026Q2-LAUNCH-EVENT, 299998, 140000",
      "LZ-2026Q2-LAUNCH-EVENT, 300002, 150000",
      "LZ-2026Q2-LAUNCH-EVENT, 60002, 30000",
  })
  void awardIsHalfTheCostsCappedAndRoundedDown(String key, double cost, String expected) {
    MeasureOutcome o = measure(key, true, "MACHINERY", "2026-05-10", cost);
    assertThat(o.eligible()).isTrue();
    assertThat(o.capScope()).isEqualTo("ENTERPRISE");
    assertThat(o.capGroup()).isEqualTo(key);
    assertThat(award(o, "0")).isEqualByComparingTo(expected);
  }

  @Test
  void capIsSummedOverEarlierAwards() {
    MeasureOutcome o = measure("LZ-2026Q2-EXHIBITION", true, "MACHINERY", "2026-05-10", 150000);
    assertThat(award(o, "70000")).isEqualByComparingTo("30000");
    assertThat(award(o, "100000")).isEqualByComparingTo("0");
    MeasureOutcome launch = measure("LZ-2026Q2-LAUNCH-EVENT", true, "MACHINERY", "2026-05-10", 150000);
    assertThat(award(launch, "100000")).isEqualByComparingTo("50000");
  }

  @ParameterizedTest(name = "{0} on {1}: eligible={2}")
  @CsvSource({
      "LZ-2026Q2-EXHIBITION, 2026-03-31, false", "LZ-2026Q2-EXHIBITION, 2026-04-01, true",
      "LZ-2026Q2-EXHIBITION, 2026-06-30, true", "LZ-2026Q2-EXHIBITION, 2026-07-01, false",
      "LZ-2026Q2-LAUNCH-EVENT, 2026-03-31, false", "LZ-2026Q2-LAUNCH-EVENT, 2026-04-01, true",
      "LZ-2026Q2-LAUNCH-EVENT, 2026-06-30, true", "LZ-2026Q2-LAUNCH-EVENT, 2026-07-01, false",
  })
  void onlySecondQuarterEventsCount(String key, String date, boolean eligible) {
    assertThat(measure(key, true, "FOOD", date, 100000).eligible()).isEqualTo(eligible);
  }

  @Test
  void everyFailingConditionIsAReason() {
    MeasureOutcome o = measure("LZ-2026Q2-EXHIBITION", false, "SOFTWARE_IT", "2026-07-01", 0);
    assertThat(o.reasons()).extracting(Reason::zh).containsExactlyInAnyOrder(
        "申报企业不是规模以上工业企业", "申报企业不属于工业企业", "参展日期不在2026年二季度（2026-04-01至2026-06-30）",
        "展位费、会场搭建等费用须大于零");
    assertThat(o.reasons()).allMatch(r -> r.en() != null && !r.en().isBlank());
    assertThat(measure("LZ-2026Q2-LAUNCH-EVENT", false, "FOOD", "2026-05-01", 1000).reasons()).hasSize(1);
  }

  @ParameterizedTest(name = "rank {0} → {1}")
  @CsvSource({"1, 8000000", "2, 5000000", "3, 3500000", "4, 2000000", "5, 1500000", "6, 0", "12, 0"})
  void countyRankingAwards(int rank, double award) {
    List<Map<String, Object>> rows = ENGINE.evaluateDecision(decisions.get("LZ-2026Q2-COUNTY-RANKING"), Map.of("rank", rank))
        .getResultList();
    assertThat(rows).hasSize(1);
    assertThat(((Number) rows.get(0).get("award")).doubleValue()).isEqualTo(award);
  }

  static List<String> general(Boolean registered, Boolean blacklisted, String tax, Boolean accounting, String lastSerious) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("registered", registered);
    vars.put("jointPunishmentTarget", blacklisted);
    vars.put("taxCreditRating", tax);
    vars.put("accountingCreditGood", accounting);
    vars.put("lastSeriousRecordOn", lastSerious);
    vars.put("filedOn", "2026-07-10");
    return ENGINE.evaluateDecision(decisions.get("LZ-2026Q2-GENERAL"), vars).getResultList().stream()
        .map(r -> (String) r.get("reasonEn")).toList();
  }

  @Test
  void generalEligibilityOfClauseSixTwo() {
    assertThat(general(true, false, "A", true, null)).isEmpty();
    assertThat(general(true, false, "B", true, null)).isEmpty();
    assertThat(general(true, false, "M", true, null)).isEmpty();
    assertThat(general(true, false, "C", true, null)).singleElement().asString().contains("tax credit");
    assertThat(general(true, false, "D", true, null)).singleElement().asString().contains("tax credit");
    assertThat(general(true, true, "A", true, null)).singleElement().asString().contains("joint-punishment");
    assertThat(general(true, false, "A", false, null)).singleElement().asString().contains("accounting");
    assertThat(general(false, null, null, null, null)).singleElement().asString().contains("registry");
    // 近两年: a serious record on the day two years before filing still counts, one day earlier does not
    assertThat(general(true, false, "A", true, "2024-07-10")).singleElement().asString().contains("serious");
    assertThat(general(true, false, "A", true, "2024-07-09")).isEmpty();
    assertThat(general(true, true, "D", false, "2026-01-01")).hasSize(4);
  }
}
