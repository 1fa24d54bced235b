package cn.liuzhou.incentives.cases;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The case files' hooks into features built elsewhere. */
@Configuration
class CaseFilesConfiguration {

  /** HOOK: replaced by the attachments feature's own {@link CaseAttachments} bean when it provides one. */
  @Bean
  @ConditionalOnMissingBean(CaseAttachments.class)
  CaseAttachments caseAttachments(JdbcTemplate jdbc) {
    return new JdbcCaseAttachments(jdbc);
  }
}
