package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.ledger.ExternalAwards;
import cn.liuzhou.incentives.registry.CreditCode;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.NameLists;
import cn.liuzhou.incentives.security.Caller;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data the administrators keep for the no-stacking and list-based rules: name lists and other programmes' awards. */
@RestController
@RequestMapping("/api")
public class RegisterController {

  private final NameLists nameLists;
  private final ExternalAwards externalAwards;
  private final EnterpriseRegistry registry;

  public RegisterController(NameLists nameLists, ExternalAwards externalAwards, EnterpriseRegistry registry) {
    this.nameLists = nameLists;
    this.externalAwards = externalAwards;
    this.registry = registry;
  }

  @GetMapping("/name-lists/{list}")
  public Map<String, Object> list(@PathVariable String list, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    return Map.of("list", list, "creditCodes", nameLists.entries(list));
  }

  @PutMapping("/name-lists/{list}/entries/{creditCode}")
  @Transactional
  public ResponseEntity<Void> addToList(@PathVariable String list, @PathVariable String creditCode, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    if (!CreditCode.isValid(creditCode)) {
      throw ApiException.invalid("creditCode", "统一社会信用代码格式或校验位错误", "Not a valid unified social credit code");
    }
    if (!list.matches("[A-Z0-9][A-Z0-9-]{1,59}")) {
      throw ApiException.invalid("list", "名单代码须为大写字母、数字和连字符", "list must be upper-case letters, digits and hyphens");
    }
    return nameLists.add(list, creditCode, caller.userId()) ? ResponseEntity.status(HttpStatus.CREATED).build()
        : ResponseEntity.noContent().build();
  }

  @DeleteMapping("/name-lists/{list}/entries/{creditCode}")
  @Transactional
  public ResponseEntity<Void> removeFromList(@PathVariable String list, @PathVariable String creditCode, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    if (!nameLists.remove(list, creditCode)) {
      throw ApiException.notFound("名单条目", list + "/" + creditCode);
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/external-awards")
  public List<ExternalAwards.ExternalAward> externalAwards(@RequestParam String creditCode, Caller caller) {
    if (!caller.isAdmin() && !caller.isAuditor()) {
      throw ApiException.forbidden("只有管理员和审计人员可以查看", "Only administrators and auditors may read this");
    }
    return externalAwards.of(creditCode);
  }

  /**
   * Imports awards from other programmes: CSV with the header {@code creditCode,programme,measureType,amount,awardedOn}.
   * All rows or none: any bad row refuses the file, naming its line.
   */
  @PostMapping(path = "/external-awards", consumes = {"text/csv", "text/plain"})
  @Transactional
  public Map<String, Object> importAwards(@RequestBody String csv, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    String[] lines = csv.strip().split("\\r?\\n");
    if (lines.length == 0 || !lines[0].replace(" ", "").equalsIgnoreCase("creditCode,programme,measureType,amount,awardedOn")) {
      throw ApiException.invalid("csv", "首行须为 creditCode,programme,measureType,amount,awardedOn",
          "The first line must be creditCode,programme,measureType,amount,awardedOn");
    }
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = lines[i].split(",", -1);
      String where = "line " + (i + 1);
      if (f.length != 5) {
        problems.add(new ApiException.FieldProblem(where, "第" + (i + 1) + "行须有5列", where + " must have 5 columns"));
        continue;
      }
      String code = f[0].trim();
      if (!CreditCode.isValid(code)) {
        problems.add(new ApiException.FieldProblem(where, "第" + (i + 1) + "行统一社会信用代码无效", where + ": invalid credit code"));
      }
      if (f[1].isBlank() || f[2].isBlank()) {
        problems.add(new ApiException.FieldProblem(where, "第" + (i + 1) + "行缺少项目或措施类型", where + ": programme and measureType are required"));
      }
      BigDecimal amount = null;
      LocalDate awardedOn = null;
      try {
        amount = f[3].isBlank() ? null : new BigDecimal(f[3].trim());
        awardedOn = f[4].isBlank() ? null : LocalDate.parse(f[4].trim());
      } catch (RuntimeException e) {
        problems.add(new ApiException.FieldProblem(where, "第" + (i + 1) + "行金额或日期格式错误", where + ": bad amount or date"));
      }
      rows.add(new Object[] {code, f[1].trim(), f[2].trim(), amount, awardedOn});
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems);
    }
    rows.forEach(r -> externalAwards.add((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3], (LocalDate) r[4],
        caller.userId()));
    return Map.of("imported", rows.size());
  }
}
