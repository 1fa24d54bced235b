package cn.liuzhou.incentives.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** problem+json answers written by servlet filters, before any controller runs. */
public final class ProblemResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponses() {}

  public static void write(HttpServletResponse response, int status, String zh, String en, String field) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    HttpStatus known = HttpStatus.resolve(status);
    body.put("title", known == null ? String.valueOf(status) : known.getReasonPhrase());
    body.put("status", status);
    body.put("detail", zh);
    body.put("detailEn", en);
    Map<String, String> error = new LinkedHashMap<>();
    if (field != null) {
      error.put("field", field);
    }
    error.put("zh", zh);
    error.put("en", en);
    body.put("errors", List.of(error));
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }
}
