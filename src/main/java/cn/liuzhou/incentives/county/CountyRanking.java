package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.registry.County;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stated ranking rule of the county awards: descending composite score (综合评分); equal
 * composite scores are ordered by the higher output-target completion score (产值目标完成得分);
 * when both are equal, by the order of {@link County} (the administrative order of the counties).
 * The order is total, so every county gets its own rank 1…n.
 */
public final class CountyRanking {

  /** Why a county stands below the one ranked just above it. */
  public enum TieBreak {
    /** A lower composite score. */
    NONE("", ""),
    /** The same composite score, a lower output score. */
    OUTPUT_SCORE("与上一名综合评分相同，按产值目标完成得分排后", "same composite score as the county above; lower output score"),
    /** Both scores the same: the county order decided. */
    COUNTY_ORDER("与上一名两项得分均相同，按县区序列排后", "same scores as the county above; placed by the county order");

    private final String zh;
    private final String en;

    TieBreak(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }

    public String zh() {
      return zh;
    }

    public String en() {
      return en;
    }
  }

  /** A county's two scores. */
  public record Scores(BigDecimal composite, BigDecimal output) {
    public Scores {
      Objects.requireNonNull(composite, "composite");
      Objects.requireNonNull(output, "output");
    }
  }

  /** A county's place in the ranking. */
  public record Ranked(int rank, County county, Scores scores, TieBreak tieBreak) {}

  /** The ranking order as a comparator: the better county first. */
  public static final Comparator<Map.Entry<County, Scores>> ORDER =
      Comparator.<Map.Entry<County, Scores>, BigDecimal>comparing(e -> e.getValue().composite(), Comparator.reverseOrder())
          .thenComparing(e -> e.getValue().output(), Comparator.reverseOrder())
          .thenComparing(Map.Entry::getKey);

  private CountyRanking() {}

  public static List<Ranked> rank(Map<County, Scores> scores) {
    List<Map.Entry<County, Scores>> sorted = new ArrayList<>(scores.entrySet());
    sorted.sort(ORDER);
    List<Ranked> ranked = new ArrayList<>(sorted.size());
    Scores above = null;
    for (int i = 0; i < sorted.size(); i++) {
      Scores s = sorted.get(i).getValue();
      TieBreak tie = TieBreak.NONE;
      if (above != null && above.composite().compareTo(s.composite()) == 0) {
        tie = above.output().compareTo(s.output()) == 0 ? TieBreak.COUNTY_ORDER : TieBreak.OUTPUT_SCORE;
      }
      ranked.add(new Ranked(i + 1, sorted.get(i).getKey(), s, tie));
      above = s;
    }
    return ranked;
  }
}
