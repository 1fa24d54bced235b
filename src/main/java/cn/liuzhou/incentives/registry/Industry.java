package cn.liuzhou.incentives.registry;

import java.util.Arrays;
import java.util.Optional;

/** The catalogue's industry codes; the policies' industry conditions are written against them. */
public enum Industry {
  AUTOMOTIVE("汽车整车"),
  AUTO_PARTS("汽车零部件"),
  MACHINERY("机械装备（含工程机械、内燃机）"),
  STEEL("钢铁"),
  SHORT_PROCESS_STEEL("短流程钢铁"),
  NONFERROUS("有色金属"),
  PETROCHEMICAL("石化化工（含石油加工）"),
  BUILDING_MATERIALS("建材"),
  FOOD("食品"),
  GRAIN_OIL("粮油加工"),
  PHARMA("医药、生物医药"),
  DAILY_CHEMICAL("日化"),
  TEXTILE_SILK("纺织服装、茧丝绸、坯绸"),
  ELECTRONICS("电子信息制造"),
  WOOD_PROCESSING("木材加工、人造板"),
  PAPER("造纸"),
  FURNITURE("家具"),
  LIGHT_INDUSTRY("轻工（其他）"),
  NEW_ENERGY("新能源、动力电池"),
  OTHER_MANUFACTURING("其他制造业"),
  SOFTWARE_IT("软件和信息技术服务业");

  private final String nameZh;

  Industry(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }

  public static Optional<Industry> of(String code) {
    return Arrays.stream(values()).filter(i -> i.name().equals(code)).findFirst();
  }
}
