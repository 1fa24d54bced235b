package cn.liuzhou.incentives.policy;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/** A package deployment refused by its checks; nothing was deployed. */
public class PackageRejectedException extends BadUserRequestException {

  private final transient List<String> problems;

  public PackageRejectedException(String packageCode, List<String> problems) {
    super("政策包 " + packageCode + " 的决策表未通过检查，未部署 / the tables of package " + packageCode
        + " failed their checks and were not deployed: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
