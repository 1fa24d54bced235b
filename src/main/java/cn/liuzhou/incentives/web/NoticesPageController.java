package cn.liuzhou.incentives.web;

import cn.liuzhou.incentives.portal.PublicNotices;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 公示: the awards on public notice, open to everyone, with a form to object (POST /api/public/notices/{id}/objections). */
@Controller
class NoticesPageController {

  private final PublicNotices notices;

  NoticesPageController(PublicNotices notices) {
    this.notices = notices;
  }

  @GetMapping("/notices")
  String notices(Model model) {
    model.addAttribute("notices", notices.current());
    return "notices";
  }
}
