package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.imports.CsvLines;
import cn.liuzhou.incentives.imports.ExternalAwardImport;
import cn.liuzhou.incentives.ledger.ExternalAwards;
import cn.liuzhou.incentives.registry.CreditCode;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.NameLists;
import cn.liuzhou.incentives.security.Caller;
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
  private final ExternalAwardImport awardImport;

  public RegisterController(NameLists nameLists, ExternalAwards externalAwards, EnterpriseRegistry registry,
      ExternalAwardImport awardImport) {
    this.awardImport = awardImport;
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
  public ResponseEntity<Void> addToList(@PathVariable String list, @PathVariable String creditCode,
      @RequestParam(required = false) String note, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    checkEntry(list, creditCode, note);
    return nameLists.add(list, creditCode, caller.userId(), note) ? ResponseEntity.status(HttpStatus.CREATED).build()
        : ResponseEntity.noContent().build();
  }

  @DeleteMapping("/name-lists/{list}/entries/{creditCode}")
  @Transactional
  public ResponseEntity<Void> removeFromList(@PathVariable String list, @PathVariable String creditCode,
      @RequestParam(required = false) String reason, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    if (reason != null && reason.length() > 1000) {
      throw ApiException.invalid("reason", "移出理由不超过1000字", "reason must have at most 1000 characters");
    }
    if (!nameLists.remove(list, creditCode, caller.userId(), reason)) {
      throw ApiException.notFound("名单条目", list + "/" + creditCode);
    }
    return ResponseEntity.noContent().build();
  }

  /** The checks of a new name-list entry, shared with the console's form. */
  public static void checkEntry(String list, String creditCode, String note) {
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    String[] codeProblem = CreditCode.problem(creditCode);
    if (codeProblem != null) {
      problems.add(new ApiException.FieldProblem("creditCode", codeProblem[0], codeProblem[1]));
    }
    if (list == null || !list.matches("[A-Z0-9][A-Z0-9-]{1,59}")) {
      problems.add(new ApiException.FieldProblem("list", "名单代码须为大写字母、数字和连字符", "list must be upper-case letters, digits and hyphens"));
    }
    if (note != null && note.length() > 500) {
      problems.add(new ApiException.FieldProblem("note", "说明不超过500字", "note must have at most 500 characters"));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems);
    }
  }

  @GetMapping("/external-awards")
  public List<ExternalAwards.ExternalAward> externalAwards(@RequestParam String creditCode, Caller caller) {
    if (!caller.isAdmin() && !caller.isAuditor()) {
      throw ApiException.forbidden("只有管理员和审计人员可以查看", "Only administrators and auditors may read this");
    }
    return externalAwards.of(creditCode);
  }

  /**
   * Imports awards from other programmes: CSV (UTF-8, with or without BOM) with the header
   * {@code creditCode,programme,measureType,amount,awardedOn}. All rows or none: any bad row refuses the file, and the
   * 422 names each line, field and reason.
   */
  @PostMapping(path = "/external-awards", consumes = {"text/csv", "text/plain"})
  public ResponseEntity<?> importAwards(@RequestBody byte[] csv, @RequestParam(required = false) String reason,
      Caller caller) {
    EnterpriseController.requireAdmin(caller);
    try {
      ExternalAwardImport.Result result = awardImport.apply(csv, caller.userId(),
          reason == null || reason.isBlank() ? "CSV 导入" : reason);
      return ResponseEntity.ok(Map.of("imported", result.imported(), "alreadyRecorded", result.alreadyRecorded()));
    } catch (CsvLines.Refused e) {
      return ApiExceptionHandler.lineProblems(e.problems());
    }
  }
}
