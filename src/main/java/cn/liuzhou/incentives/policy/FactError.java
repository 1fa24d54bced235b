package cn.liuzhou.incentives.policy;

/** A declared fact that cannot be accepted, named by its JSON path. */
public record FactError(String field, String zh, String en) {}
