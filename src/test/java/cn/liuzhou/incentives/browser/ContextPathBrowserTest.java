package cn.liuzhou.incentives.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import cn.liuzhou.incentives.review.ReviewDisplay;
import cn.liuzhou.incentives.security.Groups;
import cn.liuzhou.incentives.web.PageSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The application under a servlet context path (/incentives), as behind a proxy that publishes it there: every link
 * of the pages (Thymeleaf), the scripts' API calls and links (portal.js, the webapps' header script), the Location
 * of what the API creates and the links the review forms' variables carry stay under /incentives. One application
 * context of its own, closed after the class: its own in-memory database, and its own engine name (Camunda ignores
 * one with a hyphen), so that the suite's shared context keeps the engine "default" its REST API looks up.
 */
@TestPropertySource(properties = {"server.servlet.context-path=" + ContextPathBrowserTest.CONTEXT,
    "spring.datasource.url=jdbc:h2:mem:incentives-context-path;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "camunda.bpm.process-engine-name=contextpath"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ContextPathBrowserTest extends ApiTestSupport {

  static final String CONTEXT = "/incentives";
  private static final Pattern LINK = Pattern.compile("\\s(?:href|src|action|data-xml|data-applications-url)=\"([^\"]*)\"");

  @RegisterExtension static final Chromium chromium = new Chromium();
  @LocalServerPort int port;
  @Autowired ReviewDisplay display;

  /** The page's links that are paths on this server (not "#…", not another site's), after checking it answered 200. */
  private static List<String> links(String page, String html) {
    assertThat(html).as(page).isNotNull();
    List<String> found = new ArrayList<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      String link = m.group(1);
      if (link.startsWith("/")) {
        found.add(link);
      } else {
        assertThat(link).as("a relative link on " + page).matches("(#.*|https?://.*|mailto:.*|)");
      }
    }
    assertThat(found).as("links on " + page).isNotEmpty();
    return found;
  }

  private static void allUnderTheContextPath(PageSession session, String... pages) {
    for (String page : pages) {
      var response = session.get(page);
      assertThat(response.getStatusCode().value()).as(page).isEqualTo(200);
      assertThat(links(page, response.getBody())).as("links on " + page).allMatch(l -> l.startsWith(CONTEXT + "/"));
    }
  }

  @Test
  void pagesApiAndFormVariablesLinkUnderTheContextPath() {
    String enterprise = cleanEnterprise();
    var filed = call(enterprise, HttpMethod.POST, "/api/applications", java.util.Map.of("measureCode", "LZ-2026Q2-EXHIBITION",
        "creditCode", enterprise, "facts", java.util.Map.of("eligibleCost", 150000, "eventDate", "2026-05-10")));
    assertThat(filed.getStatusCode().value()).isEqualTo(201);
    String id = filed.getBody().get("id").asText();
    assertThat(filed.getHeaders().getLocation()).hasToString(CONTEXT + "/api/applications/" + id);
    runDueJobs();
    var uploaded = upload(enterprise, id, "发票.pdf", PDF, "application/pdf", "发票");
    assertThat(uploaded.getHeaders().getLocation().toString()).startsWith(CONTEXT + "/api/applications/" + id + "/attachments/");

    // the review forms' Markdown links (task-local variables, opened from Tasklist under /incentives/camunda/…)
    var county = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(String.valueOf(tasks.getVariableLocal(county.getId(), ReviewDisplay.EVIDENCE_LIST)))
        .contains("](" + CONTEXT + "/api/applications/" + id + "/attachments/");
    assertThat(display.caseFileLink(Groups.BUREAU, id)).isEqualTo("[查看本申请案卷 " + id + "](" + CONTEXT + "/cases/" + id + ")");

    allUnderTheContextPath(PageSession.login(rest, "auditor", PASSWORD), "/", "/cases", "/cases/" + id, "/cases/summary");
    PageSession admin = PageSession.login(rest, "admin", PASSWORD);
    allUnderTheContextPath(admin, "/console", "/console/enterprises", "/console/external-awards", "/console/name-lists",
        "/console/packages/LZ-2026Q2");
    // a console form's redirect stays under the context path
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("file", new ByteArrayResource("creditCode\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "awards.csv";
      }
    });
    form.add("reason", "");
    var refused = admin.post("/console/external-awards/import", form, MediaType.MULTIPART_FORM_DATA);
    assertThat(refused.getHeaders().getLocation().getPath()).isEqualTo(CONTEXT + "/console/external-awards");
    allUnderTheContextPath(PageSession.login(rest, enterprise, "demo-password"), "/portal", "/portal/applications",
        "/portal/applications/" + id, "/portal/notifications", "/portal/apply/LZ-2026Q2-EXHIBITION");

    Page page = chromium.newPage(1280, 900, 60_000);
    String root = "http://localhost:" + port + CONTEXT;
    page.navigate(root + "/login");
    page.locator("input[name=username]").fill(enterprise);
    page.locator("input[name=password]").fill("demo-password");
    page.locator("main button[type=submit]").click();
    page.waitForURL(root + "/");
    // portal.js reads the attachments through the API under the context path and links to them there
    page.navigate(root + "/portal/applications/" + id);
    Locator file = page.locator("#attachment-list a");
    file.waitFor();
    assertThat(file.getAttribute("href")).startsWith(CONTEXT + "/api/applications/" + id + "/attachments/");
    // the header script Cockpit and Tasklist import (as a module) links to the case files under the context path
    Object link = page.evaluate("""
        async (script) => {
          const nav = document.createElement('nav');
          nav.className = 'cam-nav';
          nav.appendChild(document.createElement('ul'));
          document.body.appendChild(nav);
          await import(script);
          return document.getElementById('lz-case-files-link').getAttribute('href');
        }""", CONTEXT + "/assets/case-files-link.js");
    assertThat(link).isEqualTo(CONTEXT + "/cases");
  }
}
