package cn.ebillops.assistant.nlu;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The contract's fault levels (GUIDELINES.md, "Severity"), decided from outage words, scope and area. */
final class SeverityRules {

    private static final Pattern DB_ERROR = Pattern.compile("ora-?\\d{4,5}|表空间满|锁表|死锁|(数据库|(?<![a-z])db(?![a-z])|oracle|mysql|sql ?server).{0,8}(连不上|连接不上|连接失败|连接异常|连接超时|无法连接|没起来|没启动|挂|宕|停|down|崩|报错|出错|异常|访问不了|用不了|满|坏了|起不来|启动不了)");
    /** "连接数据库超时", "所有业务都做不了": the database unreachable, or all business stopped. */
    private static final Pattern DB_OR_ALL_BUSINESS = Pattern.compile(
            "连(接)?(不上)?(数据库|(?<![a-z])db(?![a-z])|oracle)[^,.;!?]{0,4}(超时|失败|异常|报错|不上)|连不上(数据库|(?<![a-z])db(?![a-z])|oracle)|"
                    + "(所有|全部)(的)?业务[^,.;!?]{0,4}(做不了|办不了|停|中断|无法|没法)");
    private static final Pattern SYSTEM_SUBJECT = Pattern.compile("系统|服务器|平台|服务|机房|主机|应用|业务|网站|网页|登录页");
    private static final Pattern CLAUSE_START = Pattern.compile("^.*[,.;!?]");
    /** What may stand between "签名服务器" and a later "服务" that still means the same part. */
    private static final Pattern SAME_PART_GAP = Pattern.compile("(那边|这边|那台|这台|上|里|上面|里面)?的?");
    /** A subject qualified by one of these is a part, not the whole e-bill system. */
    private static final Pattern PART_QUALIFIER = Pattern.compile("签名|验签|签章|短信|his|体检|报表|接口|推送|存档|归档|版式|ofd|pdf|文件|ca|自助|第三方|打印|前置|收费|挂号|医保");
    private static final Pattern OUTAGE = Pattern.compile(
            "宕机|宕了|挂了|挂掉|挂啦|瘫痪|瘫了|瘫掉|停摆|崩了|崩溃|崩掉|死机|断电|down|停了|停止|停机|连不上|ping不通|不通了|中断|挂得|下线|离线|掉线|跳闸|无法使用|没法使用|不能使用|无法登录|没法登录|掉电|停电|没起来|空白页|页面空白|没得用|趴了|趴窝|歇菜|挂球|完蛋|凉了|黑屏|(啥|什么)(都|也)(干|用|做|开|进)不|连接不上|访问不了|打不开|进不去|进不了|"
                    + "起不来|启动不了|启动失败|白屏|蓝屏|无法访问|无法连接|停掉|关机|关掉了|没响应|没有响应|"
                    + "用不了|不能用|没法用|登不上|登不进|登录不了|登陆不了|没反应|无响应|(?<!\\d)(50[0234]|404)(?!\\d)|bad gateway");
    private static final Pattern LOGIN_OR_USE_FAILS = Pattern.compile(
            "没得用|登不上|登不进|登录不|登陆不|登录不了|登陆不了|进不去|进不了|用不了|不能用|没法用|打不开|访问不了|无法登录|无法登陆|无法访问|无法使用|"
                    + "(登录|登陆).{0,12}(失败|报错|连接不上|超时)|(没人|没有人|无人|谁也|谁都|没有?一个人)(能|可以)?(进|登|用|打开|访问|开)|"
                    + "(登录|登陆)(界面|页面|页|窗口)?.{0,4}(出不来|打不开|进不去|白屏)|卡在外面|进不来|(没法|不能|无法)(登录|登陆|进入|打开)");
    /** "整个票据系统都报错": the whole system named as failing. */
    private static final Pattern WHOLE_SYSTEM_FAILS = Pattern.compile(
            "整个.{0,6}(系统|平台)(都|全)?(报错|出错|异常|不行|有问题|失败|卡死|卡住|动不了|不动)");
    /** A wrong display is a level-III fault in the guidelines. */
    private static final Pattern WRONG_DISPLAY = Pattern.compile("显示(不全|不对|错|有误|异常|不正确)|乱码|显示.{0,6}(不对|错了)");
    /** "票据系统没了", "虚拟机被误删了": the system or its machine is gone. */
    private static final Pattern GONE = Pattern.compile(
            "(系统|服务器|平台|数据库|主机)(也|都|整个)?没了|(虚拟机|服务器|主机|数据库)[^,.;!?]{0,3}(误删|删了|被删|删除了)");
    /** With no part named, everyone unable to reach it means the system is unreachable. */
    private static final Pattern ACCESS_FAILS = Pattern.compile("访问不了|无法访问|无法连接|连接不上|连不上|打不开|进不去|进不了|不可用");
    private static final Pattern CONTRACT_OUTAGE = Pattern.compile("宕机|宕了|瘫痪|瘫了|瘫掉|停摆|崩溃|全挂");
    private static final Pattern HOSPITAL_WIDE = Pattern.compile("全院|整个医院|全医院|整家医院");
    private static final Pattern ISSUE_FAILS = Pattern.compile("开不(了|出|到)|(没法|无法|不能)(开|出票)|开票.{0,4}(失败|报错)|出不(了|来).{0,4}票");

    /** Slowness words; alone they make a fault III. "卡住/卡着不动/转圈" mean it never finishes. */
    private static final Pattern SLOW = Pattern.compile(
            "慢|迟钝|(?<!医保|社保|银行|就诊)卡(?!住|死|着不动|片|号|在|包|券)|加载|半天|好久|很久|几分钟|十几秒|几秒|要等|响应时间|"
                    + "(?<![\\d.])\\d{1,3} ?(秒|分钟)(以上|多|左右|才)|(?<![a-z])cpu(?![a-z])|负载");
    private static final Pattern NOT_SLOW_FAILURE = Pattern.compile(
            "失败|报错|出错|错误|异常|打不开|开不|登不|进不|收不|连不|用不了|不过去|过不去|超时|卡住|卡死|卡着不动|卡在|转圈|没反应|无响应|不了|不出");

    private static final Pattern BLOCKS_ISSUANCE = Pattern.compile("用完|不足|不够|没了|无可用|没有可用|耗尽");
    /** Running out of numbers or stock is II only when it stops issuing ("开票提示票号用完"). */
    private static final Pattern ISSUING = Pattern.compile("开票|开具|开不|开出|(无法|没法|不能)开");
    private static final Pattern ONE_BILL_OPERATION = Pattern.compile("冲红|红冲|换开|补开|补打|重打|作废|显示");
    private static final Pattern ONE_DEVICE = Pattern.compile("ukey|u-key|u key|usbkey|u盾|(?<![a-z])key(?![a-z])|驱动");
    private static final Pattern PATIENT_SUBJECT = Pattern.compile("病人|患者|家属|病患|病友");
    /** The sending side failing ("推送不出去") hits every patient, unlike one patient not finding a bill. */
    private static final Pattern SENDING_FAILS = Pattern.compile("推送不|推不出|发不出|发送失败|推送失败|发送不|推送全|推送都|没有?(发|推|送)出|一条都没");
    private static final Pattern ONE_RECORD = Pattern.compile("单子|一笔|记录|这笔|个人");

    /** "系统没宕机，但是……": an outage word that is denied says the system is up. */
    private static final Pattern DENIED_OUTAGE = Pattern.compile(
            "(?<!是)(没有?|不是|并非|并没有?|未)(宕机|宕|挂(?!号)|瘫痪|崩|断电|停机|停|down)[了掉]?");
    /** "换开功能用不了": the feature itself fails, not one bill. */
    private static final Pattern WHOLE_FEATURE = Pattern.compile("功能|模块");

    private static final Set<Area> PART_AREAS = EnumSet.of(
            Area.REPORT, Area.ARCHIVE, Area.DELIVERY, Area.MANAGEMENT, Area.SIGNING, Area.INTERFACE);

    private SeverityRules() {
    }

    /** True when the whole e-bill system is said to be unusable (level I, area SYSTEM). */
    static boolean wholeSystemDown(String t, Area area, Scope scope) {
        if (scope.limited()) {
            return false;
        }
        if (DB_ERROR.matcher(t).find()) {
            return true;
        }
        if (GONE.matcher(t).find() || DB_OR_ALL_BUSINESS.matcher(t).find() || WHOLE_SYSTEM_FAILS.matcher(t).find()) {
            return true;
        }
        // "所有科室的报表都打不开": everyone failing at one named part is that part's fault, not an outage.
        if (!PART_AREAS.contains(area) && scope.wholeHospital() && (LOGIN_OR_USE_FAILS.matcher(t).find()
                || (HOSPITAL_WIDE.matcher(t).find() && ISSUE_FAILS.matcher(t).find()))) {
            return true;
        }
        Matcher m = SYSTEM_SUBJECT.matcher(t);
        int partEnd = -1;
        while (m.find()) {
            // the clause before the subject ("版式文件生成服务"): up to 8 characters, not across punctuation
            String before = CLAUSE_START.matcher(t.substring(Math.max(0, m.start() - 8), m.start())).replaceAll("");
            // "验签服务器服务停了", "签名服务器的服务": a subject right after a qualified one is the same part.
            boolean samePart = partEnd >= 0 && m.start() >= partEnd
                    && SAME_PART_GAP.matcher(t.substring(partEnd, m.start())).matches();
            if (PART_QUALIFIER.matcher(before).find() || samePart) {
                partEnd = m.end();
                continue;
            }
            String after = t.substring(m.end(), Math.min(t.length(), m.end() + 12));
            if (OUTAGE.matcher(after).find()) {
                return true;
            }
        }
        return false;
    }

    /** The safety rule alone: the message says the whole hospital (everyone) cannot work. */
    static boolean wholeHospitalCannotWork(String text) {
        return LevelOneGuard.wholeHospitalCannotWork(DENIED_OUTAGE.matcher(text).replaceAll(","), Scope.of(text));
    }

    static Severity severityOf(String text, Area area, Scope scope) {
        String t = DENIED_OUTAGE.matcher(text).replaceAll(",");
        if (LevelOneGuard.wholeHospitalCannotWork(t, scope) || wholeSystemDown(t, area, scope)) {
            return Severity.I;
        }
        // The contract's own words for level I (系统瘫痪、宕机) with no part named: the whole system.
        if (area == Area.SYSTEM && !scope.limited() && CONTRACT_OUTAGE.matcher(t).find()) {
            return Severity.I;
        }
        if (area == Area.SYSTEM && scope.broad() && !scope.limited()
                && (ACCESS_FAILS.matcher(t).find() || OUTAGE.matcher(t).find())) {
            return Severity.I;
        }
        if (area == Area.REPORT || area == Area.ADMIN) {
            return Severity.III;
        }
        if (SLOW.matcher(t).find() && !NOT_SLOW_FAILURE.matcher(t).find()) {
            return Severity.III;
        }
        if (scope.limited()) {
            return Severity.III;
        }
        // SYSTEM is the system as a whole: with no core function named, the system being unreachable
        // or stopped (not slow, not one user) is an outage even without a scope word.
        if (area == Area.SYSTEM && (scope.wholeHospital() || OUTAGE.matcher(t).find()
                || ACCESS_FAILS.matcher(t).find() || LOGIN_OR_USE_FAILS.matcher(t).find())) {
            return Severity.I;
        }
        if (WRONG_DISPLAY.matcher(t).find() && !scope.broad()) {
            return Severity.III;
        }
        if (area == Area.MANAGEMENT) {
            boolean blocks = BLOCKS_ISSUANCE.matcher(t).find() && ISSUING.matcher(t).find();
            return blocks || scope.broad() ? Severity.II : Severity.III;
        }
        if (scope.broad()) {
            return Severity.II;
        }
        return switch (area) {
            case ISSUANCE -> ONE_BILL_OPERATION.matcher(t).find() && !WHOLE_FEATURE.matcher(t).find()
                    ? Severity.III : Severity.II;
            case SIGNING -> ONE_DEVICE.matcher(t).find() ? Severity.III : Severity.II;
            case DELIVERY -> PATIENT_SUBJECT.matcher(t).find() && !SENDING_FAILS.matcher(t).find()
                    ? Severity.III : Severity.II;
            case INTERFACE -> ONE_RECORD.matcher(t).find() ? Severity.III : Severity.II;
            default -> Severity.II;
        };
    }
}
