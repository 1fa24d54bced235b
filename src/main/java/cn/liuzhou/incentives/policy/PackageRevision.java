package cn.liuzhou.incentives.policy;

import java.time.Instant;

/** One deployment of a package's tables; its versionTag binds the applications it screened. */
public record PackageRevision(String packageCode, int revision, String versionTag, String deploymentId,
    String contentHash, String deployedBy, Instant deployedAt) {}
