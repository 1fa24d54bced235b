package cn.liuzhou.incentives.registry;

import java.util.Arrays;
import java.util.Optional;

/** Liuzhou's counties, districts and new districts; the code names the county reviewers' group. */
public enum County {
  CHENGZHONG("chengzhong", "城中区"),
  YUFENG("yufeng", "鱼峰区"),
  LIUNAN("liunan", "柳南区"),
  LIUBEI("liubei", "柳北区"),
  LIUJIANG("liujiang", "柳江区"),
  LIUCHENG("liucheng", "柳城县"),
  LUZHAI("luzhai", "鹿寨县"),
  RONGAN("rongan", "融安县"),
  RONGSHUI("rongshui", "融水苗族自治县"),
  SANJIANG("sanjiang", "三江侗族自治县"),
  LIUDONG("liudong", "柳东新区"),
  BEIBU("beibu", "阳和工业新区（北部生态新区）");

  private final String code;
  private final String nameZh;

  County(String code, String nameZh) {
    this.code = code;
    this.nameZh = nameZh;
  }

  public String code() {
    return code;
  }

  public String nameZh() {
    return nameZh;
  }

  /** Candidate group of the county's reviewers. */
  public String reviewerGroup() {
    return "county-" + code;
  }

  public static Optional<County> of(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
  }
}
