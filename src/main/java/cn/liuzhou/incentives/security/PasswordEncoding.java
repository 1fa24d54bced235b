package cn.liuzhou.incentives.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How enterprise passwords are hashed: Spring Security's delegating encoder (bcrypt today, prefixed with its id). */
@Configuration
public class PasswordEncoding {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
