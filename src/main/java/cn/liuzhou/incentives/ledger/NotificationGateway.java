package cn.liuzhou.incentives.ledger;

/**
 * Delivers a notification to the enterprise outside the system (e-mail, SMS). The recipient is the
 * enterprise of the application as the ledger records it, never an address a caller chose. Called only
 * after the transaction that recorded the notification has committed; a failing gateway never undoes a
 * step of the workflow (the notification stays readable in the portal).
 */
public interface NotificationGateway {

  /**
   * @param creditCode the enterprise (the gateway looks up its registered contact)
   * @param applicationId the application the message concerns
   */
  void deliver(String creditCode, String applicationId, String messageZh, String messageEn);
}
