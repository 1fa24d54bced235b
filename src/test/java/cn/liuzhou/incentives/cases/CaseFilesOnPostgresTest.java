package cn.liuzhou.incentives.cases;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** {@link CaseFilesApiTest} again, on a real PostgreSQL (the search's SQL, paging and LIKE escapes). */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class CaseFilesOnPostgresTest extends CaseFilesApiTest {}
