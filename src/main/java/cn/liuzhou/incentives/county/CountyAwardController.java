package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.api.ApiException;
import cn.liuzhou.incentives.api.Locations;
import cn.liuzhou.incentives.security.Caller;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bureau starts a county award run here; scores, approval and payments are Tasklist tasks
 * (or {@code /engine-rest}). Bureau, finance, auditors and administrators read the runs.
 */
@RestController
@RequestMapping("/api/county-awards")
public class CountyAwardController {

  public record StartRequest(String measureCode, String period) {}

  private final CountyAwardService service;
  private final CountyAwardRepository runs;

  public CountyAwardController(CountyAwardService service, CountyAwardRepository runs) {
    this.service = service;
    this.runs = runs;
  }

  @PostMapping
  public ResponseEntity<CountyAwardView> start(@RequestBody StartRequest request, Caller caller) {
    var run = service.start(caller, request.measureCode(), request.period());
    return ResponseEntity.created(Locations.of("/api/county-awards/" + run.id())).body(view(run));
  }

  @GetMapping
  public List<CountyAwardView> list(Caller caller) {
    authoriseRead(caller);
    return runs.recent(200).stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  public CountyAwardView get(@PathVariable String id, Caller caller) {
    authoriseRead(caller);
    return view(runs.find(id).orElseThrow(() -> ApiException.notFound("县区奖励评比", id)));
  }

  private static void authoriseRead(Caller caller) {
    if (!CountyAwardService.mayRead(caller)) {
      throw ApiException.forbidden("只有市工业和信息化局、财政局、审计人员和管理员可以查看县区奖励评比",
          "Only the bureau, finance, auditors and administrators may read county award runs");
    }
  }

  private CountyAwardView view(CountyAwardRepository.Run run) {
    return CountyAwardView.of(run, runs.rows(run.id()), runs.payments(run.id()));
  }
}
