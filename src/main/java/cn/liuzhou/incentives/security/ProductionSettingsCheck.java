package cn.liuzhou.incentives.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production the application refuses to start without a database password and a first
 * administrator: otherwise Camunda Admin would offer its first-user set-up to whoever opens it first.
 */
@Component
@Profile("prod")
public class ProductionSettingsCheck {

  public ProductionSettingsCheck(Environment env) {
    List<String> missing = new ArrayList<>();
    if (blank(env.getProperty("spring.datasource.password"))) {
      missing.add("INCENTIVES_DB_PASSWORD (spring.datasource.password)");
    }
    if (blank(env.getProperty("camunda.bpm.admin-user.id"))) {
      missing.add("--camunda.bpm.admin-user.id");
    }
    if (blank(env.getProperty("camunda.bpm.admin-user.password"))) {
      missing.add("--camunda.bpm.admin-user.password");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Production start refused: set " + String.join(", ", missing)
          + " (生产环境须设置数据库密码和首个管理员，见 README「生产部署」)");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
