package cn.liuzhou.incentives.ledger;

/** Where an application stands; the enterprise is told of every change. */
public enum ApplicationStatus {
  SCREENING("自动审核中", "Being screened"),
  REJECTED("未通过", "Rejected"),
  COUNTY_REVIEW("县区工信部门审核中", "Under county review"),
  RETURNED("已退回，待企业补正", "Returned for amendment"),
  EXPERT_REVIEW("专家评审中", "Under expert review"),
  BUREAU_REVIEW("市工业和信息化局审核中", "Under bureau review"),
  PUBLIC_NOTICE("公示中", "On public notice"),
  DISBURSEMENT("财政拨付中", "Awaiting disbursement"),
  DISBURSED("已拨付", "Disbursed"),
  LAPSED("逾期未补正，已终止", "Lapsed: not amended in time");

  private final String zh;
  private final String en;

  ApplicationStatus(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** An application that still counts against caps and limits. */
  public boolean isLive() {
    return this != REJECTED && this != LAPSED;
  }
}
