package cn.liuzhou.incentives.web;

import cn.liuzhou.incentives.ledger.Notifications;
import cn.liuzhou.incentives.security.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: for an enterprise, the number of unread notifications. */
@ControllerAdvice(assignableTypes = {HomeController.class, PortalPageController.class, NoticesPageController.class})
class PageModelAdvice {

  private final Notifications notifications;

  PageModelAdvice(Notifications notifications) {
    this.notifications = notifications;
  }

  @ModelAttribute("unreadCount")
  Integer unreadCount() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth.getAuthorities().stream().noneMatch(a -> Groups.ENTERPRISES.equals(a.getAuthority()))) {
      return null;
    }
    return notifications.unread(auth.getName());
  }
}
