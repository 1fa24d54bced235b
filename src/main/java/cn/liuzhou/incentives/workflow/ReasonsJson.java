package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.policy.Reason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reasons as the ledger stores them (a JSON array). */
@Component
public class ReasonsJson {

  private final ObjectMapper json;

  public ReasonsJson(ObjectMapper json) {
    this.json = json;
  }

  public String write(List<Reason> reasons) {
    try {
      return json.writeValueAsString(reasons);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<Reason> read(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    try {
      return List.of(json.readValue(stored, Reason[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
