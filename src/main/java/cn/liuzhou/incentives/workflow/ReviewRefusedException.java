package cn.liuzhou.incentives.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/** A reviewer's decision that cannot be accepted; the task stays open and the reviewer sees why. */
public class ReviewRefusedException extends BadUserRequestException {

  private final String zh;
  private final String en;

  public ReviewRefusedException(String zh, String en) {
    super(zh + " / " + en);
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
