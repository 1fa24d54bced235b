package cn.liuzhou.incentives.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway used until a real e-mail or SMS gateway is plugged in: it only logs what it would send. */
public class LoggingNotificationGateway implements NotificationGateway {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingNotificationGateway.class);

  @Override
  public void deliver(String creditCode, String applicationId, String messageZh, String messageEn) {
    LOG.info("Notification to {} about {} (not sent: logging gateway): {}", creditCode, applicationId, messageEn);
  }

  /** Registers the logging gateway unless the deployment provides a {@link NotificationGateway} bean of its own. */
  @Configuration
  static class Registration {

    @Bean
    @ConditionalOnMissingBean(NotificationGateway.class)
    NotificationGateway loggingNotificationGateway() {
      return new LoggingNotificationGateway();
    }
  }
}
