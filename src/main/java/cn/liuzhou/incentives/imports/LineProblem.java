package cn.liuzhou.incentives.imports;

/** What is wrong with one line of an imported file (line 0: the file as a whole), in Chinese and English. */
public record LineProblem(int line, String field, String reasonZh, String reasonEn) implements java.io.Serializable {

  /** As a person reads it next to their spreadsheet: 第7行 creditCode：统一社会信用代码校验位错误. */
  public String zh() {
    return (line > 0 ? "第" + line + "行" : "文件") + (field == null ? "" : " " + field) + "：" + reasonZh;
  }

  public String en() {
    return (line > 0 ? "line " + line : "file") + (field == null ? "" : ", " + field) + ": " + reasonEn;
  }
}
