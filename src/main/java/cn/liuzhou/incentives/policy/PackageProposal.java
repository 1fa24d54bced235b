package cn.liuzhou.incentives.policy;

import java.time.Instant;

/**
 * Shipped tables that differ from the package's active revision while an administrator's revision is
 * newer than the last shipped one: recorded for a policy administrator to adopt, never deployed over
 * the administrator's revision. {@code status}: OPEN, ADOPTED, SUPERSEDED (a later release shipped other tables).
 */
public record PackageProposal(long id, String packageCode, String contentHash, int activeRevision, String status,
    Instant proposedAt, String decidedBy, Instant decidedAt, Integer adoptedRevision) {}
