package cn.ebillops.assistant.nlu;

import cn.ebillops.contract.Area;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Area keywords in order of precedence. The order encodes the guideline "the area is the named
 * cause": a signing failure that stops issuance is SIGNING, a HIS call that fails is INTERFACE,
 * an account that cannot see a report menu is ADMIN, report figures that differ from HIS are REPORT.
 */
final class AreaRules {

    private record Rule(Area area, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Area.SIGNING, Pattern.compile(
                    "签名|验签|签章|签不了|签不上|ukey|u-key|u key|usbkey|u盾|(?<![a-z])key(?![a-z])|证书|(?<![a-z])ca(?![a-z])|数字签")),
            // "整个系统今天反应都很慢，点哪个菜单都要等": the system named as slow, before the menu or login it names
            new Rule(Area.SYSTEM, Pattern.compile(
                    "(?<!报表|短信|his|体检|存档|推送|接口|签名|验签)(系统|平台|整体|全院)[^,.;!?]{0,6}(慢|卡(?!住|死|在|着不动))")),
            new Rule(Area.ADMIN, Pattern.compile(
                    "账号|帐号|账户|帐户|用户名|密码|权限|角色|菜单|登录|登陆|登不上|登不进|被锁|锁了|参数设置|系统设置|系统管理|用户管理|角色管理|权限管理|所属科室|用户不存在|(未|没有?)绑定(开票点|收费点|科室|工号|角色)|用户未绑定|"
                            + "新同事|新员工|工号")),
            new Rule(Area.REPORT, Pattern.compile("报表|日报|月报|年报|统计|对账|汇总|综合查询|导出")),
            new Rule(Area.INTERFACE, Pattern.compile("his|体检|第三方|外部系统|医院信息系统|(?<![a-z])lis(?![a-z])|pacs|自助机|前置机|(收费|挂号|结算|医保)系统|调用.{0,6}接口")),
            new Rule(Area.ISSUANCE, Pattern.compile("(票据号码|票号|发票号|票据号)(重复|重了)|重号")),
            new Rule(Area.MANAGEMENT, Pattern.compile(
                    "库存|领用|领的票|号段|票号|票据号码|号码已用完|核销|入库|出库|打印|打不出|打出来|票据本|空白票|票据用完|无可用")),
            new Rule(Area.DELIVERY, Pattern.compile("短信|推送|微信|支付宝|二维码|扫码|链接|公众号|小程序|发给病人|通知病人")),
            new Rule(Area.ARCHIVE, Pattern.compile("存档|归档|pdf|ofd|版式|票据文件|电子文件")),
            new Rule(Area.DELIVERY, Pattern.compile(
                    "(病人|患者|家属|病患|病友).{0,12}(收不到|没收到|查不到|找不到|看不到|打不开|下载不了|下载不|拿不到)")),
            // "系统今天有点慢，开一张票要等好久": the system named as slow is whole-system slowness.
            new Rule(Area.SYSTEM, Pattern.compile("(系统|服务器|平台|整体|全院)[^,.;!?]{0,6}(慢|卡(?!住|死))")),
            new Rule(Area.ISSUANCE, Pattern.compile(
                    "(?<!打|打不)开票|开具|开电子票|开不了票|开不出|冲红|红冲|换开|补开|重开|开出|票开|出票|(?<!打|打不)开.{0,6}票")),
            new Rule(Area.MANAGEMENT, Pattern.compile("纸质")),
            new Rule(Area.SYSTEM, Pattern.compile("系统|服务器|平台|页面|网页|网站|网络|电脑|浏览器|机房|数据库|(?<![a-z])db(?![a-z])|oracle|卡|慢|服务")));

    private AreaRules() {
    }

    /**
     * "系统可以登录", "登录和手工开票都正常", "我重新登录了一次也一样": a part said to work, or a step the
     * reporter already tried, names no area.
     */
    private static final Pattern WORKS = Pattern.compile(
            "(可以|能|能够)(正常)?(登录|登陆|登上|登进|进去|打开)|[^,.;!?]*(正常|没问题|是好的|都行)[的了啊呢]?(?=[,.;!?]|$)|"
                    + "重新(登录|登陆|登|打开|启动)|退出(后|再)?重(新)?(登录|登陆|进)|重登");
    /** "谢谢王工上午帮忙处理证书！另外……": what the thanks is for names no area of the new problem. */
    private static final Pattern THANKS = Pattern.compile("(谢谢|感谢|多谢|辛苦)[^,.;!?]*");
    /** "票号0012345678", "按票号搜": a bill number used to name one bill, not the number range. */
    private static final Pattern BILL_ID = Pattern.compile(
            "(票号|票据号码|票据号|发票号)[:：是为]?\\s*\\d{4,}|(按|(?<!可|不|无)用|输入|根据|凭)(票号|票据号码|票据号|发票号)");

    /** The area named by keywords; empty when none is named and the embedding neighbours decide. */
    static Optional<Area> areaOf(String text) {
        String t = THANKS.matcher(BILL_ID.matcher(WORKS.matcher(text).replaceAll(",")).replaceAll(",")).replaceAll(",");
        for (Rule r : RULES) {
            if (r.pattern().matcher(t).find()) {
                return Optional.of(r.area());
            }
        }
        return Optional.empty();
    }
}
