package cn.liuzhou.incentives.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal the API answers as problem+json, naming the field and the reason in Chinese and English. */
public class ApiException extends RuntimeException {

  /** One field's problem. */
  public record FieldProblem(String field, String zh, String en) {}

  private final HttpStatus status;
  private final List<FieldProblem> problems;

  public ApiException(HttpStatus status, List<FieldProblem> problems) {
    super(problems.isEmpty() ? status.getReasonPhrase() : problems.get(0).en());
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  public ApiException(HttpStatus status, String field, String zh, String en) {
    this(status, List.of(new FieldProblem(field, zh, en)));
  }

  public static ApiException notFound(String what, String id) {
    return new ApiException(HttpStatus.NOT_FOUND, null, "未找到" + what + "：" + id, "No such " + what + ": " + id);
  }

  public static ApiException forbidden(String zh, String en) {
    return new ApiException(HttpStatus.FORBIDDEN, null, zh, en);
  }

  public static ApiException invalid(String field, String zh, String en) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, field, zh, en);
  }

  public static ApiException conflict(String field, String zh, String en) {
    return new ApiException(HttpStatus.CONFLICT, field, zh, en);
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
