package cn.liuzhou.incentives.ledger;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** {@link BudgetConcurrencyTest} again, on a real PostgreSQL. */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class BudgetConcurrencyOnPostgresTest extends BudgetConcurrencyTest {}
