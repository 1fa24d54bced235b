package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** {@link ApplicationFlowApiTest} again, on a real PostgreSQL. */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class ApplicationFlowOnPostgresTest extends ApplicationFlowApiTest {}
