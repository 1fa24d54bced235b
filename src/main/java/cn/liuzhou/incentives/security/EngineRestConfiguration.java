package cn.liuzhou.incentives.security;

import cn.liuzhou.incentives.workflow.ReviewRefusedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camund's REST API with one addition: a reviewer's decision refused by the task checks (a missing
 * comment, an award above the proposal, the filer reviewing their own application) answers 400 with
 * the reason instead of the 500 the engine gives any exception thrown in a task listener.
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RefusalMapper.class);
  }

  @Priority(1)
  public static class RefusalMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable t = exception; t != null; t = t.getCause()) {
        if (t instanceof ReviewRefusedException refused) {
          return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", "ReviewRefusedException", "message", refused.getMessage(),
                  "detail", refused.zh(), "detailEn", refused.en()))
              .build();
        }
      }
      return camundaDefault.toResponse(exception);
    }
  }
}
