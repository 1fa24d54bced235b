package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.policy.PackageRejectedException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of the application's API (/api/**, county awards included) as problem+json: {@code detail} in Chinese, {@code detailEn}, {@code errors[]} by field. */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return problem(e.status(), e.problems());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    String field = null;
    if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
    }
    if (e.getCause() instanceof InvalidFormatException || e.getCause() instanceof MismatchedInputException) {
      return problem(HttpStatus.BAD_REQUEST, List.of(new ApiException.FieldProblem(field,
          "字段类型或格式错误", "The field has the wrong type or format")));
    }
    return problem(HttpStatus.BAD_REQUEST, List.of(new ApiException.FieldProblem(field,
        "请求体不是有效的 JSON", "The request body is not valid JSON")));
  }

  @ExceptionHandler(PackageRejectedException.class)
  ResponseEntity<ProblemDetail> packageRejected(PackageRejectedException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.problems().stream()
        .map(p -> {
          String[] parts = p.split(" / ", 2); // each problem reads "中文 / English"
          return new ApiException.FieldProblem("dmn", parts[0], parts.length > 1 ? parts[1] : parts[0]);
        }).toList());
  }

  @ExceptionHandler(BadUserRequestException.class)
  ResponseEntity<ProblemDetail> badUserRequest(BadUserRequestException e) {
    String[] parts = e.getMessage().split(" / ", 2);
    return problem(HttpStatus.CONFLICT, List.of(new ApiException.FieldProblem(null, parts[0], parts.length > 1 ? parts[1] : parts[0])));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    String supported = e.getSupportedMediaTypes().isEmpty() ? "application/json"
        : e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
    String given = e.getContentType() == null ? "无 / none" : e.getContentType().toString();
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, List.of(new ApiException.FieldProblem(null,
        "请求的 Content-Type（" + given + "）不受支持，须为：" + supported,
        "Content-Type " + given + " is not supported; use one of: " + supported)));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, List.of(new ApiException.FieldProblem(null,
        "不支持该请求方法", "Method not allowed")));
  }

  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, List.of(new ApiException.FieldProblem("file",
        "上传的文件过大", "The uploaded file is too large")));
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MultipartException.class})
  ResponseEntity<ProblemDetail> missingPart(Exception e) {
    return problem(HttpStatus.BAD_REQUEST, List.of(new ApiException.FieldProblem(null, "请求缺少必需部分：" + e.getMessage(),
        "The request lacks a required part: " + e.getMessage())));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, List.of(new ApiException.FieldProblem(null, "未找到该资源", "Not found")));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("Unexpected API error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, List.of(new ApiException.FieldProblem(null,
        "服务器内部错误，请稍后重试", "Internal error; please retry later")));
  }

  /** A refused import: 422 with each line's problem in {@code errors[]} and, by line, in {@code lines[]}. */
  public static ResponseEntity<ProblemDetail> lineProblems(List<cn.liuzhou.incentives.imports.LineProblem> problems) {
    ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_ENTITY, problems.stream()
        .map(p -> new ApiException.FieldProblem(p.field(), p.zh(), p.en())).toList());
    response.getBody().setProperty("lines", problems.stream().map(p -> {
      java.util.Map<String, Object> line = new java.util.LinkedHashMap<>();
      line.put("line", p.line());
      line.put("field", p.field());
      line.put("zh", p.reasonZh());
      line.put("en", p.reasonEn());
      return line;
    }).toList());
    return response;
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
