package cn.liuzhou.incentives.policy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

/**
 * Runs before Camunda parses any new deployment, whatever sent it (the packages API, Camunda
 * Modeler's deploy button against /engine-rest, or the start-up deployer). A DMN resource whose
 * decisions belong to a policy package is checked and refused with the reasons if it fails, and
 * otherwise stamped with the package's next unique versionTag ({@code <code>-r<n>}) and recorded
 * as the package's active revision, in the deployment's own transaction.
 */
@Component
public class PackageDeploymentGuard implements Deployer {

  private static final Pattern DECISION_TAG = Pattern.compile("(<(?:\\w+:)?decision\\b[^>]*?)\\s+camunda:versionTag=\"[^\"]*\"");
  private static final Pattern DECISION_OPEN = Pattern.compile("<((?:\\w+:)?decision)\\b(?![\\w-])");

  private final PolicyCatalogue catalogue;
  private final PackageChecker checker;
  private final PackageRevisions revisions;

  public PackageDeploymentGuard(PolicyCatalogue catalogue, PackageChecker checker, PackageRevisions revisions) {
    this.catalogue = catalogue;
    this.checker = checker;
    this.revisions = revisions;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // the deployment cache being rebuilt, not a new deployment
    }
    String user = Context.getCommandContext().getAuthenticatedUserId();
    for (ResourceEntity resource : deployment.getResources().values()) {
      Optional<DmnModelInstance> dmn = parseDmn(resource.getBytes());
      if (dmn.isEmpty()) {
        if (user != null) {
          // Process models, forms and scripts are deployed only by the application itself at start-up.
          throw new PackageRejectedException("-", List.of("只能部署政策包的 DMN 决策表，流程模型和表单由系统在启动时部署："
              + resource.getName() + " / only policy packages' DMN tables may be deployed; process models and forms are "
              + "deployed by the application at start-up: " + resource.getName()));
        }
        continue;
      }
      String name = resource.getName() == null ? "" : resource.getName();
      if (!name.endsWith(".dmn") && !name.endsWith(".dmn11.xml")) {
        // Camunda would store it without deploying its decisions, and the package would point at a revision that does not exist.
        throw new PackageRejectedException("-", List.of("DMN 资源名须以 .dmn 结尾：" + name
            + " / a DMN resource's name must end with .dmn: " + name));
      }
      String xml = new String(resource.getBytes(), StandardCharsets.UTF_8);
      Optional<PolicyPackage> pkg = packageOf(dmn.get());
      if (pkg.isEmpty()) {
        throw new PackageRejectedException("-", List.of("决策键须以政策包代码开头：" + resource.getName()
            + " / every decision key must start with a policy package's code: " + resource.getName()));
      }
      String code = pkg.get().code();
      List<String> problems = checker.check(pkg.get(), resource.getBytes());
      if (!problems.isEmpty()) {
        throw new PackageRejectedException(code, problems);
      }
      int revision = revisions.nextRevision(code);
      String tag = code + "-r" + revision;
      resource.setBytes(withVersionTag(xml, tag).getBytes(StandardCharsets.UTF_8));
      String deployedBy = PackageRevisions.SHIPPED.equals(deployment.getSource()) && user == null ? PackageRevisions.SHIPPED
          : user != null ? user : String.valueOf(deployment.getSource());
      revisions.record(new PackageRevision(code, revision, tag, deployment.getId(), contentHash(xml), deployedBy, Instant.now()));
    }
  }

  /** The resource as a DMN model if it is one by content, whatever its name. */
  static Optional<DmnModelInstance> parseDmn(byte[] bytes) {
    try {
      return Optional.of(Dmn.readModelFromStream(new ByteArrayInputStream(bytes)));
    } catch (RuntimeException notDmn) {
      return Optional.empty();
    }
  }

  /** The package whose code prefixes the model's decision keys, if any. */
  public Optional<PolicyPackage> packageOf(DmnModelInstance model) {
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      String key = decision.getId();
      Optional<PolicyPackage> found = catalogue.packages().stream()
          .filter(p -> key != null && key.startsWith(p.code() + "-")).max((a, b) -> a.code().length() - b.code().length());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The package whose code prefixes the resource's decision keys, if any. */
  public Optional<PolicyPackage> packageOf(String xml) {
    return parseDmn(xml.getBytes(StandardCharsets.UTF_8)).flatMap(this::packageOf);
  }

  /** Every decision of the XML tagged with the given versionTag, whatever tags it carried. */
  static String withVersionTag(String xml, String tag) {
    String untagged = DECISION_TAG.matcher(xml).replaceAll("$1");
    if (!untagged.contains("xmlns:camunda=")) {
      untagged = untagged.replaceFirst("<((?:\\w+:)?definitions)\\b", "<$1 xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\"");
    }
    return DECISION_OPEN.matcher(untagged).replaceAll("<$1 camunda:versionTag=\"" + Matcher.quoteReplacement(tag) + "\"");
  }

  /** Hash of the tables without their versionTags: what tells one content from another. */
  public static String contentHash(String xml) {
    try {
      String normalised = DECISION_TAG.matcher(xml).replaceAll("$1");
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
