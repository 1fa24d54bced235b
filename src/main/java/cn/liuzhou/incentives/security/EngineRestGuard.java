package cn.liuzhou.incentives.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The trust boundary in front of Camunda's REST APIs (/engine-rest and the webapps' /camunda/api)
 * and the application's API:
 * <ul>
 *   <li>request bodies above {@code incentives.max-request-bytes} are refused with 413, unread;</li>
 *   <li>a task completion (complete, submit-form) may carry only the fields its Camunda Form lets the
 *       reviewer fill in: any other variable, the form's disabled display fields included, is refused
 *       with 400 naming it; values must be plain strings, numbers or booleans (no serialized objects);</li>
 *   <li>deleting, resolving, delegating or reassigning a task, changing its identity links or its
 *       variables outside a completion is refused (405/403) whatever the caller's permissions;</li>
 *   <li>Camunda Admin's first-administrator set-up is never reachable: the application creates its
 *       administrator at start-up.</li>
 * </ul>
 */
public class EngineRestGuard extends OncePerRequestFilter {

  private static final String BASE = "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)";
  private static final Pattern COMPLETION = Pattern.compile(BASE + "/task/([^/]+)/(complete|submit-form)/?$");
  private static final Pattern TASK = Pattern.compile(BASE + "/task/([^/]+)/?$");
  private static final Pattern TASK_CHANGE = Pattern.compile(BASE + "/task/([^/]+)/(resolve|delegate|assignee|identity-links(/delete)?|variables.*|localVariables.*|bpmnError|bpmnEscalation)/?$");
  /** Evidence uploads: multipart, with a limit of their own ({@code incentives.attachments.max-request-bytes}). */
  private static final Pattern ATTACHMENT_UPLOAD = Pattern.compile("^/api/applications/[^/]+/attachments/?$");
  private static final Pattern SETUP = Pattern.compile("^/camunda/api/admin/setup/.*");
  /** Checks anyone's password, outside the login throttle: a colleague's password could be guessed at leisure. */
  private static final Pattern VERIFY_PASSWORD = Pattern.compile(BASE + "/identity/verify/?$");
  private static final org.springframework.web.util.UrlPathHelper PATHS = new org.springframework.web.util.UrlPathHelper();
  private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double", "null");

  private final TaskService tasks;
  private final IdentityService identity;
  private final TaskForms forms;
  private final ObjectMapper json;
  private final long maxBytes;
  private final long maxAttachmentBytes;

  public EngineRestGuard(TaskService tasks, IdentityService identity, TaskForms forms, ObjectMapper json,
      @Value("${incentives.max-request-bytes:2097152}") long maxBytes, long maxAttachmentBytes) {
    this.maxAttachmentBytes = maxAttachmentBytes;
    this.tasks = tasks;
    this.identity = identity;
    this.forms = forms;
    this.json = json;
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The engine keeps the current user per thread: a request starts and ends with none, whatever ran on the thread before.
    identity.clearAuthentication();
    try {
      guard(request, response, chain);
    } finally {
      identity.clearAuthentication();
    }
  }

  private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    if (!normalised(raw)) {
      ProblemResponses.write(response, 400, "请求路径不规范", "The request path is not in normal form", null);
      return;
    }
    // Match what the REST servlets will see: percent-decoded, without ;matrix parameters.
    String path = PATHS.getPathWithinApplication(request);
    String method = request.getMethod();
    if (SETUP.matcher(path).matches()) {
      ProblemResponses.write(response, 403, "管理员由系统启动时创建，初始化设置不可用", "The first-administrator set-up is disabled", null);
      return;
    }
    if (VERIFY_PASSWORD.matcher(path).matches()) {
      ProblemResponses.write(response, 403, "不提供密码核验接口，请通过登录页登录", "Password verification is not offered; log in instead", null);
      return;
    }
    if ("POST".equals(method) && ATTACHMENT_UPLOAD.matcher(path).matches() && request.getContentType() != null
        && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      // Evidence files are larger than any other request; Spring's multipart limits bound a body of unknown length.
      if (request.getContentLengthLong() > maxAttachmentBytes) {
        tooLarge(response, maxAttachmentBytes);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > maxBytes) {
      tooLarge(response);
      return;
    }
    if ("DELETE".equals(method) && TASK.matcher(path).matches()) {
      ProblemResponses.write(response, 405, "审核任务不能删除", "Review tasks cannot be deleted", null);
      return;
    }
    if (!"GET".equals(method) && TASK_CHANGE.matcher(path).matches()) {
      ProblemResponses.write(response, 403, "只能认领和办理任务：不能转办、委托、改派或修改任务变量",
          "Tasks may only be claimed and completed: no delegation, reassignment or variable changes", null);
      return;
    }
    boolean hasBody = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    boolean ours = path.startsWith("/engine-rest") || path.startsWith("/camunda/api/engine/") || path.startsWith("/api/");
    if (!hasBody || !ours || request.getContentType() != null && request.getContentType().startsWith("application/x-www-form-urlencoded") || request.getContentType() != null && request.getContentType().startsWith("multipart/")
        && request.getContentLengthLong() >= 0) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readLimited(request.getInputStream());
    if (body == null) {
      tooLarge(response);
      return;
    }
    if (containsNul(body)) {
      // PostgreSQL cannot store U+0000 in text, and no legitimate input carries it.
      ProblemResponses.write(response, 400, "请求含有不允许的控制字符（U+0000）", "The request contains a NUL character (U+0000)", null);
      return;
    }
    Matcher completion = COMPLETION.matcher(path);
    if (completion.matches()) {
      try {
        body = checkCompletion(completion.group(1), body);
      } catch (Refusal r) {
        ProblemResponses.write(response, r.status, r.zh, r.en, r.field);
        return;
      }
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  private byte[] checkCompletion(String taskId, byte[] body) throws Refusal {
    JsonNode root;
    try {
      root = body.length == 0 ? json.createObjectNode() : json.readTree(body);
    } catch (IOException e) {
      throw new Refusal(null, "请求体不是有效的 JSON", "The request body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new Refusal(null, "请求体须为 JSON 对象", "The request body must be a JSON object");
    }
    JsonNode variables = root.path("variables");
    if (variables.isMissingNode() || variables.isNull()) {
      return body;
    }
    if (!variables.isObject()) {
      throw new Refusal("variables", "variables 须为对象", "variables must be an object");
    }
    TaskForms.Fields fields = formFields(taskId);
    if (fields == null) {
      throw new Refusal(null, 404, "任务不存在或已办结", "The task does not exist or is already completed");
    }
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.editable().contains(name)) {
        unknown.add(name);
        continue;
      }
      JsonNode type = variables.get(name).path("type");
      if (!type.isMissingNode() && !type.isNull() && !PLAIN_TYPES.contains(type.asText().toLowerCase())) {
        throw new Refusal(name, "字段 " + name + " 的类型不允许：" + type.asText(), "Variable " + name + " may not have type " + type.asText());
      }
      if (variables.get(name).path("value").isContainerNode()) {
        throw new Refusal(name, "字段 " + name + " 须为文字、数字或是否", "Variable " + name + " must be a string, number or boolean");
      }
    }
    if (!unknown.isEmpty()) {
      String names = String.join(", ", unknown);
      throw new Refusal(unknown.get(0), "该任务的表单没有这些字段，不得提交：" + names,
          "The task's form has no such fields; they may not be submitted: " + names);
    }
    return body;
  }

  /** The form of the task, looked up before anyone is authenticated (the engine checks the caller's rights next). */
  private TaskForms.Fields formFields(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (task == null) {
      return null;
    }
    CamundaFormRef ref = task.getCamundaFormRef();
    return ref == null ? new TaskForms.Fields(Set.of(), Set.of())
        : forms.of(ref.getKey()).orElse(new TaskForms.Fields(Set.of(), Set.of()));
  }

  static boolean containsNul(byte[] body) {
    for (byte b : body) {
      if (b == 0) {
        return true;
      }
    }
    String text = new String(body, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
    return text.contains("\\u0000");
  }

  /** No empty segments, dot segments or encoded dots, slashes and backslashes: one path, one meaning. */
  static boolean normalised(String rawPath) {
    String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
    return !lower.contains("//") && !lower.contains("/./") && !lower.contains("/../") && !lower.endsWith("/.")
        && !lower.endsWith("/..") && !lower.contains("%2e") && !lower.contains("%2f") && !lower.contains("%5c")
        && !lower.contains("\\") && !lower.contains("%25");
  }

  private byte[] readLimited(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > maxBytes) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    tooLarge(response, maxBytes);
  }

  private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
    response.setHeader("Connection", "close");
    ProblemResponses.write(response, 413, "请求体过大（上限 " + limit / 1024 + " KB）",
        "The request body is too large (limit " + limit / 1024 + " KB)", null);
  }

  private static final class Refusal extends Exception {
    final String field;
    final int status;
    final String zh;
    final String en;

    Refusal(String field, String zh, String en) {
      this(field, 400, zh, en);
    }

    Refusal(String field, int status, String zh, String en) {
      super(en, null, false, false);
      this.field = field;
      this.status = status;
      this.zh = zh;
      this.en = en;
    }
  }

  /** The request with its body read once and replayed (possibly rewritten). */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }
  }
}
