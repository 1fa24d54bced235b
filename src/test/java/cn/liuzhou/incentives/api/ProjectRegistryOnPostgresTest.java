package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** {@link ProjectRegistryApiTest} again, on a real PostgreSQL. */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class ProjectRegistryOnPostgresTest extends ProjectRegistryApiTest {}
