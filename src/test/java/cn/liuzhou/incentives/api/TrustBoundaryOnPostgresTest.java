package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** {@link TrustBoundaryApiTest} again, on a real PostgreSQL. */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class TrustBoundaryOnPostgresTest extends TrustBoundaryApiTest {}
