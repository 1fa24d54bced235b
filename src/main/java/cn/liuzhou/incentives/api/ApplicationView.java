package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.ledger.Notifications;
import cn.liuzhou.incentives.policy.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An application as the API shows it to the enterprise and the reviewers. */
public record ApplicationView(
    String id,
    String measureCode,
    String measureTitle,
    String packageCode,
    String creditCode,
    String enterpriseName,
    String county,
    String projectId,
    Map<String, Object> facts,
    String status,
    String statusZh,
    BigDecimal proposedAward,
    BigDecimal approvedAward,
    BigDecimal disbursedAward,
    String paymentReference,
    List<Reason> reasons,
    String decisionVersionTag,
    String filedBy,
    Instant filedAt,
    Instant updatedAt,
    List<Notifications.Notification> notifications) {}
