package cn.liuzhou.incentives.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The application's front door and its login page; the portal, case files and console have their own controllers. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
