package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** {@link AttachmentApiTest} again, on a real PostgreSQL (bytea content, the V3 schema). */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class AttachmentOnPostgresTest extends AttachmentApiTest {}
