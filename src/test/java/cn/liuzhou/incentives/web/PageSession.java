package cn.liuzhou.incentives.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.Optional;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A browser's cookie jar for the application's own pages: the session and the CSRF token (as PageLoginApiTest's). */
public final class PageSession {

  private final TestRestTemplate rest;
  private String sessionId;
  private String csrf;

  private PageSession(TestRestTemplate rest) {
    this.rest = rest;
  }

  /** Opens the login page and logs in; the template should not follow redirects. */
  public static PageSession login(TestRestTemplate rest, String user, String password) {
    PageSession session = new PageSession(rest.withRedirects(
        org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW));
    session.remember(session.rest.getForEntity("/login", String.class));
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", user);
    form.add("password", password);
    form.add("_csrf", session.csrf);
    var headers = session.cookies();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> response = session.remember(session.rest.exchange("/login", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class));
    assertThat(response.getHeaders().getLocation().toString()).as("login of " + user).doesNotContain("error");
    return session;
  }

  public String csrf() {
    return csrf;
  }

  public ResponseEntity<String> get(String path) {
    return remember(rest.exchange(path, HttpMethod.GET, new HttpEntity<>(cookies()), String.class));
  }

  public ResponseEntity<byte[]> bytes(String path) {
    ResponseEntity<byte[]> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(cookies()), byte[].class);
    return response;
  }

  /** A JSON call, with or without the CSRF header. */
  public ResponseEntity<String> send(HttpMethod method, String path, Object body, boolean withToken) {
    var headers = cookies();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (withToken) {
      headers.set("X-XSRF-TOKEN", csrf);
    }
    return remember(rest.exchange(path, method, new HttpEntity<>(body, headers), String.class));
  }

  /** A form post as the pages' forms send it (with the hidden _csrf field). */
  public ResponseEntity<String> post(String path, MultiValueMap<String, ?> form, MediaType type) {
    var headers = cookies();
    headers.setContentType(type);
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    form.forEach((k, v) -> v.forEach(x -> body.add(k, x)));
    body.add("_csrf", csrf);
    return remember(rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class));
  }

  private HttpHeaders cookies() {
    var headers = new HttpHeaders();
    StringBuilder cookie = new StringBuilder("XSRF-TOKEN=" + csrf);
    Optional.ofNullable(sessionId).ifPresent(id -> cookie.append("; JSESSIONID=").append(id));
    headers.set(HttpHeaders.COOKIE, cookie.toString());
    return headers;
  }

  private <T> ResponseEntity<T> remember(ResponseEntity<T> response) {
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
