package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.api.ApiException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The errors of /api/county-awards in the API's problem+json form ({@code detail} in Chinese,
 * {@code detailEn}, {@code errors[]} by field), as {@code ApiExceptionHandler} answers for its package.
 */
@RestControllerAdvice(basePackageClasses = CountyAwardController.class)
public class CountyAwardExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(CountyAwardExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return problem(e.status(), e.problems());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, List.of(new ApiException.FieldProblem(null,
        "请求体不是有效的 JSON 或字段类型错误", "The request body is not valid JSON or a field has the wrong type")));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("Unexpected county award API error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, List.of(new ApiException.FieldProblem(null,
        "服务器内部错误，请稍后重试", "Internal error; please retry later")));
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, List<ApiException.FieldProblem> problems) {
    ProblemDetail body = ProblemDetail.forStatus(status);
    body.setType(URI.create("about:blank"));
    body.setTitle(status.getReasonPhrase());
    body.setDetail(problems.stream().map(ApiException.FieldProblem::zh).collect(Collectors.joining("；")));
    body.setProperty("detailEn", problems.stream().map(ApiException.FieldProblem::en).collect(Collectors.joining("; ")));
    body.setProperty("errors", problems);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
