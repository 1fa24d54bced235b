package cn.liuzhou.incentives.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Fills the Camunda webapps' login form. The page moves the focus to the user name field a moment
 * after it renders, which can steal the typing meant for the password: the values are checked and the
 * form filled again until both fields hold what was typed.
 */
final class LoginForm {

  private LoginForm() {}

  static void fill(Page page, String user, String password) {
    Locator name = page.locator("input[ng-model=username]");
    Locator secret = page.locator("input[ng-model=password]");
    name.waitFor();
    for (int attempt = 0; attempt < 5; attempt++) {
      name.fill(user);
      secret.fill(password);
      if (user.equals(name.inputValue()) && password.equals(secret.inputValue())) {
        return;
      }
    }
    throw new IllegalStateException("The login form kept losing what was typed into it");
  }
}
