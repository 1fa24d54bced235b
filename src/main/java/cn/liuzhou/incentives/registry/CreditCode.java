package cn.liuzhou.incentives.registry;

/** The unified social credit code (统一社会信用代码) of GB 32100-2015 and its check character. */
public final class CreditCode {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCode() {}

  /** True for 18 characters of the GB 32100 alphabet ending in the right check character. */
  public static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    for (int i = 2; i < 8; i++) { // administrative division code: digits
      if (!Character.isDigit(code.charAt(i))) {
        return false;
      }
    }
    return checkCharacter(code.substring(0, 17)) == code.charAt(17);
  }

  /**
   * Why the code is not valid, in Chinese and English ({@code [zh, en]}), or null when it is: people correcting a
   * spreadsheet need to know whether a character is wrong or only the check character.
   */
  public static String[] problem(String code) {
    if (code == null || code.isBlank()) {
      return new String[] {"须填写统一社会信用代码", "the unified social credit code is required"};
    }
    boolean wellFormed = code.length() == 18;
    for (int i = 0; wellFormed && i < 18; i++) {
      wellFormed = ALPHABET.indexOf(code.charAt(i)) >= 0 && (i < 2 || i >= 8 || Character.isDigit(code.charAt(i)));
    }
    if (!wellFormed) {
      return new String[] {"统一社会信用代码须为18位数字或大写字母（GB 32100）",
          "a unified social credit code has 18 digits or capital letters (GB 32100)"};
    }
    return isValid(code) ? null : new String[] {"统一社会信用代码校验位错误", "wrong check character of the unified social credit code"};
  }

  /** The check character for the first 17 characters of a code. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("Not a credit-code character: " + first17.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    int check = 31 - sum % 31;
    return ALPHABET.charAt(check == 31 ? 0 : check);
  }

  /** Completes 17 characters into a valid code (demo data and tests). */
  public static String withCheckCharacter(String first17) {
    return first17 + checkCharacter(first17);
  }
}
