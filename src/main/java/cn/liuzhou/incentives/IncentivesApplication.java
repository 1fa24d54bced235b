package cn.liuzhou.incentives;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IncentivesApplication {

  public static void main(String[] args) {
    SpringApplication.run(IncentivesApplication.class, args);
  }
}
