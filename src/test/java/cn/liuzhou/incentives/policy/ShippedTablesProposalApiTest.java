package cn.liuzhou.incentives.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Shipped tables never replace an administrator's revision: a release whose dmn/ file differs from an
 * administrator's newer revision records a proposal, which a policy administrator adopts; an
 * administrator's revision is exported as DMN to be copied back to dmn/.
 */
class ShippedTablesProposalApiTest extends ApiTestSupport {

  static final String CODE = "GX-2024Q4";

  @Autowired PackageDeployer deployer;
  @Autowired PackageRevisions revisions;
  @Autowired PolicyCatalogue catalogue;

  /** The shipped tables with a marker: the same decisions, another content. */
  byte[] variant(String marker) {
    PolicyPackage pkg = catalogue.find(CODE).orElseThrow();
    String xml = new String(catalogue.shippedDmn(pkg), StandardCharsets.UTF_8);
    int end = xml.lastIndexOf("</");
    return (xml.substring(0, end) + "<!-- " + marker + " -->\n" + xml.substring(end)).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aReleaseDoesNotReplaceTheAdministratorsRevisionButProposesItsTables() {
    PolicyPackage pkg = catalogue.find(CODE).orElseThrow();
    // The administrator deploys this quarter's tables.
    PackageRevision admins = deployer.deploy(pkg, variant("administrator " + System.nanoTime()), "admin");
    assertThat(revisions.active(CODE).orElseThrow().revision()).isEqualTo(admins.revision());

    // The next release ships other tables: recorded as a proposal, the administrator's revision stays active.
    byte[] shipped = variant("release " + System.nanoTime());
    assertThat(deployer.reconcileShipped(pkg, shipped)).isEqualTo(PackageDeployer.Shipped.PROPOSED);
    assertThat(deployer.reconcileShipped(pkg, shipped)).isEqualTo(PackageDeployer.Shipped.PROPOSED);
    assertThat(revisions.active(CODE).orElseThrow().revision()).isEqualTo(admins.revision());

    var list = call("admin", HttpMethod.GET, "/api/packages/" + CODE + "/proposals", null);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    var open = java.util.stream.StreamSupport.stream(list.getBody().spliterator(), false)
        .filter(p -> p.get("status").asText().equals("OPEN")).toList();
    assertThat(open).hasSize(1); // recorded once, whatever the number of restarts
    long id = open.get(0).get("id").asLong();
    assertThat(open.get(0).get("activeRevision").asInt()).isEqualTo(admins.revision());
    assertThat(open.get(0).get("contentHash").asText())
        .isEqualTo(PackageDeploymentGuard.contentHash(new String(shipped, StandardCharsets.UTF_8)));

    // Only policy administrators see and adopt proposals.
    assertThat(call("bureau", HttpMethod.GET, "/api/packages/" + CODE + "/proposals", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(call("bureau", HttpMethod.POST, "/api/packages/" + CODE + "/proposals/" + id + "/adopt", null)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(revisions.active(CODE).orElseThrow().revision()).isEqualTo(admins.revision());

    var adopted = call("admin", HttpMethod.POST, "/api/packages/" + CODE + "/proposals/" + id + "/adopt", null);
    assertThat(adopted.getStatusCode().value()).as(String.valueOf(adopted.getBody())).isEqualTo(201);
    int newRevision = adopted.getBody().get("revision").asInt();
    assertThat(newRevision).isGreaterThan(admins.revision());
    PackageRevision active = revisions.active(CODE).orElseThrow();
    assertThat(active.revision()).isEqualTo(newRevision);
    assertThat(active.deployedBy()).isEqualTo("admin");
    assertThat(active.contentHash()).isEqualTo(open.get(0).get("contentHash").asText());
    assertThat(call("admin", HttpMethod.POST, "/api/packages/" + CODE + "/proposals/" + id + "/adopt", null)
        .getStatusCode().value()).isEqualTo(409);
    assertThat(call("admin", HttpMethod.POST, "/api/packages/" + CODE + "/proposals/999999/adopt", null)
        .getStatusCode().value()).isEqualTo(404);
    // After adoption the same shipped tables are current: nothing deployed or proposed at the next start.
    assertThat(deployer.reconcileShipped(pkg, shipped)).isEqualTo(PackageDeployer.Shipped.CURRENT);
    assertThat(revisions.active(CODE).orElseThrow().revision()).isEqualTo(newRevision);
  }

  @Test
  void aNewerReleaseSupersedesAnOpenProposal() {
    PolicyPackage pkg = catalogue.find(CODE).orElseThrow();
    deployer.deploy(pkg, variant("administrator " + System.nanoTime()), "admin");
    assertThat(deployer.reconcileShipped(pkg, variant("release A " + System.nanoTime()))).isEqualTo(PackageDeployer.Shipped.PROPOSED);
    assertThat(deployer.reconcileShipped(pkg, variant("release B " + System.nanoTime()))).isEqualTo(PackageDeployer.Shipped.PROPOSED);
    var all = call("admin", HttpMethod.GET, "/api/packages/" + CODE + "/proposals", null).getBody();
    long openCount = java.util.stream.StreamSupport.stream(all.spliterator(), false)
        .filter(p -> p.get("status").asText().equals("OPEN")).count();
    assertThat(openCount).isEqualTo(1);
    assertThat(all.get(all.size() - 1).get("status").asText()).isEqualTo("OPEN");
    assertThat(all.get(all.size() - 2).get("status").asText()).isIn("SUPERSEDED", "ADOPTED");
  }

  @Test
  void withoutAnAdministratorsRevisionTheShippedTablesAreDeployed() {
    PolicyPackage pkg = catalogue.find(CODE).orElseThrow();
    // The last revision is the system's own (no administrator deployed since): a release deploys its tables.
    deployer.deploy(pkg, variant("shipped " + System.nanoTime()), PackageRevisions.SHIPPED);
    int before = revisions.active(CODE).orElseThrow().revision();
    assertThat(deployer.reconcileShipped(pkg, variant("next release " + System.nanoTime())))
        .isEqualTo(PackageDeployer.Shipped.DEPLOYED);
    PackageRevision active = revisions.active(CODE).orElseThrow();
    assertThat(active.revision()).isEqualTo(before + 1);
    assertThat(active.deployedBy()).isEqualTo(PackageRevisions.SHIPPED);
  }

  @Test
  void anAdministratorsRevisionIsExportedAsDmnToCopyBackToTheRepository() {
    PolicyPackage pkg = catalogue.find(CODE).orElseThrow();
    byte[] tables = variant("export " + System.nanoTime());
    PackageRevision revision = deployer.deploy(pkg, tables, "admin");
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", PASSWORD);
    var exported = rest.exchange("/api/packages/" + CODE + "/revisions/" + revision.revision() + "/dmn", HttpMethod.GET,
        new HttpEntity<>(headers), byte[].class);
    assertThat(exported.getStatusCode().value()).isEqualTo(200);
    assertThat(exported.getHeaders().getContentType().toString()).startsWith("application/xml");
    String xml = new String(exported.getBody(), StandardCharsets.UTF_8);
    assertThat(xml).contains("camunda:versionTag=\"" + revision.versionTag() + "\"");
    // The same tables as deployed: copied back to dmn/, the next start finds them current.
    assertThat(PackageDeploymentGuard.contentHash(xml)).isEqualTo(revision.contentHash());
    assertThat(deployer.reconcileShipped(pkg, exported.getBody())).isEqualTo(PackageDeployer.Shipped.CURRENT);
    assertThat(call("admin", HttpMethod.GET, "/api/packages/" + CODE + "/revisions/99999/dmn", null).getStatusCode().value())
        .isEqualTo(404);
    assertThat(call("bureau", HttpMethod.GET, "/api/packages/" + CODE + "/revisions/" + revision.revision() + "/dmn", null)
        .getStatusCode().value()).isEqualTo(403);
  }
}
