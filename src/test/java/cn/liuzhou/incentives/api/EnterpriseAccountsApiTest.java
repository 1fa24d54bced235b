package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.cases.People;
import cn.liuzhou.incentives.registry.CreditCode;
import cn.liuzhou.incentives.security.Groups;
import cn.liuzhou.incentives.security.LegacyEnterpriseLogins;
import cn.liuzhou.incentives.web.PageSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Enterprise logins live in the registry's accounts, not among Camunda's users: created and disabled through the
 * API, accepted by HTTP Basic and the pages' form login, refused by the engine REST API; a login of an earlier
 * release (a Camunda user in group enterprises) moves to the registry at its first login. Staff are shown by name
 * and unit.
 */
class EnterpriseAccountsApiTest extends ApiTestSupport {

  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired People people;
  @Autowired cn.liuzhou.incentives.registry.EnterpriseAccounts accounts;

  /** A client address of its own per test, so wrong passwords here never throttle other tests. */
  private static String address() {
    return "10.77." + ThreadLocalRandom.current().nextInt(1, 255) + "." + ThreadLocalRandom.current().nextInt(1, 255);
  }

  private String registeredWithoutLogin() {
    String org = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    String code = CreditCode.withCheckCharacter("91450200" + org);
    assertThat(call("admin", HttpMethod.PUT, "/api/enterprises/" + code, Map.of("name", "账号测试" + org + "有限公司",
        "county", "liunan", "industry", "MACHINERY", "aboveDesignatedSize", true, "taxCreditRating", "A",
        "accountingCreditGood", true, "jointPunishmentTarget", false)).getStatusCode().value()).isEqualTo(201);
    return code;
  }

  @Test
  void anAccountSetThroughTheApiLivesInTheRegistryAndNotInCamunda() {
    String code = cleanEnterprise();
    assertThat(jdbc.queryForObject("select password_hash from enterprise_account where credit_code = ?", String.class, code))
        .startsWith("{bcrypt}").doesNotContain("demo-password");
    assertThat(identity.createUserQuery().userId(code).count()).isZero();
    // the demo enterprises too: Camunda Admin lists staff only
    assertThat(identity.createUserQuery().memberOfGroup(Groups.ENTERPRISES).count()).isZero();
    assertThat(identity.createUserQuery().userId("91450200MA5L000117").count()).isZero();
    assertThat(call("91450200MA5L000117", HttpMethod.GET, "/api/applications", null).getStatusCode().value()).isEqualTo(200);

    JsonNode account = call("admin", HttpMethod.GET, "/api/enterprises/" + code + "/account", null).getBody();
    assertThat(account.path("enabled").asBoolean()).isTrue();
    assertThat(account.path("createdBy").asText()).isEqualTo("admin");
    assertThat(account.toString()).doesNotContain("bcrypt", "password");
    assertThat(call(code, HttpMethod.GET, "/api/enterprises/" + code + "/account", null).getStatusCode().value()).isEqualTo(403);
    // setting the password again answers 204, and the new password is the one that works
    assertThat(call("admin", HttpMethod.PUT, "/api/enterprises/" + code + "/account", Map.of("password", "new-password"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(callFrom(address(), code, "demo-password", HttpMethod.GET, "/api/applications", null).getStatusCode().value())
        .isEqualTo(401);
    assertThat(call(code, "new-password", HttpMethod.GET, "/api/applications", null).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void anEnterpriseLogsInWithHttpBasicAndThroughThePortalsLoginPage() {
    String code = cleanEnterprise();
    assertThat(call(code, HttpMethod.GET, "/api/applications", null).getStatusCode().value()).isEqualTo(200);
    PageSession portal = PageSession.login(rest, code, "demo-password");
    var page = portal.get("/portal");
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("政策匹配", "我的申请");
    assertThat(jdbc.queryForObject("select last_login_at from enterprise_account where credit_code = ?",
        java.sql.Timestamp.class, code)).isNotNull();
  }

  @Test
  void aWrongPasswordIsRefusedAndCounted() {
    String code = cleanEnterprise();
    var wrong = callFrom(address(), code, "wrong-password", HttpMethod.GET, "/api/applications", null);
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    assertThat(wrong.getBody().path("status").asInt()).isEqualTo(401);
    assertThat(jdbc.queryForObject("select failed_logins from enterprise_account where credit_code = ?", Integer.class, code))
        .isEqualTo(1);
    assertThat(callFrom(address(), "91450200MA5L999999", "demo", HttpMethod.GET, "/api/applications", null)
        .getStatusCode().value()).as("no such login").isEqualTo(401);
  }

  @Test
  void aDisabledAccountIsRefusedUntilEnabledAgain() {
    String code = cleanEnterprise();
    assertThat(call("admin", HttpMethod.PUT, "/api/enterprises/" + code + "/account", Map.of("enabled", false))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(call("admin", HttpMethod.GET, "/api/enterprises/" + code + "/account", null).getBody().path("enabled").asBoolean())
        .isFalse();
    assertThat(callFrom(address(), code, "demo-password", HttpMethod.GET, "/api/applications", null).getStatusCode().value())
        .isEqualTo(401);

    assertThat(call("admin", HttpMethod.PUT, "/api/enterprises/" + code + "/account", Map.of("enabled", true))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(call(code, HttpMethod.GET, "/api/applications", null).getStatusCode().value()).isEqualTo(200);
    // enabling a login that does not exist needs a password
    assertThat(call("admin", HttpMethod.PUT, "/api/enterprises/" + registeredWithoutLogin() + "/account",
        Map.of("enabled", true)).getStatusCode().value()).isEqualTo(422);
  }

  @Test
  void aDisabledAccountCannotLogInThroughThePortal() {
    String code = cleanEnterprise();
    call("admin", HttpMethod.PUT, "/api/enterprises/" + code + "/account", Map.of("enabled", false));
    var browser = rest.withRedirects(org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageSession.login(browser, code, "demo-password"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("error");
  }

  @Test
  void disablingALoginEndsItsOpenPortalSession() {
    String code = cleanEnterprise();
    PageSession portal = PageSession.login(rest, code, "demo-password");
    assertThat(portal.get("/portal").getStatusCode().value()).isEqualTo(200);
    assertThat(call("admin", HttpMethod.PUT, "/api/enterprises/" + code + "/account", Map.of("enabled", false))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(portal.get("/portal").getStatusCode().value()).isEqualTo(401);
    assertThat(portal.get("/api/applications").getStatusCode().value()).isIn(401, 403);
  }

  @Test
  void anEnterpriseGetsNothingFromTheEngineRestApi() {
    String code = cleanEnterprise();
    String id = fileExhibition(code, 150000).get("id").asText();
    assertThat(taskFor("county.liunan", id)).as("a task is open").isNotNull();
    for (String path : new String[] {"/engine-rest/task", "/engine-rest/task?processInstanceBusinessKey=" + id,
        "/engine-rest/process-instance", "/engine-rest/history/process-instance", "/engine-rest/user", "/engine-rest/group",
        "/engine-rest/process-definition"}) {
      var response = call(code, HttpMethod.GET, path, null);
      assertThat(response.getStatusCode().value()).as(path).isEqualTo(403);
      assertThat(response.getBody().path("detail").asText()).as(path).contains("流程引擎接口");
    }
    assertThat(call(code, HttpMethod.POST, "/engine-rest/process-definition/key/incentive-application/start",
        Map.of("businessKey", "X")).getStatusCode().value()).isEqualTo(403);
    // nor from Camunda's webapps, whose login is Camunda's own: the enterprise is no Camunda user
    assertThat(identity.checkPassword(code, "demo-password")).isFalse();
  }

  @Test
  void aLoginOfTheEarlierReleaseMovesToTheRegistryAtItsFirstLogin() {
    String code = registeredWithoutLogin();
    // as the earlier release created it: a Camunda user in group enterprises
    var user = identity.newUser(code);
    user.setFirstName("旧版企业账号");
    user.setLastName("企业账号");
    user.setPassword("old-password");
    identity.saveUser(user);
    identity.createMembership(code, Groups.ENTERPRISES);

    assertThat(callFrom(address(), code, "wrong", HttpMethod.GET, "/api/applications", null).getStatusCode().value())
        .isEqualTo(401);
    assertThat(identity.createUserQuery().userId(code).count()).as("a wrong password moves nothing").isOne();

    assertThat(call(code, "old-password", HttpMethod.GET, "/api/applications", null).getStatusCode().value()).isEqualTo(200);
    assertThat(identity.createUserQuery().userId(code).count()).isZero();
    assertThat(jdbc.queryForObject("select created_by from enterprise_account where credit_code = ?", String.class, code))
        .isEqualTo(LegacyEnterpriseLogins.MIGRATED_BY);
    // the same password keeps working, now against the registry, and the portal accepts it
    assertThat(call(code, "old-password", HttpMethod.GET, "/api/applications", null).getStatusCode().value()).isEqualTo(200);
    assertThat(PageSession.login(rest, code, "old-password").get("/portal").getStatusCode().value()).isEqualTo(200);
    assertThat(people.of(code).name()).startsWith("账号测试");
  }

  @Test
  void anEarlierReleasesLoginCanBeDisabledAndThenNoLongerLogsIn() {
    String code = registeredWithoutLogin();
    var user = identity.newUser(code);
    user.setPassword("old-password");
    identity.saveUser(user);
    identity.createMembership(code, Groups.ENTERPRISES);
    assertThat(call("admin", HttpMethod.PUT, "/api/enterprises/" + code + "/account", Map.of("enabled", false))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(identity.createUserQuery().userId(code).count()).isZero();
    assertThat(call(code, "old-password", HttpMethod.GET, "/api/applications", null).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void noEnterpriseLoginShadowsAMemberOfStaffWithTheSameId() {
    String code = registeredWithoutLogin();
    var user = identity.newUser(code);
    user.setPassword("staff-password");
    identity.saveUser(user);
    identity.createMembership(code, Groups.BUREAU);
    try {
      var refused = call("admin", HttpMethod.PUT, "/api/enterprises/" + code + "/account", Map.of("password", "enterprise-pw"));
      assertThat(refused.getStatusCode().value()).isEqualTo(409);
      assertThat(refused.getBody().toString()).contains("creditCode");
      assertThat(accounts.find(code)).isEmpty();
    } finally {
      identity.deleteUser(code);
    }
  }

  @Test
  void aPasswordLongerThanBcryptTakesIsRefusedWithA422() {
    String code = registeredWithoutLogin();
    var refused = call("admin", HttpMethod.PUT, "/api/enterprises/" + code + "/account", Map.of("password", "密".repeat(25)));
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody().toString()).contains("password");
  }

  @Test
  void settingThePasswordOfAnEarlierReleasesLoginMovesItToo() {
    String code = registeredWithoutLogin();
    var user = identity.newUser(code);
    user.setPassword("old-password");
    identity.saveUser(user);
    identity.createMembership(code, Groups.ENTERPRISES);
    assertThat(call("admin", HttpMethod.PUT, "/api/enterprises/" + code + "/account", Map.of("password", "set-by-admin"))
        .getStatusCode().value()).isEqualTo(201);
    assertThat(identity.createUserQuery().userId(code).count()).isZero();
    assertThat(call(code, "set-by-admin", HttpMethod.GET, "/api/applications", null).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void staffAreShownByNameAndUnitAndEnterprisesSeeTheUnit() {
    assertThat(people.of("county.liunan").display()).isEqualTo("黄志明（柳南区工业和信息化局）");
    assertThat(people.of("bureau").display()).isEqualTo("李海燕（柳州市工业和信息化局）");
    assertThat(people.of("finance").display()).isEqualTo("张晓梅（柳州市财政局）");
    assertThat(people.of("admin").display()).isEqualTo("周立新（系统管理员）");
    assertThat(people.of("91450200MA5L000117").unit()).isEqualTo("申报企业");
    assertThat(people.staff()).extracting(People.Person::userId).contains("county.liunan").doesNotContain("91450200MA5L000117");

    String code = cleanEnterprise();
    String id = fileExhibition(code, 150000).get("id").asText();
    completeTask("county.liunan", id, Map.of("decision", "RETURN", "comment", "请补充发票"));
    JsonNode timeline = call(code, HttpMethod.GET, "/api/applications/" + id + "/timeline", null).getBody();
    assertThat(timeline.toString()).contains("柳南区工业和信息化局", "请补充发票").doesNotContain("黄志明", "county.liunan");
  }
}
