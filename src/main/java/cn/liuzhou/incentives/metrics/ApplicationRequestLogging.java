package cn.liuzhou.incentives.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the application number of a {@code /api/applications/{id}/**} request into the logging context under the key
 * the engine uses for a process's business key ({@link LogContext}), so the request's log lines and the engine's
 * lines for that application carry the same value. The engine keeps a value it finds there and restores it after
 * each command (its "external" MDC properties).
 */
public class ApplicationRequestLogging extends OncePerRequestFilter {

  /** Only a well-formed number is logged: a path segment is user input and must not forge log lines. */
  private static final Pattern APPLICATION = Pattern.compile("^/api/applications/([A-Za-z0-9-]{1,64})(/.*)?$");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = APPLICATION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!m.matches()) {
      chain.doFilter(request, response);
      return;
    }
    try (var context = LogContext.businessKey(m.group(1))) {
      chain.doFilter(request, response);
    }
  }

  @Configuration
  static class Registration {

    /** Early, before Spring Security: a refused request is logged with the application it was about. */
    @Bean
    FilterRegistrationBean<ApplicationRequestLogging> applicationRequestLogging() {
      var registration = new FilterRegistrationBean<>(new ApplicationRequestLogging());
      registration.addUrlPatterns("/api/applications/*");
      registration.setName("application-request-logging");
      registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
      return registration;
    }
  }
}
