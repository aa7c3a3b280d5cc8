package cn.ebillops.assistant.nlu;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many are affected, read from scope words. A contrast clause ("其他窗口都正常") marks the
 * rest as working, so its 都 must not count as "everyone": the clause is removed before broad
 * words are looked for, and the message counts as limited to one place.
 */
record Scope(boolean broad, boolean single, boolean wholeHospital) {

    // "其他窗口都正常", "别人的都好的", "其余病人都可以", "别的窗口没问题", "其他人都能登录"
    private static final Pattern CONTRAST = Pattern.compile(
            "(其他|其它|别的|别人|其余|另外|旁边|隔壁)[^,.;!?]{0,12}?(都|均|全)?(是)?(正常|没问题|没事|可以|能|好的|好着|ok|能用|没有问题|不受影响)");
    /** "别的功能正常": another feature works, which says nothing about how many people are hit. */
    private static final Pattern FEATURE_CONTRAST = Pattern.compile(
            "(其他|其它|别的|其余|另外)[^,.;!?]{0,4}(功能|模块|业务|服务|都)?[^,.;!?]{0,2}(功能|模块|业务)");
    /** "不是整个系统的问题", "并非所有窗口": a broad word that is denied. */
    private static final Pattern DENIED_BROAD = Pattern.compile(
            "(?<!是)(不是|并非|并不是|没有|不)(全院|全部|所有|整个|大家|都|全)");
    /** "张医生的证书", "我的ukey": one person's own account, key or certificate. */
    private static final Pattern ONES_OWN = Pattern.compile(
            "(医生|护士|主任|老师|同事|收费员|操作员|大夫|我|他|她)的(证书|ukey|u盾|key|账号|帐号|密码|电脑)");
    /** "一张票都开不了", "没有一个人进得去": not even one; its 一张/一个 does not limit the fault to one. */
    private static final Pattern NOT_EVEN_ONE = Pattern.compile(
            "一[张个台位笔份条名单][^,.;!?]{0,6}(都|也)[^,.;!?]{0,2}(不|没)|没有?一[个位名台]人?");
    /** "没有一个人进得去", "一个人都登不上": nobody, i.e. everyone is hit. */
    private static final Pattern NOBODY = Pattern.compile("没有?一个人|一个人(都|也)(不|没|进不|登不|用不|开不)|没有人|没人|无人");
    private static final Pattern CONTENT_ALL = Pattern.compile("(字|文字|内容|金额|数字|格式|项目|明细|信息)(都|全|全部|全都)");

    private static final Pattern PEER = Pattern.compile(
            "窗口|电脑|人|病人|患者|收费员|科室|同事|机器|用户|工位|台|终端|账号|票|家|处|病区");
    private static final Pattern BROAD = Pattern.compile(
            "全院|全部|所有|全都|整个|大家|谁都|都|各个|每个|每一|批量|全体|一律|全员|无一|任何|全(停|挂|断|瘫|崩|没)");
    private static final Pattern SINGLE = Pattern.compile(
            "一个|一张|一台|一位|一笔|一份|一条|一名|一单|有个|有张|有位|有台|有条|有笔|有一|某个|某张|某位|某台|某一|某些|个别|单个|单张|"
                    + "\\d+\\s*号(窗|机|收费|工位|台)|[一二三四五六七八九十]号窗|我这台|我这里|我这边|我电脑|我的电脑|这台电脑|我这个|就我|只有我|我一个|"
                    + "这个病人|这位|这张|这笔|有人说|有病人|有患者|单子|(这个|那个|那位|该)(病人|患者|家属|收费员|用户|同事|医生|护士)|"
                    + "某某|(先生|女士|阿姨|大爷|大妈|老人家)的");
    private static final Pattern WHOLE_HOSPITAL = Pattern.compile(
            "全院|整个医院|全医院|整家医院|所有人|谁都|大家都|全体|全员|(收费员|同事|医生|护士|用户|老师|科室)们(都|全)|(哪个|哪一个|任何)(窗口|科室|电脑|人|病区|收费员|终端)都|(所有|全部|每个|各个?).{0,4}(窗口|科室|用户|电脑|收费员|工作站|终端|机器|人员|病区)|"
                    // "门诊、住院、体检都……": several departments named together
                    + "(门诊|住院|急诊|体检)[^,.;!?]{0,3}[、和及与跟][^,.;!?]{0,3}(门诊|住院|急诊|体检)[^,.;!?]{0,8}都");

    static Scope of(String t) {
        boolean contrast = CONTRAST.matcher(t).find();
        String rest = contrast ? CONTRAST.matcher(t).replaceAll(",") : t;
        rest = DENIED_BROAD.matcher(rest).replaceAll(",");
        rest = NOT_EVEN_ONE.matcher(rest).replaceAll(",");
        boolean otherPlaceWorks = contrast && !FEATURE_CONTRAST.matcher(t).find() && namesAPeer(t);
        boolean single = otherPlaceWorks || SINGLE.matcher(rest).find() || ONES_OWN.matcher(rest).find();
        // "字全部错位了": the broad word spreads over the printed content, not over people or places
        rest = CONTENT_ALL.matcher(rest).replaceAll(",");
        boolean nobody = NOBODY.matcher(t).find();
        // "2号窗口的打印机……字都打到格子外面": with one place named, a bare 都 spreads over things, not people.
        boolean broad = nobody || (single ? strongBroad(rest) : BROAD.matcher(rest).find());
        return new Scope(broad, single, nobody || WHOLE_HOSPITAL.matcher(rest).find());
    }

    /** A broad word other than a bare 都, which also spreads over things ("字都打到格子外面"); "们都" stays broad. */
    private static boolean strongBroad(String t) {
        Matcher m = BROAD.matcher(t);
        while (m.find()) {
            if (!m.group().equals("都") || (m.start() > 0 && t.charAt(m.start() - 1) == '们')) {
                return true;
            }
        }
        return false;
    }

    /** "其他窗口都正常" names a peer (window, person, computer); a bare "其他正常" says nothing about how many are hit. */
    private static boolean namesAPeer(String t) {
        Matcher m = CONTRAST.matcher(t);
        while (m.find()) {
            if (PEER.matcher(m.group()).find()) {
                return true;
            }
        }
        return false;
    }

    /** Limited to one user, window, bill or patient and not said to be everyone. */
    boolean limited() {
        return single && !broad;
    }
}
