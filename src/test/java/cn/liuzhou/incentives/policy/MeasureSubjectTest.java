package cn.liuzhou.incentives.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A measure's subject: named by one of its own credit-code facts, else the applicant; a wrong name does not load. */
class MeasureSubjectTest {

  static FactSpec fact(String name, String type) {
    return new FactSpec(name, type, name, false, null, null, null);
  }

  static Measure measure(String subjectFact, FactSpec... facts) {
    return new Measure("X-MERGER", "二十五", "兼并重组", "ENTERPRISE", "X-MERGER", "TABLE", false, null, List.of(facts),
        null, subjectFact, null);
  }

  @Test
  void theSubjectIsTheNamedEnterpriseElseTheApplicant() {
    Measure m = measure("mergedEnterpriseCreditCode", fact("mergedEnterpriseCreditCode", "creditCode"));
    assertThat(m.subject(Map.of("mergedEnterpriseCreditCode", " 91450200ma5l0a1b2c "), "APPLICANT"))
        .isEqualTo("91450200MA5L0A1B2C");
    assertThat(m.subject(Map.of(), "APPLICANT")).isEqualTo("APPLICANT");
    assertThat(measure(null).subject(Map.of("mergedEnterpriseCreditCode", "X"), "APPLICANT")).isEqualTo("APPLICANT");
  }

  @Test
  void aSubjectFactThatIsNoCreditCodeFactOfTheMeasureDoesNotLoad() {
    assertThatThrownBy(() -> measure("mergedEnterpriseCreditCode")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mergedEnterpriseCreditCode");
    assertThatThrownBy(() -> measure("mergedEnterpriseCreditCode", fact("mergedEnterpriseCreditCode", "text")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
