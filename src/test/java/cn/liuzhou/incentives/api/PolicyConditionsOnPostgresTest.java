package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** {@link PolicyConditionsApiTest} again, on a real PostgreSQL. */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class PolicyConditionsOnPostgresTest extends PolicyConditionsApiTest {}
