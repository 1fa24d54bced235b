package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** {@link OperationsApiTest} again, on a real PostgreSQL: the gauges' and the timer's queries. */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class OperationsOnPostgresTest extends OperationsApiTest {}
