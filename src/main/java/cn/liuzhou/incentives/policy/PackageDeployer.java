package cn.liuzhou.incentives.policy;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Deploys a package's tables; the {@link PackageDeploymentGuard} checks and tags them. At start-up
 * the tables shipped with the application are deployed when they differ from the last shipped
 * revision, so an administrator's quarterly redeployment is not overwritten by a restart.
 */
@Service
public class PackageDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(PackageDeployer.class);

  private final PolicyCatalogue catalogue;
  private final PackageRevisions revisions;
  private final RepositoryService repositoryService;

  public PackageDeployer(PolicyCatalogue catalogue, PackageRevisions revisions, RepositoryService repositoryService) {
    this.catalogue = catalogue;
    this.revisions = revisions;
    this.repositoryService = repositoryService;
  }

  public void deployShippedPackages() {
    for (PolicyPackage pkg : catalogue.packages()) {
      byte[] shipped = catalogue.shippedDmn(pkg);
      String hash = PackageDeploymentGuard.contentHash(new String(shipped, StandardCharsets.UTF_8));
      boolean current = revisions.latestShipped(pkg.code()).map(r -> r.contentHash().equals(hash)).orElse(false);
      if (!current) {
        deploy(pkg, shipped, PackageRevisions.SHIPPED);
        LOG.info("Deployed shipped tables of {} as {}", pkg.code(), revisions.active(pkg.code()).orElseThrow().versionTag());
      }
    }
  }

  /** The DMN XML of the package's active revision as deployed (with its versionTags), if it has one. */
  public java.util.Optional<byte[]> activeXml(PolicyPackage pkg) {
    return revisions.active(pkg.code()).flatMap(r -> repositoryService.getDeploymentResourceNames(r.deploymentId()).stream()
        .filter(n -> n.endsWith(".dmn") || n.endsWith(".dmn11.xml")).findFirst()
        .map(name -> {
          try (var in = repositoryService.getResourceAsStream(r.deploymentId(), name)) {
            return in.readAllBytes();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }));
  }

  /**
   * Deploys new tables for the package. Throws {@link PackageRejectedException} with the reasons,
   * deploying nothing, when they fail the checks.
   */
  public PackageRevision deploy(PolicyPackage pkg, byte[] dmnXml, String source) {
    Deployment deployment = repositoryService.createDeployment()
        .name("policy-package " + pkg.code())
        .source(source)
        .addInputStream(pkg.code() + ".dmn", new java.io.ByteArrayInputStream(dmnXml))
        .deploy();
    return revisions.all(pkg.code()).stream().filter(r -> r.deploymentId().equals(deployment.getId()))
        .findFirst().orElseThrow();
  }
}
