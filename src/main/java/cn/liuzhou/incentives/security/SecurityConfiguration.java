package cn.liuzhou.incentives.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring Security: HTTP Basic (staff against Camunda's identity service, enterprises against the registry's
 * accounts: {@link LoginAuthenticationProvider}) on the application's API and on
 * Camunda's REST API, stateless; Camunda's webapps keep their own session login and CSRF protection.
 * For /engine-rest, Camunda's filter then takes the authenticated user from the container
 * ({@link ContainerBasedAuthenticationProvider}), so the engine's authorizations apply to every call.
 */
@Configuration
public class SecurityConfiguration implements WebMvcConfigurer {

  /**
   * The actuator: {@code /actuator/health} answers anyone (load balancers); every other endpoint, the Prometheus
   * scrape included, needs an HTTP Basic login of the {@code monitoring} group or an administrator. Stateless, and
   * nothing there changes state, so no CSRF token.
   */
  @Bean
  @Order(0)
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    AuthenticationEntryPoint problem = SecurityConfiguration::unauthorized;
    http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(a -> a.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
            .anyRequest().hasAnyAuthority(Groups.MONITORING, Groups.ADMINS))
        .httpBasic(b -> b.realmName("incentives").authenticationEntryPoint(problem))
        .exceptionHandling(e -> e.authenticationEntryPoint(problem)
            .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(response, 403,
                "无权查看运行监控（仅限运维监控组或系统管理员）", "Not permitted (monitoring group or administrators only)", null)));
    return http.build();
  }

  /**
   * The API for integrators (HTTP Basic, no session created) and for this application's own pages, which call it
   * with the session of their login: a request that carries no Authorization header and changes something must
   * then carry the CSRF token the pages read from the {@code XSRF-TOKEN} cookie.
   */
  @Bean
  @Order(1)
  // The LoginAuthenticationProvider bean is the global authentication manager's one provider
  // (registering it on the chain as well would check, and count, every wrong password twice).
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    AuthenticationEntryPoint problem = SecurityConfiguration::unauthorized;
    // Path matchers, not MVC ones: /engine-rest is Camunda's Jersey servlet, outside Spring MVC.
    var paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
        .csrf(c -> c.csrfTokenRepository(CSRF_TOKENS).csrfTokenRequestHandler(HEADER_ONLY)
            .requireCsrfProtectionMatcher(SecurityConfiguration::sessionCallThatChangesSomething))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .authorizeHttpRequests(a -> a.requestMatchers(paths.matcher("/engine-rest/engine")).permitAll()
            .requestMatchers(ADMIN_ONLY_ENGINE_CALLS).hasAuthority(Groups.ADMINS)
            // The public notices (公示) and the public's objections to them: no login (PortalApiController).
            .requestMatchers(paths.matcher("/api/public/**")).permitAll()
            // Enterprises use the application's API only: the engine's is for staff (an enterprise is no Camunda user).
            .requestMatchers(paths.matcher("/engine-rest/**")).access(AuthorizationManagers.allOf(
                AuthenticatedAuthorizationManager.authenticated(),
                AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(Groups.ENTERPRISES))))
            .anyRequest().authenticated())
        .httpBasic(b -> b.realmName("incentives").authenticationEntryPoint(problem))
        .exceptionHandling(e -> e.authenticationEntryPoint(problem)
            .accessDeniedHandler((request, response, denied) -> {
              if (denied instanceof org.springframework.security.web.csrf.CsrfException) {
                ProblemResponses.write(response, 403, "请求缺少有效的防伪令牌（CSRF），请刷新页面后重试",
                    "Missing or invalid CSRF token; reload the page", null);
              } else if (isEnterprise(SecurityContextHolder.getContext().getAuthentication())) {
                ProblemResponses.write(response, 403, "无权使用流程引擎接口（企业账号请使用申报接口 /api）",
                    "Not permitted to use the engine REST API (enterprises use /api)", null);
              } else {
                ProblemResponses.write(response, 403, "无权执行该操作（仅限系统管理员）",
                    "Not permitted (administrators only)", null);
              }
            }));
    return http.build();
  }

  /**
   * Engine calls no reviewer or enterprise has a use for, whatever the engine's authorizations would say: signals
   * and conditional starts (answered without any authorization check when nothing listens), external tasks,
   * migrations, batches, telemetry, and evaluating decisions by hand (which would write decision history that an
   * auditor would read as part of a case).
   */
  private static final RegexRequestMatcher ADMIN_ONLY_ENGINE_CALLS = RegexRequestMatcher.regexMatcher(
      "^/engine-rest(/engine/[^/?]+)?/(condition|signal|external-task|telemetry|migration|batch|modification"
          + "|(decision-definition|decision-requirements-definition)/.*/evaluate"
          + "|process-instance/(delete|suspended|job-retries|variables-async|message-async|correlation-async)"
          + "|process-definition/.*/(restart|restart-async|suspended))([/?].*)?$");

  /** The API takes the token from its header only: a token in a URL would end up in logs and browser history. */
  private static final CsrfTokenRequestAttributeHandler HEADER_ONLY = new CsrfTokenRequestAttributeHandler() {
    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, org.springframework.security.web.csrf.CsrfToken token) {
      return request.getHeader(token.getHeaderName());
    }
  };

  /** One token repository for the pages and the API calls they make: the token travels in a cookie the page reads. */
  static final CookieCsrfTokenRepository CSRF_TOKENS = CookieCsrfTokenRepository.withHttpOnlyFalse();

  private static boolean isEnterprise(Authentication auth) {
    return auth != null && auth.getAuthorities().stream().anyMatch(a -> Groups.ENTERPRISES.equals(a.getAuthority()));
  }

  private static boolean sessionCallThatChangesSomething(HttpServletRequest request) {
    String method = request.getMethod();
    boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
    String authorization = request.getHeader("Authorization");
    boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    return !safe && !basic && request.getSession(false) != null;
  }

  /**
   * This application's own pages (portal, case files, policy console, public notices): a Chinese form login with a
   * session. Camunda's webapps under /camunda keep their own login.
   */
  @Bean
  @Order(2)
  SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
    var paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/"), paths.matcher("/login"), paths.matcher("/logout"),
            paths.matcher("/portal/**"), paths.matcher("/cases/**"), paths.matcher("/console/**"),
            paths.matcher("/notices/**"), paths.matcher("/assets/**")))
        .csrf(c -> c.csrfTokenRepository(CSRF_TOKENS).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .authorizeHttpRequests(a -> a
            .requestMatchers(paths.matcher("/"), paths.matcher("/login"), paths.matcher("/notices/**"),
                paths.matcher("/assets/**")).permitAll()
            .requestMatchers(paths.matcher("/portal/**")).hasAuthority(Groups.ENTERPRISES)
            .requestMatchers(paths.matcher("/cases/**")).hasAnyAuthority(Groups.caseFileReaders())
            .requestMatchers(paths.matcher("/console/**")).hasAnyAuthority(Groups.POLICY_ADMINS, Groups.ADMINS)
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
            .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath() + "/login?"
                + (e instanceof LoginAuthenticationProvider.ThrottledException ? "throttled" : "error"))))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
    return http.build();
  }

  /** Everything else (webapps, static pages): Camunda's webapps authenticate themselves. */
  @Bean
  @Order(3)
  SecurityFilterChain otherSecurity(HttpSecurity http) throws Exception {
    http.csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll());
    return http.build();
  }

  private static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof LoginAuthenticationProvider.ThrottledException) {
      ProblemResponses.write(response, 429, "登录失败次数过多，请稍后再试（来自该地址的登录暂停1分钟）",
          "Too many failed logins from this address; try again in a minute", null);
      response.setHeader("Retry-After", "60");
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"incentives\", charset=\"UTF-8\"");
    ProblemResponses.write(response, 401, "请先登录（HTTP Basic）", "Authentication required (HTTP Basic)", null);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
    registration.setName("engine-rest-authentication");
    registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineRestGuard> engineRestGuard(org.camunda.bpm.engine.TaskService tasks,
      org.camunda.bpm.engine.IdentityService identity, TaskForms forms, com.fasterxml.jackson.databind.ObjectMapper json,
      @org.springframework.beans.factory.annotation.Value("${incentives.max-request-bytes:2097152}") long maxBytes,
      @org.springframework.beans.factory.annotation.Value("${incentives.attachments.max-request-bytes:21495808}") long maxAttachmentBytes) {
    var registration = new FilterRegistrationBean<>(new EngineRestGuard(tasks, identity, forms, json, maxBytes, maxAttachmentBytes));
    registration.addUrlPatterns("/*");
    registration.setName("engine-rest-guard");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE); // before every other filter, the webapps' included
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappRefusalFilter> webappRefusals() {
    var registration = new FilterRegistrationBean<>(new WebappRefusalFilter());
    registration.addUrlPatterns("/camunda/api/engine/*");
    registration.setName("webapp-refusals");
    registration.setOrder(-40);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappLoginThrottle> webappLoginThrottle(LoginThrottle throttle) {
    var registration = new FilterRegistrationBean<>(new WebappLoginThrottle(throttle));
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setName("webapp-login-throttle");
    registration.setOrder(-60);
    return registration;
  }

  /** The API's {@link Caller}: the authenticated user and their Camunda groups. */
  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new HandlerMethodArgumentResolver() {
      @Override
      public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
      }

      @Override
      public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
          WebDataBinderFactory binderFactory) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Set<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet());
        return new Caller(auth.getName(), groups);
      }
    });
  }
}
