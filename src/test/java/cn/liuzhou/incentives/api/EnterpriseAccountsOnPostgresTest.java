package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** {@link EnterpriseAccountsApiTest} again, on a real PostgreSQL (the accounts table of V9 included). */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class EnterpriseAccountsOnPostgresTest extends EnterpriseAccountsApiTest {}
