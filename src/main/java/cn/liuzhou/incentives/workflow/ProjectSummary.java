package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.registry.ProjectRegistry;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What a reviewer sees of an application's registered project: the project and every other application on it. */
@Component
public class ProjectSummary {

  private final ProjectRegistry projects;
  private final ApplicationRepository applications;

  public ProjectSummary(ProjectRegistry projects, ApplicationRepository applications) {
    this.projects = projects;
    this.applications = applications;
  }

  public String of(ApplicationRecord app) {
    if (app.projectId() == null) {
      return "（本措施不按项目申报）";
    }
    return projects.find(app.projectId()).map(p -> {
      String others = applications.ofProject(app.creditCode(), p.projectCode()).stream()
          .filter(a -> !a.id().equals(app.id()))
          .map(a -> a.id() + " " + a.measureCode() + " " + a.status().zh()
              + (a.countedAmount().signum() > 0 ? " " + cn.liuzhou.incentives.review.Money.yuan(a.countedAmount()) : ""))
          .collect(Collectors.joining("；"));
      return p.projectCode() + " " + p.name() + "（" + ("NEW_BUILD".equals(p.type()) ? "新建" : "技术改造") + "，计划总投资 "
          + cn.liuzhou.incentives.review.Money.yuan(p.plannedInvestment()) + "，开工 " + p.startDate() + "）\n本项目其他申请及奖励："
          + (others.isEmpty() ? "无" : others);
    }).orElse("项目 " + app.projectId() + " 未登记");
  }
}
