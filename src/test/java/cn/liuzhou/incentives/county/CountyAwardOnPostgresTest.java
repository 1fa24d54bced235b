package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** {@link CountyAwardApiTest} again, on a real PostgreSQL. */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class CountyAwardOnPostgresTest extends CountyAwardApiTest {}
