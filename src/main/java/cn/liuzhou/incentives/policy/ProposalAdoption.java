package cn.liuzhou.incentives.policy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A policy administrator adopts shipped tables recorded as a proposal: they are deployed as the next revision. */
@Service
public class ProposalAdoption {

  /** What became of the adoption. */
  public sealed interface Outcome {
    record Adopted(PackageRevision revision) implements Outcome {}

    record NotOpen(PackageProposal proposal) implements Outcome {}
  }

  private final PackageProposals proposals;
  private final PackageDeployer deployer;

  public ProposalAdoption(PackageProposals proposals, PackageDeployer deployer) {
    this.proposals = proposals;
    this.deployer = deployer;
  }

  /** Empty when there is no such proposal; checked and deployed like any administrator's deployment. */
  @Transactional
  public Optional<Outcome> adopt(PolicyPackage pkg, long id, String userId) {
    Optional<PackageProposal> proposal = proposals.lock(pkg.code(), id);
    if (proposal.isEmpty()) {
      return Optional.empty();
    }
    if (!"OPEN".equals(proposal.get().status())) {
      return Optional.of(new Outcome.NotOpen(proposal.get()));
    }
    PackageRevision revision = deployer.deploy(pkg, proposals.dmn(id).getBytes(StandardCharsets.UTF_8), userId);
    proposals.adopted(id, userId, revision.revision());
    return Optional.of(new Outcome.Adopted(revision));
  }
}
