package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.registry.CreditCode;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.Project;
import cn.liuzhou.incentives.registry.ProjectRegistry;
import cn.liuzhou.incentives.security.Caller;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The project registry: an enterprise (or its county) registers its investment projects by their
 * national code; project-based measures name one of the filer's registered projects.
 */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

  private static final Set<String> TYPES = Set.of("NEW_BUILD", "TECH_RENOVATION");

  /** What a registration carries; the owner is the enterprise the project belongs to. */
  public record ProjectRequest(String ownerCreditCode, String name, String county, String type, BigDecimal plannedInvestment,
      String startDate) {}

  /** A project with every application filed on it. */
  public record ProjectView(Project project, List<ProjectApplication> applications) {}

  public record ProjectApplication(String id, String measureCode, String status, BigDecimal proposedAward,
      BigDecimal approvedAward, BigDecimal disbursedAward) {}

  private final ProjectRegistry projects;
  private final EnterpriseRegistry enterprises;
  private final ApplicationRepository applications;

  public ProjectController(ProjectRegistry projects, EnterpriseRegistry enterprises, ApplicationRepository applications) {
    this.projects = projects;
    this.enterprises = enterprises;
    this.applications = applications;
  }

  @PutMapping("/{projectCode}")
  @Transactional
  public ResponseEntity<ProjectView> put(@PathVariable String projectCode, @RequestBody ProjectRequest r, Caller caller) {
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    if (!ProjectRegistry.CODE.matcher(projectCode).matches()) {
      problems.add(new ApiException.FieldProblem("projectCode", "项目代码须为国家投资项目统一代码格式，如 2024-450205-34-03-012345",
          "projectCode must be a national investment-project code such as 2024-450205-34-03-012345"));
    }
    if (r == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, null, "请求体须为 JSON 对象", "The body must be a JSON object");
    }
    if (r.ownerCreditCode() == null || !CreditCode.isValid(r.ownerCreditCode())) {
      problems.add(new ApiException.FieldProblem("ownerCreditCode", "项目业主须为有效的统一社会信用代码",
          "ownerCreditCode must be a valid unified social credit code"));
    }
    if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
      problems.add(new ApiException.FieldProblem("name", "请填写项目名称（不超过200字）", "name is required (at most 200 characters)"));
    }
    if (r.county() == null || County.of(r.county()).isEmpty()) {
      problems.add(new ApiException.FieldProblem("county", "项目所在县区须为有效的县区代码", "county must be a county code"));
    }
    if (r.type() == null || !TYPES.contains(r.type())) {
      problems.add(new ApiException.FieldProblem("type", "项目类型须为 NEW_BUILD（新建）或 TECH_RENOVATION（技术改造）",
          "type must be NEW_BUILD or TECH_RENOVATION"));
    }
    if (r.plannedInvestment() == null || r.plannedInvestment().signum() < 0 || r.plannedInvestment().stripTrailingZeros().scale() > 2
        || r.plannedInvestment().setScale(2, java.math.RoundingMode.DOWN).precision() > 18) {
      problems.add(new ApiException.FieldProblem("plannedInvestment", "计划总投资须为不小于零、最多两位小数的金额（元）",
          "plannedInvestment must be an amount in yuan, not negative, with at most two decimals"));
    }
    LocalDate start = null;
    try {
      start = r.startDate() == null ? null : LocalDate.parse(r.startDate());
    } catch (DateTimeParseException e) {
      start = null;
    }
    if (start == null) {
      problems.add(new ApiException.FieldProblem("startDate", "请填写开工日期（YYYY-MM-DD）", "startDate is required (YYYY-MM-DD)"));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems);
    }
    Enterprise owner = enterprises.find(r.ownerCreditCode())
        .orElseThrow(() -> ApiException.invalid("ownerCreditCode", "项目业主不在企业库中", "The owner is not in the enterprise registry"));
    boolean mayRegister = caller.isAdmin() || caller.enterprise().map(owner.creditCode()::equals).orElse(false)
        || caller.county().map(owner.county()::equals).orElse(false);
    if (!mayRegister) {
      throw ApiException.forbidden("只有项目业主或其所在县区工作人员可以登记项目", "Only the owner or its county staff may register its projects");
    }
    var existing = projects.lock(projectCode);
    if (existing.isPresent() && !existing.get().creditCode().equals(owner.creditCode())) {
      throw ApiException.conflict("projectCode", "该项目代码已由其他企业登记", "The project code is registered to another enterprise");
    }
    boolean created;
    try {
      created = projects.save(new Project(projectCode, owner.creditCode(), r.name().trim(), r.county(), r.type(),
          r.plannedInvestment().setScale(2), start, caller.userId(), Instant.now(), Instant.now()));
    } catch (DuplicateKeyException race) {
      throw ApiException.conflict("projectCode", "该项目代码已由其他企业登记", "The project code is registered to another enterprise");
    }
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view(projects.find(projectCode).orElseThrow()));
  }

  @GetMapping("/{projectCode}")
  public ProjectView get(@PathVariable String projectCode, Caller caller) {
    Project p = projects.find(projectCode).orElseThrow(() -> ApiException.notFound("项目", projectCode));
    requireReader(caller, p.creditCode());
    return view(p);
  }

  @GetMapping
  public List<ProjectView> ofEnterprise(@RequestParam String creditCode, Caller caller) {
    requireReader(caller, creditCode);
    return projects.ofEnterprise(creditCode).stream().map(this::view).toList();
  }

  private void requireReader(Caller caller, String ownerCreditCode) {
    boolean staff = caller.isAdmin() || caller.isAuditor() || caller.isBureau()
        || caller.groups().contains(cn.liuzhou.incentives.security.Groups.EXPERTS)
        || caller.groups().contains(cn.liuzhou.incentives.security.Groups.FINANCE);
    boolean own = caller.enterprise().map(ownerCreditCode::equals).orElse(false);
    boolean county = caller.county().isPresent()
        && enterprises.find(ownerCreditCode).map(e -> e.county().equals(caller.county().get())).orElse(false);
    if (!staff && !own && !county) {
      throw ApiException.forbidden("无权查看该企业的项目", "You may not read this enterprise's projects");
    }
  }

  private ProjectView view(Project p) {
    List<ProjectApplication> filed = applications.ofProject(p.creditCode(), p.projectCode()).stream()
        .map(a -> new ProjectApplication(a.id(), a.measureCode(), a.status().name(), a.proposedAward(), a.approvedAward(),
            a.disbursedAward()))
        .toList();
    return new ProjectView(p, filed);
  }
}
