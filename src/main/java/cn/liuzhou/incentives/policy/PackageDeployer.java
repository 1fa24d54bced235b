package cn.liuzhou.incentives.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Deploys a package's tables; the {@link PackageDeploymentGuard} checks and tags them. At start-up
 * the tables shipped with the application ({@code dmn/}) are deployed when they differ from the last
 * shipped revision, unless an administrator has deployed a revision since: shipped tables never replace
 * an administrator's revision. They are then recorded as a proposal ({@link PackageProposals}) that a
 * policy administrator adopts, or not ({@code /api/packages/{code}/proposals}).
 */
@Service
public class PackageDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(PackageDeployer.class);

  private final PolicyCatalogue catalogue;
  private final PackageRevisions revisions;
  private final RepositoryService repositoryService;
  private final PackageProposals proposals;

  public PackageDeployer(PolicyCatalogue catalogue, PackageRevisions revisions, RepositoryService repositoryService,
      PackageProposals proposals) {
    this.catalogue = catalogue;
    this.revisions = revisions;
    this.repositoryService = repositoryService;
    this.proposals = proposals;
  }

  public void deployShippedPackages() {
    for (PolicyPackage pkg : catalogue.packages()) {
      reconcileShipped(pkg, catalogue.shippedDmn(pkg));
    }
  }

  /** What start-up did with a package's shipped tables. */
  public enum Shipped { CURRENT, DEPLOYED, PROPOSED }

  /**
   * Brings the package up to date with the tables shipped with this release: nothing when they are the
   * last shipped (or the active) tables; deployed as the next revision when nobody has deployed since
   * the last shipped revision; otherwise recorded as a proposal for a policy administrator.
   */
  public Shipped reconcileShipped(PolicyPackage pkg, byte[] shipped) {
    String hash = PackageDeploymentGuard.contentHash(new String(shipped, StandardCharsets.UTF_8));
    boolean current = revisions.latestShipped(pkg.code()).map(r -> r.contentHash().equals(hash)).orElse(false);
    var active = revisions.active(pkg.code());
    if (current || active.isPresent() && active.get().contentHash().equals(hash)) {
      return Shipped.CURRENT; // already shipped, or an administrator deployed (or adopted) these very tables
    }
    if (active.isPresent() && !PackageRevisions.SHIPPED.equals(active.get().deployedBy())) {
      if (proposals.propose(pkg.code(), hash, new String(shipped, StandardCharsets.UTF_8), active.get().revision())) {
        LOG.warn("The shipped tables of {} differ from the administrator's revision {} ({}): recorded as a proposal, "
            + "not deployed (GET /api/packages/{}/proposals)", pkg.code(), active.get().revision(),
            active.get().deployedBy(), pkg.code());
      }
      return Shipped.PROPOSED;
    }
    deploy(pkg, shipped, PackageRevisions.SHIPPED);
    LOG.info("Deployed shipped tables of {} as {}", pkg.code(), revisions.active(pkg.code()).orElseThrow().versionTag());
    return Shipped.DEPLOYED;
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

  /** The DMN XML of one revision, as deployed (decisions tagged with the revision's versionTag). */
  public Optional<byte[]> revisionDmn(String code, int revision) {
    return revisions.all(code).stream().filter(r -> r.revision() == revision).findFirst().map(r -> {
      try (InputStream in = repositoryService.getResourceAsStream(r.deploymentId(), code + ".dmn")) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
