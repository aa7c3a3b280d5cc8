package cn.ebillops.assistant.nlu;

import java.util.regex.Pattern;

/**
 * The contract's safety asymmetry: a fault said to stop the whole hospital or everyone — nobody
 * can log in, open the system or issue a bill — is level I however calmly, in whichever dialect,
 * and whatever part the model guessed, unless the message names a part the guidelines keep lower
 * (reports stay III, the signing server II, exhausted stock II). A level I read as II starts the
 * wrong clock and calls nobody senior; the opposite costs a phone call.
 */
final class LevelOneGuard {

    private static final Pattern EVERYONE = Pattern.compile(
            // a whole department ("门诊所有窗口", "住院部所有人") is II by the guidelines: only the
            // hospital, everyone with no department named, or several departments listed count
            "全院|整个医院|全医院|整家医院|(?<!(门诊|住院|急诊|体检|收费|药房|科|部|处|窗口|这边|那边)[^,.;!?]{0,3})"
                    + "(所有人|大家|谁都|没人|没有人|没有一个人|每个人|个个都|人人都|整个都|全都)|各科室|所有科室|全部科室|各个科室|整个系统|整个平台|"
                    + "(门诊|住院|急诊|体检|药房)[^,.;!?、]{0,4}[、和跟及][^,.;!?]{0,4}(门诊|住院|急诊|体检|药房)[^,.;!?]{0,12}都");
    /** "系统能登录", "其他功能还能用": the system is said to be up, so the failure is a part of it. */
    private static final Pattern SYSTEM_UP = Pattern.compile(
            "(系统|平台)?(能|可以|倒是?|还能|还可以)[^,.;!?]{0,2}(登录|登陆|登得入|登得进|进去|进入|进|打开|用)|其他(功能|都)[^,.;!?]{0,4}(正常|能用|可以)");
    private static final Pattern CANNOT_WORK = Pattern.compile(
            "登不|登录不|登陆不|无法登|没法登|不能登|登录[^,.;!?]{0,2}失败|进不|入不(了|到|去)|打不开|connection refused|拒绝连接|无法访问|访问不了|用不了|不能用|没法用|无法使用|"
                    + "开不(了|出|到)|没开出|(一张|一单|一笔)[^,.;!?]{0,6}都(没|开不|出不)|都(没法|无法|不能)开|"
                    + "都报|都(弹|是这个|白屏|空白|转圈|卡死|连不上)|宕机|瘫|停摆|崩溃|全挂|挂了|(?<![a-z])(50[234])(?![0-9])|bad gateway");
    /** Parts whose failure the guidelines keep below I even hospital-wide. */
    private static final Pattern LOWER_PART = Pattern.compile(
            "报表|统计|对账|签名|验签|签章|证书|ukey|短信|推送|微信|支付宝|库存|没票|号段|票号|领用|存档|归档|pdf|ofd|打印|慢|卡顿");

    private LevelOneGuard() {
    }

    /** {@code normalised} with denied outages already removed ("系统没宕机，但是……"). */
    static boolean wholeHospitalCannotWork(String normalised, Scope scope) {
        return !scope.limited() && EVERYONE.matcher(normalised).find() && CANNOT_WORK.matcher(normalised).find()
                && !LOWER_PART.matcher(normalised).find() && !SYSTEM_UP.matcher(normalised).find();
    }
}
