package cn.liuzhou.incentives.console;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** {@link RegistryConsoleApiTest} again, on a real PostgreSQL (V8, the change log, searches with LIKE, paging). */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class RegistryConsoleOnPostgresTest extends RegistryConsoleApiTest {}
