package cn.liuzhou.incentives.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** An API request about one application logs under its number, and leaves the logging context as it found it. */
class ApplicationRequestLoggingTest {

  final List<String> seen = new ArrayList<>();

  String during(String uri) throws Exception {
    seen.clear();
    new ApplicationRequestLogging().doFilter(new MockHttpServletRequest("GET", uri), new MockHttpServletResponse(),
        (request, response) -> seen.add(MDC.get(LogContext.BUSINESS_KEY)));
    return seen.get(0);
  }

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void requestsAboutAnApplicationCarryItsNumber() throws Exception {
    assertThat(during("/api/applications/SQ-20261122-1A2B3C4D")).isEqualTo("SQ-20261122-1A2B3C4D");
    assertThat(during("/api/applications/SQ-20261122-1A2B3C4D/attachments/7")).isEqualTo("SQ-20261122-1A2B3C4D");
    assertThat(MDC.get(LogContext.BUSINESS_KEY)).isNull();
  }

  @Test
  void otherRequestsAndForgedNumbersAreNotTagged() throws Exception {
    assertThat(during("/api/applications")).isNull();
    assertThat(during("/api/enterprises/91450200MA5L000117")).isNull();
    assertThat(during("/api/applications/SQ-1\nINFO forged line")).isNull();
  }

  @Test
  void anOuterValueIsPutBack() throws Exception {
    MDC.put(LogContext.BUSINESS_KEY, "outer");
    assertThat(during("/api/applications/SQ-20261122-1A2B3C4D")).isEqualTo("SQ-20261122-1A2B3C4D");
    assertThat(MDC.get(LogContext.BUSINESS_KEY)).isEqualTo("outer");
  }
}
