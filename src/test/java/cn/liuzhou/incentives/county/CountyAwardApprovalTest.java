package cn.liuzhou.incentives.county;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.liuzhou.incentives.county.CountyAwardApproval.Row;
import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.workflow.ReviewRefusedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bureau's approval: the decision's amounts as they are; its own amounts where the decision gives none. */
class CountyAwardApprovalTest {

  static List<Row> rows(BigDecimal... tableAwards) {
    List<Row> rows = new ArrayList<>();
    County[] counties = County.values();
    for (int i = 0; i < counties.length; i++) {
      rows.add(new Row(counties[i], i + 1, i < tableAwards.length ? tableAwards[i] : null));
    }
    return rows;
  }

  static List<Row> placeholders() {
    return rows();
  }

  @Test
  void tableAmountsAreApprovedWhateverIsSubmitted() {
    var rows = rows(new BigDecimal("8000000"), new BigDecimal("5000000"), new BigDecimal("3500000"), new BigDecimal("2000000"),
        new BigDecimal("1500000"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO);
    var approved = CountyAwardApproval.approve(rows, c -> 99_999_999);
    assertThat(approved.get(County.CHENGZHONG)).isEqualByComparingTo("8000000");
    assertThat(approved.get(County.LIUJIANG)).isEqualByComparingTo("1500000");
    assertThat(approved.get(County.BEIBU)).isEqualByComparingTo("0");
    assertThat(approved.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("20000000");
  }

  @Test
  void bureauAmountsWhereTheTableGivesNone() {
    Map<County, Object> entered = new HashMap<>();
    entered.put(County.CHENGZHONG, 1_000_000);
    entered.put(County.YUFENG, "800000.50");
    entered.put(County.LIUNAN, " ");
    var approved = CountyAwardApproval.approve(placeholders(), entered::get);
    assertThat(approved.get(County.CHENGZHONG)).isEqualByComparingTo("1000000");
    assertThat(approved.get(County.YUFENG)).isEqualByComparingTo("800000.50");
    assertThat(approved.get(County.LIUNAN)).isEqualByComparingTo("0");
    assertThat(approved.get(County.BEIBU)).isEqualByComparingTo("0");
  }

  @Test
  void badBureauAmountsAreRefusedByName() {
    Map<County, Object> entered = new HashMap<>();
    entered.put(County.CHENGZHONG, "abc");
    entered.put(County.YUFENG, -1);
    entered.put(County.LIUNAN, 1.005);
    assertThatThrownBy(() -> CountyAwardApproval.approve(placeholders(), entered::get))
        .isInstanceOf(ReviewRefusedException.class)
        .hasMessageContaining("城中区核定奖励不是数字").hasMessageContaining("鱼峰区").hasMessageContaining("柳南区")
        .hasMessageContaining("award_chengzhong");
  }

  @Test
  void lowerRankMayNotReceiveMore() {
    Map<County, Object> entered = new HashMap<>();
    entered.put(County.CHENGZHONG, 500_000);
    entered.put(County.LIUNAN, 600_000); // rank 3 above rank 1, rank 2 has nothing
    assertThatThrownBy(() -> CountyAwardApproval.approve(placeholders(), entered::get))
        .isInstanceOf(ReviewRefusedException.class).hasMessageContaining("柳南区（第3名）");
  }

  @Test
  void approvingNothingIsRefused() {
    assertThatThrownBy(() -> CountyAwardApproval.approve(placeholders(), c -> null))
        .isInstanceOf(ReviewRefusedException.class).hasMessageContaining("没有任何县区获得奖励");
  }
}
