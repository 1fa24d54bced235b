package cn.liuzhou.incentives.security;

import cn.liuzhou.incentives.workflow.ReviewRefusedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API with two additions, whatever the engine wraps them in: a reviewer's decision
 * refused by the task checks (a missing comment, an award above the proposal or the cap, the filer
 * reviewing their own application, claiming for someone else) answers 400 with the reason, and two
 * people completing one task at once answer 409, instead of the 500 the engine gives both.
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RestRefusalMapper.class);
    register(EngineRefusalMapper.class);
    register(NullReferenceMapper.class);
  }

  static Optional<Response> known(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof ReviewRefusedException refused) {
        return Optional.of(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "ReviewRefusedException", "message", refused.getMessage(),
                "detail", refused.zh(), "detailEn", refused.en()))
            .build());
      }
      if (t instanceof org.camunda.bpm.engine.exception.NullValueException) {
        return Optional.of(Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "NotFound", "message", "未找到该任务或对象 / not found",
                "detail", "未找到该任务或对象（可能已办结）", "detailEn", "Not found (it may already be completed)"))
            .build());
      }
      if (t instanceof NullPointerException) {
        // The engine dereferences what the request named without checking it exists (a form of an unknown task,
        // a migration without a plan): the caller's mistake, not a fault of the server.
        return Optional.of(problem(Response.Status.BAD_REQUEST, "BadRequest",
            "请求内容不完整，或所指对象不存在", "The request is incomplete or names something that does not exist"));
      }
      String message = String.valueOf(t.getMessage());
      if (message.startsWith("ENGINE-13053") || message.startsWith("ENGINE-13043")) {
        // 13053: no job with that id; 13043: no conditional start event matches the variables sent.
        return Optional.of(problem(Response.Status.NOT_FOUND, "NotFound",
            "未找到与请求相符的作业或流程", "No job or process matches the request"));
      }
      if (t instanceof ProcessEngineException && message.endsWith(" is empty")) {
        // A query's list parameter given as nothing (e.g. processInstanceIds=,,,): the engine's own validation.
        return Optional.of(problem(Response.Status.BAD_REQUEST, "BadRequest",
            "查询参数不能为空列表：" + message, "A query parameter is an empty list: " + message));
      }
      if (message.startsWith("Object values cannot be used to query")) {
        return Optional.of(problem(Response.Status.BAD_REQUEST, "BadRequest",
            "查询条件只能是文本、数字、布尔值或日期", "Query values must be text, numbers, booleans or dates"));
      }
      if (t instanceof org.camunda.bpm.engine.TaskAlreadyClaimedException) {
        return Optional.of(Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "TaskAlreadyClaimedException", "message", "该任务已由他人认领 / The task is already claimed by someone else",
                "detail", "该任务已由他人认领", "detailEn", "The task is already claimed by someone else"))
            .build());
      }
      if (t instanceof OptimisticLockingException) {
        return Optional.of(Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "OptimisticLockingException",
                "message", "该任务已被他人同时处理，请刷新后重试 / The task was changed by someone else at the same time",
                "detail", "该任务已被他人同时处理，请刷新后重试", "detailEn", "The task was changed by someone else at the same time; reload it"))
            .build());
      }
    }
    return Optional.empty();
  }

  private static Response problem(Response.Status status, String type, String zh, String en) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", zh + " / " + en, "detail", zh, "detailEn", en)).build();
  }

  @Priority(1)
  public static class RestRefusalMapper implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return known(exception).orElseGet(() -> camundaDefault.toResponse(exception));
    }
  }

  @Priority(1)
  public static class EngineRefusalMapper implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return known(exception).orElseGet(() -> camundaDefault.toResponse(exception));
    }
  }

  @Priority(1)
  public static class NullReferenceMapper implements ExceptionMapper<NullPointerException> {
    @Override
    public Response toResponse(NullPointerException exception) {
      return known(exception).orElseThrow();
    }
  }
}
