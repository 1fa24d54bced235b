package cn.liuzhou.incentives.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** HTTP Basic on the application's API and on Camunda's REST API; the webapps keep their own login. */
@Configuration
public class SecurityConfiguration implements WebMvcConfigurer {

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
    var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
    registration.addUrlPatterns("/api/*");
    registration.setName("api-authentication");
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setName("engine-rest-authentication");
    return registration;
  }

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
        return request.getNativeRequest(HttpServletRequest.class).getAttribute(ApiAuthenticationFilter.CALLER);
      }
    });
  }
}
