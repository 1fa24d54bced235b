package cn.liuzhou.incentives.security;

import cn.liuzhou.incentives.workflow.ReviewRefusedException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist talks to the webapps' own engine REST API, which answers a refusal raised in a task
 * listener with a 500 and an English engine message; the reviewer gets 400 with the reason in
 * Chinese ({@code message}, what the toast shows) and English ({@code messageEn}, {@code detailEn}) instead.
 */
public class WebappRefusalFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ReviewRefusedException.takeLast();
    ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapped);
      ReviewRefusedException refused = ReviewRefusedException.takeLast();
      if (wrapped.getStatus() >= 500 && refused != null) {
        wrapped.resetBuffer();
        wrapped.setStatus(400);
        wrapped.setContentType("application/json;charset=UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ReviewRefusedException");
        body.put("message", refused.zh()); // the toast: one Chinese sentence
        body.put("messageEn", refused.en());
        body.put("detail", refused.zh());
        body.put("detailEn", refused.en());
        wrapped.getOutputStream().write(JSON.writeValueAsBytes(body));
      }
    } finally {
      ReviewRefusedException.takeLast();
      wrapped.copyBodyToResponse();
    }
  }
}
