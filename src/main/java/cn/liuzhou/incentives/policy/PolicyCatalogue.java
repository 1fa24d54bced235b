package cn.liuzhou.incentives.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The policy packages shipped under dmn/: each folder holds package.json, its DMN and examples. */
@Component
public class PolicyCatalogue {

  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Map<String, PolicyPackage> packages = new LinkedHashMap<>();
  private final Map<String, PolicyPackage> packageOfMeasure = new LinkedHashMap<>();

  public PolicyCatalogue() throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    Resource[] found = resolver.getResources("classpath*:dmn/*/package.json");
    List<PolicyPackage> loaded = new ArrayList<>();
    for (Resource r : found) {
      try (InputStream in = r.getInputStream()) {
        loaded.add(JSON.readValue(in, PolicyPackage.class));
      }
    }
    loaded.sort(Comparator.comparing(PolicyPackage::code));
    for (PolicyPackage p : loaded) {
      packages.put(p.code(), p);
      p.measures().forEach(m -> packageOfMeasure.put(m.code(), p));
    }
  }

  public Collection<PolicyPackage> packages() {
    return packages.values();
  }

  public Optional<PolicyPackage> find(String code) {
    return Optional.ofNullable(packages.get(code));
  }

  public Optional<PolicyPackage> packageOf(String measureCode) {
    return Optional.ofNullable(packageOfMeasure.get(measureCode));
  }

  public Optional<Measure> measure(String measureCode) {
    return packageOf(measureCode).flatMap(p -> p.measure(measureCode));
  }

  /** The DMN XML shipped with the package. */
  public byte[] shippedDmn(PolicyPackage p) {
    return read(p.dmnResource());
  }

  /** The package's example cases, derived from the source text, that every deployment must pass. */
  public List<PolicyExample> examples(PolicyPackage p) {
    String path = "dmn/" + p.code() + "/examples.json";
    var resource = new PathMatchingResourcePatternResolver().getResource("classpath:" + path);
    if (!resource.exists()) {
      return List.of();
    }
    try (InputStream in = resource.getInputStream()) {
      return List.of(JSON.readValue(in, PolicyExample[].class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(String path) {
    try (InputStream in = PolicyCatalogue.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing policy resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
