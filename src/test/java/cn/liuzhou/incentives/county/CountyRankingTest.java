package cn.liuzhou.incentives.county;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.liuzhou.incentives.county.CountyRanking.Ranked;
import cn.liuzhou.incentives.county.CountyRanking.Scores;
import cn.liuzhou.incentives.county.CountyRanking.TieBreak;
import cn.liuzhou.incentives.registry.County;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stated ranking rule: composite score, then output score, then county order. */
class CountyRankingTest {

  static Scores s(String composite, String output) {
    return new Scores(new BigDecimal(composite), new BigDecimal(output));
  }

  static List<County> order(List<Ranked> ranked) {
    return ranked.stream().map(Ranked::county).toList();
  }

  @Test
  void higherCompositeScoreRanksFirstWhateverTheOutputScore() {
    Map<County, Scores> scores = new EnumMap<>(County.class);
    scores.put(County.CHENGZHONG, s("80", "100"));
    scores.put(County.YUFENG, s("90.5", "10"));
    scores.put(County.LIUNAN, s("90.49", "99"));
    List<Ranked> ranked = CountyRanking.rank(scores);
    assertThat(order(ranked)).containsExactly(County.YUFENG, County.LIUNAN, County.CHENGZHONG);
    assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 3);
    assertThat(ranked).extracting(Ranked::tieBreak).containsOnly(TieBreak.NONE);
  }

  @Test
  void equalCompositeScoresAreOrderedByTheHigherOutputScore() {
    Map<County, Scores> scores = new EnumMap<>(County.class);
    scores.put(County.CHENGZHONG, s("88", "70"));
    scores.put(County.LIUBEI, s("88.00", "75.5")); // 88 and 88.00 are the same score
    scores.put(County.YUFENG, s("70", "99"));
    List<Ranked> ranked = CountyRanking.rank(scores);
    assertThat(order(ranked)).containsExactly(County.LIUBEI, County.CHENGZHONG, County.YUFENG);
    assertThat(ranked).extracting(Ranked::tieBreak).containsExactly(TieBreak.NONE, TieBreak.OUTPUT_SCORE, TieBreak.NONE);
  }

  @Test
  void equalOnBothScoresFollowsTheCountyOrderWhateverTheInputOrder() {
    Map<County, Scores> scores = new LinkedHashMap<>(); // deliberately not in county order
    scores.put(County.BEIBU, s("85", "80"));
    scores.put(County.SANJIANG, s("85", "80"));
    scores.put(County.CHENGZHONG, s("85", "80"));
    scores.put(County.LIUDONG, s("85", "80.01"));
    List<Ranked> ranked = CountyRanking.rank(scores);
    assertThat(order(ranked)).containsExactly(County.LIUDONG, County.CHENGZHONG, County.SANJIANG, County.BEIBU);
    assertThat(ranked).extracting(Ranked::tieBreak)
        .containsExactly(TieBreak.NONE, TieBreak.OUTPUT_SCORE, TieBreak.COUNTY_ORDER, TieBreak.COUNTY_ORDER);
  }

  @Test
  void twelveCountiesAllTiedGetTwelveDistinctRanksInCountyOrder() {
    Map<County, Scores> scores = new EnumMap<>(County.class);
    for (County c : County.values()) {
      scores.put(c, s("60", "60"));
    }
    List<Ranked> ranked = CountyRanking.rank(scores);
    assertThat(order(ranked)).containsExactly(County.values());
    assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
  }

  @Test
  void tieAtTheFifthPlaceBoundaryIsDecidedByTheOutputScore() {
    Map<County, Scores> scores = new EnumMap<>(County.class);
    String[] composite = {"95", "94", "93", "92", "90", "90", "89", "88", "87", "86", "85", "84"};
    County[] counties = County.values();
    for (int i = 0; i < counties.length; i++) {
      scores.put(counties[i], s(composite[i], "50"));
    }
    scores.put(County.LIUCHENG, s("90", "50.5")); // ties LIUJIANG on composite, higher output score
    List<Ranked> ranked = CountyRanking.rank(scores);
    assertThat(ranked.get(4).county()).isEqualTo(County.LIUCHENG);
    assertThat(ranked.get(5).county()).isEqualTo(County.LIUJIANG);
    assertThat(ranked.get(5).tieBreak()).isEqualTo(TieBreak.OUTPUT_SCORE);
  }

  @Test
  void scoresAreRequired() {
    assertThatThrownBy(() -> new Scores(null, BigDecimal.ONE)).isInstanceOf(NullPointerException.class);
  }
}
