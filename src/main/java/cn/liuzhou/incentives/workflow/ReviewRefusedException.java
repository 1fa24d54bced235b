package cn.liuzhou.incentives.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/** A reviewer's decision that cannot be accepted; the task stays open and the reviewer sees why. */
public class ReviewRefusedException extends BadUserRequestException {

  /**
   * The last refusal on this thread: the webapps' REST API reports any exception thrown in a task
   * listener as a 500 wrapped in English ({@code ENGINE-03051…}); a filter uses this to answer 400 with
   * the reviewer's reason instead.
   */
  private static final ThreadLocal<ReviewRefusedException> LAST = new ThreadLocal<>();

  private final String zh;
  private final String en;

  public ReviewRefusedException(String zh, String en) {
    super(zh + " / " + en);
    this.zh = zh;
    this.en = en;
    LAST.set(this);
  }

  /** Answers and forgets the last refusal raised on this thread, if any. */
  public static ReviewRefusedException takeLast() {
    ReviewRefusedException last = LAST.get();
    LAST.remove();
    return last;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
