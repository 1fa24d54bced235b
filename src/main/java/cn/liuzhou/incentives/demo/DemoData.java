package cn.liuzhou.incentives.demo;

import cn.liuzhou.incentives.ledger.BudgetLedger;
import cn.liuzhou.incentives.policy.PackageSettings;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyPackage;
import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseAccounts;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.NameLists;
import cn.liuzhou.incentives.security.Groups;
import cn.liuzhou.incentives.security.LegacyEnterpriseLogins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo users and data for the default profile, so that a newcomer can walk every outcome: clean
 * enterprises in several counties, one blacklisted, one with poor tax credit, one with poor
 * accounting credit, one with a recent serious record, one not above designated size. Every
 * package's application window is opened and budgets without a source figure are set. A clean
 * enterprise is put on each government name list a list-based measure reads. Idempotent.
 */
@Component
public class DemoData {

  public static final String PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identity;
  private final EnterpriseRegistry registry;
  private final EnterpriseAccounts accounts;
  private final LegacyEnterpriseLogins legacy;
  private final PolicyCatalogue catalogue;
  private final PackageSettings settings;
  private final BudgetLedger budgets;
  private final NameLists nameLists;
  private final ObjectMapper json;

  public DemoData(IdentityService identity, EnterpriseRegistry registry, EnterpriseAccounts accounts,
      LegacyEnterpriseLogins legacy, PolicyCatalogue catalogue,
      PackageSettings settings, BudgetLedger budgets, NameLists nameLists, ObjectMapper json) {
    this.identity = identity;
    this.registry = registry;
    this.accounts = accounts;
    this.legacy = legacy;
    this.catalogue = catalogue;
    this.settings = settings;
    this.budgets = budgets;
    this.nameLists = nameLists;
    this.json = json;
  }

  public void load() throws IOException {
    JsonNode data;
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/demo-data.json")) {
      data = json.readTree(in);
    }
    // Fictional staff, each named (surname, given name) and in the group that makes their unit.
    user("admin", "周", "立新", Groups.ADMINS, Groups.POLICY_ADMINS);
    String[][] countyStaff = {{"韦", "春燕"}, {"覃", "建华"}, {"黄", "志明"}, {"蒙", "丽萍"}, {"廖", "海军"}, {"罗", "秀英"},
        {"莫", "振宇"}, {"梁", "晓红"}, {"潘", "永强"}, {"吴", "桂兰"}, {"陆", "文斌"}, {"卢", "雪梅"}};
    for (County c : County.values()) {
      String[] name = countyStaff[c.ordinal() % countyStaff.length];
      user("county." + c.code(), name[0], name[1], c.reviewerGroup());
    }
    user("bureau", "李", "海燕", Groups.BUREAU);
    user("bureau.head", "唐", "国华", Groups.BUREAU);
    user("finance", "张", "晓梅", Groups.FINANCE);
    user("expert", "刘", "志强", Groups.EXPERTS);
    user("auditor", "蓝", "文静", Groups.AUDITORS);

    for (JsonNode e : data.get("enterprises")) {
      String code = e.get("creditCode").asText();
      if (registry.find(code).isEmpty()) {
        registry.save(new Enterprise(code, e.get("name").asText(), e.get("county").asText(), e.get("industry").asText(),
            e.get("aboveDesignatedSize").asBoolean(), e.get("taxCreditRating").asText(),
            e.get("accountingCreditGood").asBoolean(), e.get("jointPunishmentTarget").asBoolean(),
            e.path("bankName").asText(null), e.path("bankAccount").asText(null)), "demo");
        for (JsonNode r : e.get("creditRecords")) {
          registry.addRecord(code, r.get("category").asText(), r.get("serious").asBoolean(),
              LocalDate.parse(r.get("recordedOn").asText()), r.get("description").asText(), "demo");
        }
      }
      // Enterprise logins live in the registry's accounts, not among Camunda's users.
      if (accounts.find(code).isEmpty()) {
        accounts.setPassword(code, PASSWORD, "demo");
      }
      legacy.removeCamundaUser(code);
    }

    JsonNode lists = data.get("nameLists");
    if (lists != null) {
      lists.fields().forEachRemaining(list -> list.getValue()
          .forEach(code -> nameLists.add(list.getKey(), code.asText(), "demo")));
    }

    Map<String, BigDecimal> demoBudgets = json.convertValue(data.get("budgets"),
        json.getTypeFactory().constructMapType(Map.class, String.class, BigDecimal.class));
    LocalDate today = LocalDate.now();
    for (PolicyPackage p : catalogue.packages()) {
      var current = settings.get(p.code());
      if (current.applicationOpens() == null) {
        settings.save(p.code(), new PackageSettings.Settings(today.minusDays(30), today.plusYears(1),
            current.publicNoticePeriod()), "demo");
      }
      BigDecimal demoBudget = demoBudgets.get(p.code());
      if (demoBudget != null && budgets.find(p.code()).map(b -> b.total() == null).orElse(false)) {
        budgets.setTotal(p.code(), demoBudget);
      }
    }
    LOG.info("Demo users and data ready (password '{}')", PASSWORD);
  }

  private void user(String id, String surname, String givenName, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setLastName(surname);
      user.setFirstName(givenName);
      user.setPassword(PASSWORD);
      user.setEmail(id.toLowerCase().replace('.', '-') + "@demo.invalid");
      identity.saveUser(user);
      for (String g : groups) {
        identity.createMembership(id, g);
      }
    }
  }
}
