package cn.liuzhou.incentives.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The pages' login: a Chinese form login with a session, which the pages' scripts then use against /api.
 * A session call that changes something needs the CSRF token; HTTP Basic callers (integrators) need none.
 */
class PageLoginApiTest extends ApiTestSupport {

  /** A browser that shows redirects instead of following them. */
  private org.springframework.boot.test.web.client.TestRestTemplate browser() {
    return rest.withRedirects(org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
  }

  @Test
  void theHomePageAndTheLoginPageAreChineseAndOpenToEveryone() {
    ResponseEntity<String> home = rest.getForEntity("/", String.class);
    assertThat(home.getStatusCode().value()).isEqualTo(200);
    assertThat(home.getBody()).contains("柳州市工业稳增长政策奖补申报与审批系统", "企业申报", "公示");
    ResponseEntity<String> login = rest.getForEntity("/login", String.class);
    assertThat(login.getBody()).contains("统一社会信用代码", "name=\"_csrf\"");
  }

  @Test
  void protectedPagesSendAnonymousVisitorsToTheLoginPage() {
    for (String page : List.of("/portal", "/cases", "/console")) {
      ResponseEntity<String> response = browser().getForEntity(page, String.class);
      assertThat(response.getStatusCode().value()).as(page).isEqualTo(302);
      assertThat(response.getHeaders().getLocation().getPath()).as(page).isEqualTo("/login");
    }
  }

  @Test
  void aWrongPasswordReturnsToTheLoginPageWithAnError() {
    Session session = Session.open(browser());
    ResponseEntity<String> response = session.login("91450200MA5L000117", "wrong");
    assertThat(response.getHeaders().getLocation().toString()).endsWith("/login?error");
  }

  @Test
  void aLoginWithoutTheCsrfTokenIsRefused() {
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", "91450200MA5L000117");
    form.add("password", PASSWORD);
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> response = rest.postForEntity("/login", new HttpEntity<>(form, headers), String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aSessionReadsTheApiAndMayChangeSomethingOnlyWithItsCsrfToken() {
    String enterprise = cleanEnterprise();
    Session session = Session.open(browser());
    assertThat(session.login(enterprise, "demo-password").getHeaders().getLocation().getPath()).isEqualTo("/");

    ResponseEntity<String> mine = session.exchange(HttpMethod.GET, "/api/applications", null, false);
    assertThat(mine.getStatusCode().value()).isEqualTo(200);

    var filing = Map.of("measureCode", "LZ-2026Q2-EXHIBITION", "creditCode", enterprise,
        "facts", Map.of("eligibleCost", 150000, "eventDate", "2026-05-10"));
    ResponseEntity<String> forged = session.exchange(HttpMethod.POST, "/api/applications", filing, false);
    assertThat(forged.getStatusCode().value()).isEqualTo(403);
    assertThat(forged.getBody()).contains("CSRF");

    ResponseEntity<String> filed = session.exchange(HttpMethod.POST, "/api/applications", filing, true);
    assertThat(filed.getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void integratorsUsingHttpBasicNeedNoCsrfToken() {
    String enterprise = cleanEnterprise();
    assertThat(fileExhibition(enterprise, 120000).path("id").asText()).isNotBlank();
  }

  @Test
  void anEnterpriseMayNotOpenTheCaseFilesOrThePolicyConsole() {
    Session session = Session.open(browser());
    session.login("91450200MA5L000117", PASSWORD);
    assertThat(session.exchange(HttpMethod.GET, "/console", null, false).getStatusCode().value()).isEqualTo(403);
    assertThat(session.exchange(HttpMethod.GET, "/cases", null, false).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void theApiIsPublishedAsOpenApi() {
    ResponseEntity<String> docs = rest.getForEntity("/v3/api-docs", String.class);
    assertThat(docs.getStatusCode().value()).isEqualTo(200);
    assertThat(docs.getBody()).contains("/api/applications", "\"basic\"").doesNotContain("/engine-rest");
    assertThat(rest.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(200);
  }

  /** A browser's cookie jar, reduced to what these pages set: the session and the CSRF token. */
  static final class Session {
    private final org.springframework.boot.test.web.client.TestRestTemplate rest;
    private String sessionId;
    private String csrf;

    private Session(org.springframework.boot.test.web.client.TestRestTemplate rest) {
      this.rest = rest;
    }

    static Session open(org.springframework.boot.test.web.client.TestRestTemplate rest) {
      Session session = new Session(rest);
      session.remember(rest.getForEntity("/login", String.class));
      assertThat(session.csrf).as("the login page sets the XSRF-TOKEN cookie").isNotBlank();
      return session;
    }

    ResponseEntity<String> login(String user, String password) {
      var form = new LinkedMultiValueMap<String, String>();
      form.add("username", user);
      form.add("password", password);
      form.add("_csrf", csrf);
      var headers = cookies();
      headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
      return remember(rest.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class));
    }

    ResponseEntity<String> exchange(HttpMethod method, String path, Object body, boolean withToken) {
      var headers = cookies();
      headers.setContentType(MediaType.APPLICATION_JSON);
      if (withToken) {
        headers.set("X-XSRF-TOKEN", csrf);
      }
      return remember(rest.exchange(path, method, new HttpEntity<>(body, headers), String.class));
    }

    private HttpHeaders cookies() {
      var headers = new HttpHeaders();
      StringBuilder cookie = new StringBuilder("XSRF-TOKEN=" + csrf);
      Optional.ofNullable(sessionId).ifPresent(id -> cookie.append("; JSESSIONID=").append(id));
      headers.set(HttpHeaders.COOKIE, cookie.toString());
      return headers;
    }

    private ResponseEntity<String> remember(ResponseEntity<String> response) {
      for (String header : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
        for (HttpCookie c : HttpCookie.parse(header)) {
          if (c.getName().equals("JSESSIONID")) {
            sessionId = c.getValue();
          } else if (c.getName().equals("XSRF-TOKEN") && !c.getValue().isEmpty()) {
            csrf = c.getValue();
          }
        }
      }
      return response;
    }
  }
}
