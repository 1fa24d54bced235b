package cn.liuzhou.incentives.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.liuzhou.incentives.registry.County;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roles as Camunda groups and authorizations, brought up to date at start-up by versioned steps
 * (production included; users are not), each applied once per installation and recorded in
 * {@code authorization_setup_version}. Reviewers see a task only through the engine's own grant to its
 * candidate group, so a county reviewer sees only their county's tasks; nobody but the
 * administrators holds a global task permission.
 */
@Component
public class AuthorizationSetup {

  public static final String TASK_FILTER = "我的待办 My tasks";
  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationSetup.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  public AuthorizationSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** One versioned change to the roles: applied once per installation, in version order. */
  public record Step(int version, String description, Runnable change) {}

  /**
   * The roles' history as versioned steps. A release that changes a grant adds a step with the next
   * version (never edits an applied one): an existing installation applies it once at its next start,
   * and an administrator's later changes in Camunda Admin are not undone at every restart.
   */
  public List<Step> steps() {
    List<String> reviewers = reviewerGroups();
    return List.of(
        new Step(1, "groups and the roles' grants of release 1", () -> releaseOneRoles(reviewers)),
        new Step(2, "reviewers read only their own group and its users", () -> {
          revokeGlobalIdentityReads(reviewers);
          reviewersSeeOnlyTheirColleagues(reviewers);
        }),
        new Step(3, "task candidates get TASK_WORK, not UPDATE", this::tasksGrantWorkNotUpdate),
        new Step(4, "Tasklist filters per role, each granted to the groups it serves", () -> {
          revokeGlobalFilterReads(reviewers);
          ensureTaskFilters(reviewers);
        }),
        // No engine grants: the group only opens the actuator endpoints (SecurityConfiguration.actuatorSecurity), so a
        // Prometheus scraper's credentials are not an administrator's.
        new Step(5, "monitoring group for the Prometheus scraper", () -> ensureGroup(Groups.MONITORING, "运维监控 Monitoring")),
        new Step(6, "groups named after the staff's units (单位), shown with every person's name", this::groupsNamedAfterUnits));
  }

  /** Applies the steps this installation has not applied yet (every start; a no-op when up to date). */
  public void apply() {
    applyPending(steps());
  }

  /**
   * Applies each step whose version is not recorded in {@code authorization_setup_version}, recording it
   * in the same transaction. Nodes starting together apply a step once: the second waits on the
   * version's row and skips it.
   */
  public List<Integer> applyPending(List<Step> steps) {
    List<Integer> applied = new ArrayList<>();
    for (Step step : steps.stream().sorted(java.util.Comparator.comparingInt(Step::version)).toList()) {
      if (appliedVersions().contains(step.version())) {
        continue;
      }
      try {
        transactions.executeWithoutResult(status -> {
          jdbc.update("insert into authorization_setup_version (version, description, applied_at) values (?, ?, ?)",
              step.version(), step.description(), java.sql.Timestamp.from(java.time.Instant.now()));
          step.change().run();
        });
        applied.add(step.version());
        LOG.info("Applied authorization step {}: {}", step.version(), step.description());
      } catch (org.springframework.dao.DuplicateKeyException e) {
        LOG.info("Authorization step {} was applied by another node", step.version());
      }
    }
    return applied;
  }

  public java.util.Set<Integer> appliedVersions() {
    return new java.util.HashSet<>(jdbc.queryForList("select version from authorization_setup_version", Integer.class));
  }

  /** The groups' names of release 1 (bilingual role names). */
  static Map<String, String> releaseOneGroupNames() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put(Groups.ADMINS, "系统管理员 Administrators");
    groups.put(Groups.POLICY_ADMINS, "政策管理员 Policy administrators");
    groups.put(Groups.BUREAU, "市工业和信息化局 Bureau reviewers");
    groups.put(Groups.FINANCE, "财政局 Finance");
    groups.put(Groups.EXPERTS, "评审专家 Experts");
    groups.put(Groups.AUDITORS, "审计 Auditors");
    groups.put(Groups.ENTERPRISES, "申报企业 Enterprises");
    for (County c : County.values()) {
      groups.put(c.reviewerGroup(), c.nameZh() + "工信部门 County reviewers");
    }
    return groups;
  }

  private void releaseOneRoles(List<String> reviewers) {
    releaseOneGroupNames().forEach(this::ensureGroup);

    for (Resources resource : Resources.values()) {
      grant(Groups.ADMINS, resource, ANY, Permissions.ALL);
    }
    for (String group : reviewers) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
      grant(group, Resources.GROUP, group, Permissions.READ);
    }
    grant(Groups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(Groups.AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(Groups.AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(Groups.AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(Groups.AUDITORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(Groups.POLICY_ADMINS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.POLICY_ADMINS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grant(Groups.POLICY_ADMINS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
        Permissions.CREATE_INSTANCE);
    grant(Groups.POLICY_ADMINS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(Groups.POLICY_ADMINS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
  }

  /**
   * Each group's name becomes the unit it stands for ("柳南区工业和信息化局"), shown with its members' names. A group an
   * administrator has renamed keeps its name: only release 1's names are replaced.
   */
  private void groupsNamedAfterUnits() {
    Map<String, String> before = releaseOneGroupNames();
    Units.defaultNames().forEach((id, unit) -> {
      var group = identity.createGroupQuery().groupId(id).singleResult();
      if (group != null && (group.getName() == null || group.getName().equals(before.get(id)))) {
        group.setName(unit);
        identity.saveGroup(group);
      }
    });
  }

  /** Earlier releases showed every filter to every reviewer; each filter is now granted to the groups it serves. */
  private void revokeGlobalFilterReads(List<String> reviewers) {
    for (String group : reviewers) {
      authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER).resourceId(ANY).list()
          .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
  }

  /** Earlier releases let every reviewer list all users and groups (with e-mails); no longer. */
  private void revokeGlobalIdentityReads(List<String> reviewers) {
    for (String group : reviewers) {
      for (Resource resource : List.of(Resources.USER, Resources.GROUP)) {
        authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(ANY).list()
            .forEach(a -> authorizations.deleteAuthorization(a.getId()));
      }
    }
  }

  /** A reviewer may read the users of their own group (Tasklist shows colleagues' names), nobody else. */
  public void reviewersSeeOnlyTheirColleagues(List<String> reviewers) {
    for (String group : reviewers) {
      for (var user : identity.createUserQuery().memberOfGroup(group).list()) {
        grant(group, Resources.USER, user.getId(), Permissions.READ);
      }
    }
  }

  /**
   * Tasks created by an earlier release granted their candidates UPDATE (set any variable, the
   * assignee, candidate groups); the engine now grants TASK_WORK. Existing grants are brought in line.
   */
  private void tasksGrantWorkNotUpdate() {
    for (Authorization a : authorizations.createAuthorizationQuery().resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).list()) {
      if (Groups.ADMINS.equals(a.getGroupId()) || ANY.equals(a.getResourceId())) {
        continue;
      }
      a.removePermission(Permissions.UPDATE);
      a.addPermission(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK);
      a.addPermission(Permissions.READ);
      authorizations.saveAuthorization(a);
    }
  }

  public List<String> reviewerGroups() {
    List<String> reviewers = new ArrayList<>(List.of(Groups.BUREAU, Groups.FINANCE, Groups.EXPERTS));
    for (County c : County.values()) {
      reviewers.add(c.reviewerGroup());
    }
    return reviewers;
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      var group = identity.newGroup(id);
      group.setName(name);
      group.setType(id.equals(Groups.ADMINS) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    boolean present = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).count() > 0;
    if (!present) {
      Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(group);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
      for (Permission p : permissions) {
        auth.addPermission(p);
      }
      authorizations.saveAuthorization(auth);
    }
  }

  /** A Tasklist filter, which groups may see it, and the query behind it. */
  private record FilterSpec(String name, String description, int priority, TaskQuery query, List<String> groups) {}

  /**
   * The reviewers' Tasklist filters, created or brought up to date at every start, each visible to the
   * groups it serves. The engine's own authorizations still decide which tasks a filter shows: a county
   * sees only its county's tasks in every filter. The cards show the application number, enterprise,
   * measure and proposed award (task variables set by the task listeners).
   */
  private void ensureTaskFilters(List<String> reviewers) {
    List<String> counties = reviewers.stream().filter(g -> g.startsWith(Groups.COUNTY_PREFIX)).toList();
    List<FilterSpec> specs = List.of(
        new FilterSpec(TASK_FILTER, "我有权办理的全部待办任务 / every task I may work on", -10, tasks.createTaskQuery(), reviewers),
        new FilterSpec("本县区待审核 County reviews", "本县区企业的申请，待县区审核", -9,
            tasks.createTaskQuery().taskDefinitionKey("countyReview"), counties),
        new FilterSpec("补正后重新提交 Amended", "企业补正后重新提交、再次待审核的申请", -8,
            tasks.createTaskQuery().taskDefinitionKey("countyReview").taskVariableValueEquals("amended", true), counties),
        new FilterSpec("即将到期/已逾期 Due soon or overdue", "两天内到期或已逾期的任务", -7,
            tasks.createTaskQuery().dueBeforeExpression("${dateTime().plusDays(2)}"), reviewers),
        new FilterSpec("专家评审 Expert reviews", "待专家评审的项目", -9,
            tasks.createTaskQuery().taskDefinitionKey("expertReview"), List.of(Groups.EXPERTS)),
        new FilterSpec("市局审核 Bureau reviews", "待市局审核的申请和公示异议", -9,
            tasks.createTaskQuery().taskDefinitionKeyIn("bureauReview", "examineObjection", "enterCountyScores",
                "approveCountyAwards"), List.of(Groups.BUREAU)),
        new FilterSpec("待拨付 Payments", "公示期满、待财政拨付的奖励", -9,
            tasks.createTaskQuery().taskDefinitionKeyIn("financeDisbursement", "disburseCountyAward"), List.of(Groups.FINANCE)));
    for (FilterSpec spec : specs) {
      Filter filter = filters.createFilterQuery().filterName(spec.name()).singleResult();
      if (filter == null) {
        filter = filters.newTaskFilter(spec.name());
      }
      filter.setQuery(spec.query());
      filter.setProperties(Map.of("description", spec.description(), "priority", spec.priority(), "refresh", true,
          "variables", List.of(
              Map.of("name", "applicationId", "label", "申请编号"),
              Map.of("name", "applicantName", "label", "申报企业"),
              Map.of("name", "measureTitle", "label", "申报措施"),
              Map.of("name", "proposedAward", "label", "测算奖励"))));
      filter = filters.saveFilter(filter);
      for (String group : spec.groups()) {
        grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

}
