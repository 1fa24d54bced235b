package cn.liuzhou.incentives.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A registered investment project: the unit the per-project rules count by (exclusive measures,
 * per-project caps, once per project, series), never a number typed at filing.
 *
 * @param projectCode the national investment-project code (投资项目统一代码), e.g. 2024-450205-34-03-012345
 * @param type NEW_BUILD (新建) or TECH_RENOVATION (技术改造)
 */
public record Project(String projectCode, String creditCode, String name, String county, String type,
    BigDecimal plannedInvestment, LocalDate startDate, String registeredBy, Instant registeredAt, Instant updatedAt) {}
