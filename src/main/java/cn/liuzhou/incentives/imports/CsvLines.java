package cn.liuzhou.incentives.imports;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an administrator's CSV file with Jackson CSV: UTF-8 with or without a byte-order mark (Excel and WPS write
 * one), a header row naming the columns in any order, quoted cells as RFC 4180 has them. Each row comes with the
 * line of the file it starts on, so every problem can name the line a person sees in their editor.
 */
public final class CsvLines {

  /** One data row: its line in the file (the header is line 1) and its cells by column name, trimmed, blank as null. */
  public record Row(int line, Map<String, String> values) {
    public String get(String column) {
      return values.get(column);
    }
  }

  /** A file refused as a whole, with every line's problems; nothing of it was applied. */
  public static final class Refused extends RuntimeException {
    private final List<LineProblem> problems;

    public Refused(List<LineProblem> problems) {
      super(problems.isEmpty() ? "refused" : problems.get(0).en());
      this.problems = List.copyOf(problems);
    }

    public List<LineProblem> problems() {
      return problems;
    }
  }

  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.SKIP_EMPTY_LINES);

  private CsvLines() {}

  /**
   * The rows of the file; refuses it (line 1) when it is not UTF-8, has no header, lacks a required column or has a
   * column that is not one of {@code required} and {@code optional}, and (with the line) when a row cannot be read.
   */
  public static List<Row> read(byte[] content, List<String> required, Set<String> optional) {
    String text = decode(content);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw refuse(1, null, "文件为空，首行须为列名：" + String.join(",", required),
          "The file is empty; the first line must name the columns: " + String.join(",", required));
    }
    List<Row> rows = new ArrayList<>();
    try (CsvParser parser = CSV.getFactory().createParser(new StringReader(text))) {
      parser.setSchema(CsvSchema.emptySchema().withHeader());
      JsonToken token = parser.nextToken();
      checkHeader(parser.getSchema(), required, optional);
      while (token == JsonToken.START_OBJECT) {
        // The row's own line is where its first cell starts: START_OBJECT is still placed at the end of the row before.
        int line = 0;
        Map<String, String> values = new LinkedHashMap<>();
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String column = parser.currentName();
          parser.nextToken();
          if (line == 0) {
            line = parser.currentTokenLocation().getLineNr();
          }
          String value = parser.getValueAsString();
          values.put(column, value == null || value.isBlank() ? null : value.trim());
        }
        rows.add(new Row(line, values));
        token = parser.nextToken();
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw refuse(line, null, "无法读取该行（列数与首行不符或引号不成对）", "The line cannot be read (columns do not match the header, "
          + "or a quote is not closed): " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (rows.isEmpty()) {
      throw refuse(1, null, "文件只有列名，没有数据行", "The file has a header but no rows");
    }
    return rows;
  }

  private static void checkHeader(CsvSchema schema, List<String> required, Set<String> optional) {
    List<LineProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CsvSchema.Column c : schema) {
      String name = c.getName();
      if (!seen.add(name)) {
        problems.add(new LineProblem(1, name, "列名重复", "duplicate column"));
      } else if (!required.contains(name) && !optional.contains(name)) {
        problems.add(new LineProblem(1, name, "未知的列名，可用列名：" + columns(required, optional),
            "unknown column; the columns are " + columns(required, optional)));
      }
    }
    for (String column : required) {
      if (!seen.contains(column)) {
        problems.add(new LineProblem(1, column, "首行缺少该列", "the header lacks this column"));
      }
    }
    if (!problems.isEmpty()) {
      throw new Refused(problems);
    }
  }

  private static String columns(List<String> required, Set<String> optional) {
    List<String> all = new ArrayList<>(required);
    optional.stream().sorted().forEach(all::add);
    return String.join(",", all);
  }

  private static String decode(byte[] content) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw refuse(0, null, "文件须为 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”）",
          "The file must be UTF-8 (in Excel: save as \"CSV UTF-8\")");
    }
  }

  private static Refused refuse(int line, String field, String zh, String en) {
    return new Refused(List.of(new LineProblem(line, field, zh, en)));
  }
}
