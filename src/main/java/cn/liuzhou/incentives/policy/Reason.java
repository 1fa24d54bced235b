package cn.liuzhou.incentives.policy;

/** Why an application was refused or returned, for the enterprise (Chinese) and the API (English). */
public record Reason(String code, String zh, String en) {}
