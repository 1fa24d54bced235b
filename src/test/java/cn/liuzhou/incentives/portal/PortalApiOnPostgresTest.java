package cn.liuzhou.incentives.portal;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** {@link PortalApiTest} again, on a real PostgreSQL (drafts, inbox, public objections: V6). */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class PortalApiOnPostgresTest extends PortalApiTest {}
