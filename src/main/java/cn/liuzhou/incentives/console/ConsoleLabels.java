package cn.liuzhou.incentives.console;

import cn.liuzhou.incentives.cases.CaseLabels;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The Chinese labels (model attribute {@code L}) every console page uses, once for all console controllers. */
@ControllerAdvice(assignableTypes = {ConsoleController.class, RegistryConsoleController.class})
class ConsoleLabels {

  @ModelAttribute("L")
  CaseLabels.View labels() {
    return CaseLabels.VIEW;
  }
}
