package cn.liuzhou.incentives.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The fields of the project's Camunda Forms ({@code bpmn/*.form}, the ones the application deploys
 * beside its processes): which a reviewer fills in, and which only display the application.
 */
@Component
public class TaskForms {

  /** A form's keyed fields: those the reviewer decides, and read-only copies for display. */
  public record Fields(Set<String> editable, Set<String> readOnly) {}

  private final Map<String, Fields> forms = new HashMap<>();

  public TaskForms(ObjectMapper json) throws IOException {
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.form")) {
      try (InputStream in = r.getInputStream()) {
        JsonNode form = json.readTree(in);
        Set<String> editable = new LinkedHashSet<>();
        Set<String> readOnly = new LinkedHashSet<>();
        collect(form.path("components"), editable, readOnly);
        forms.put(form.path("id").asText(), new Fields(Set.copyOf(editable), Set.copyOf(readOnly)));
      }
    }
  }

  private static void collect(JsonNode components, Set<String> editable, Set<String> readOnly) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        boolean fixed = c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false);
        (fixed ? readOnly : editable).add(c.get("key").asText());
      }
      collect(c.path("components"), editable, readOnly);
    }
  }

  public Optional<Fields> of(String formKey) {
    return Optional.ofNullable(forms.get(formKey));
  }
}
