package cn.liuzhou.incentives.registry;

import java.time.Instant;

/** An enterprise's login as administrators see it: never the password hash. */
public record EnterpriseAccount(String creditCode, boolean enabled, int failedLogins, Instant lastFailedAt,
    Instant lastLoginAt, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {}
