package cn.ebillops.assistant.nlu;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cue-word rules for the intents of GUIDELINES.md, checked in a fixed order: a follow-up on a
 * reported problem, thanks only, duty, inspection, status, fault symptom, how-to question. Only
 * messages none of these recognise are left to the embedding neighbours.
 */
final class IntentRules {

    /** A fault symptom: something does not work now. */
    static final Pattern SYMPTOM = Pattern.compile(
            "失败|报错|出错|错误|异常|故障|宕机|挂了|挂掉|挂啦|瘫痪|瘫了|瘫掉|停摆|不通|中断|挂得|下线|离线|掉线|跳闸|掉电|停电|没法(?!子)|没办法(?!子)|等.{0,4}(分钟|秒)|趴了|趴窝|歇菜|挂球|完蛋|黑屏|崩了|崩溃|崩掉|死机|断电|down|"
                    + "(?<!医保|社保|银行|就诊|磁|门)卡(?!片|号|包|券)|慢|迟钝|转圈|乱码|空白|没反应|无响应|超时|被锁|锁了|锁定|过期|失效|"
                    + "ora-?\\d{3,5}|(?<!\\d)5\\d\\d(?!\\d)|(?<!\\d)404(?!\\d)|bad gateway|停了|停止|停机|不一致|积压|堆积|没有?结果|(提示|报|弹出|弹窗)[:：]?[“\"'「]|(但|可是|却)[^,.;!?]{0,12}显示|重复了|两遍|两次|偏了|"
                    + "没有?(识别|响应|反应|显示|出来|生成|同步|上传|打出)|没过来|是空的|坏了|坏掉|不好使|不灵|失灵|错了|搞错|弄错|开错|好久|半天|很久|几分钟|十几秒|无可用|没有可用|用完|不足|没了|不存在|无法|不能|不行|有问题|出问题|对不上|差了|丢失|没生成|没有生成|"
                    + "没收到|没有收到|没推送|没有推送|没传|没有传|没有.{0,4}权限|没权限|没有回退|没回退|没有显示|不显示|"
                    + "[\\p{IsHan}a-z]不(了|上|到|出|通|动|进|对|开|全|准|来|去)");
    /** X不X / X没X questions (通不通, 够不够, 有没有) ask about a state, they report nothing; so does "有没有报错". */
    private static final Pattern A_NOT_A = Pattern.compile(
            "(有没有|是否有|有无)[^,.;!?]{0,8}?(报错|错误|异常|问题|故障|告警)|(\\p{IsHan})[不没]\\3");
    /** "以后开票要是提示签名失败，应该怎么处理": a how-to about a case that may happen, not a fault now. */
    private static final Pattern HYPOTHETICAL = Pattern.compile(
            "以后|今后|下次|下回|将来|万一|如果|要是|假如|假设|再遇到|再出现|到时候|届时|遇到[^,.;!?]{0,12}(时|的时候)");
    private static final Pattern ASKS_HOW = Pattern.compile(
            "(怎么|如何|怎样|咋)(?!回事|了|搞的|又|还|老是|总是|一直)|应急|步骤|流程|排查方法|"
                    + "(第一步|先|一般)[^,.;!?]{0,4}(查|做|看|检查|处理|干)什么");
    /**
     * Not a fault now: about to happen ("号段快用完了"), a past event ("上周出过签名超时"), a thing
     * named by what happened to it ("用完的号段"), a possibility asked about ("会不会卡").
     */
    private static final Pattern ANTICIPATED = Pattern.compile(
            "(快|快要|即将|马上就?要?|就要)(用完|没了|不够|不足|到期|过期|满了|满)|"
                    + "[^,.;!?]*(上周|上次|之前|以前|前几天|上个月|去年)[^,.;!?]{0,6}(出过|出现过|发生过|有过)[^,.;!?]*|"
                    + "(用完|过期|失效|作废|报废|开错|打错|填错|录错)的|会不会[^,.;!?]{0,6}|(还)?没有?(过期|到期|失效)|"
                    + "(能不能|可不可以|能否|可否|是否可以)[^,.;!?]*|(上次|上回|之前|以前|去年|上个月|上周)[^,.;!?]{0,10}那次[^,.;!?]*");
    /** "是冲红重开还是直接换开？": which procedure to use, whatever went wrong before. */
    private static final Pattern PROCEDURE_CHOICE = Pattern.compile(
            "是[^,.;!?]{0,6}(冲红|红冲|重开|换开|补打|补开|作废|退费|重新开)[^,.;!?]{0,6}还是");
    /** "怎么把某个收费员的权限改成只能查询不能开票": asks how to set something; "不能开票" is the wanted state. */
    private static final Pattern HOW_TO_SET = Pattern.compile(
            "^(请问)?(怎么|如何|怎样|咋)(才能)?(把|给|设置|配置|修改|改|添加|新增|开通|取消|分配|关闭|禁用|停用)");
    /** An acknowledgement that says what the speaker did ("收到，报错截图我已转给信息科了"). */
    private static final Pattern PASSED_ON = Pattern.compile(
            "^(收到|好的|好滴|好嘞|谢谢|多谢|感谢|ok|嗯+)[^,.;!?]{0,4}[,.;!?].*((已经?|已|都)(转给|转发|发给|告诉|通知|提交|上传|反馈给|交给)|"
                    + "(跟|和|给|告诉)[^,.;!?]{0,10}(说一声|说一下|讲一下|讲一声|转达)|转告|(马上|这就|立刻|我去|我来)(通知|转告|告诉)|(按|照)[^,.;!?]{0,8}(执行|办|做|操作|处理)$)");
    /** Wishes, thanks and meeting notices ("春节值班的同事辛苦了"): not a question, not a fault. */
    private static final Pattern COURTESY_OR_NOTICE = Pattern.compile(
            "祝[^,.;!?]{0,10}(快乐|顺利|平安|愉快)|(新年|节日|春节|国庆|中秋)快乐|辛苦|感谢|谢谢|多谢|"
                    // meeting and training notices
                    + "(开|召开|举行|组织)[^,.;!?]{0,16}(会|会议|培训|座谈)|请[^,.;!?]{0,8}(参加|参会|出席|报名)|"
                    // announced maintenance
                    + "^(公告|通知|温馨提示)[:：]|停机维护|升级维护|(升级|维护)期间");
    private static final Pattern QUESTION = Pattern.compile("[?]|吗|么|呢|谁|哪|几|多少|怎么|如何|是否|有没有|(\\p{IsHan})不\\1");
    /** "听说隔壁医院的票据系统宕机了": a fault of someone else's system is not a fault here. */
    private static final Pattern OTHER_PARTY = Pattern.compile(
            "[^,.;!?]*(隔壁|别的|其他|其它|外地|兄弟|人家)(医院|单位|院区外)[^,.;!?]*");
    private static final Pattern NOUN_SYMPTOM = Pattern.compile(
            "(报错|错误|故障)(截图|信息|日志|照片|图片|代码|原文)|截图");

    private static final Pattern FOLLOW_UP = Pattern.compile(
            "还是(不|没|报|失败|一样|老样子|那样|卡|慢|有问题)|(按|照|按照)(你|您|你们|工程师)(说|讲|教)的|还是(一直)?((?<!\\d)[45]\\d\\d(?!\\d)|白屏|异常|错误|超时|宕|挂|进不去|打不开|登不上|连不上|收不到)|还是.{1,3}不(了|上|到|出|开|行|通|进|动)|还是.{1,4}(失败|报错)|依旧|依然|仍然|仍旧|问题还在|"
                    + "又(出现|不行|报错|坏)|进度|进展|"
                    + "(?<!建|装|配|设|开通|申请|创建|注册|做|准备|写|填|排|安排)好了(吗|没|么|没有|嘛)|(?<!能|以)(修好|弄好|搞好|解决|处理|恢复|修复|处理完|弄完|修完|搞定)了?(吗|没|么|没有|嘛)|"
                    + "(什么时候|啥时候|多久|几点|多长时间).{0,8}(到(?!期)|好|修|恢复|处理|解决|能用)|(?<!没|无)有结果|(?<!没|无)有消息|"
                    + "处理(得|的)?(怎么样|如何)|怎么样了|到现场|到哪了|(?<!显示|一直|状态|都是)在处理|(?<!显示|一直|状态|都是)处理中|跟进|"
                    + "已经?(恢复|解决|修复|好了|正常)|(?<![不没未])(恢复了|恢复正常|解决了|修复了|修好了|搞定了?|弄好了|正常了)|"
                    + "(?<![不没无])(可以|能)(正常)?(开票|开|登录|登陆|登上|用|打开|签名|使用|推送|打印|进去)了|"
                    + "^(好了|好啦|ok了|可以了)|(?<!建|装|配|设|开通|申请|创建|注册|做|准备|写|填|弄|排|就)(好了|好啦|ok了|可以了)[,.!~]|(?<!建|装|配|设|开通|申请|创建|注册|做|准备|写|填|排|就)(好了|好啦|ok了|可以了)$|"
                    + "(刚才|刚刚|之前|上午|下午|早上|昨天|前面)(报|说|提|反映)的|那个.{0,10}(问题|故障)|没问题了|"
                    + "(刚才|刚刚|之前|上午|早上|昨天)那个[^,.;!?]{0,12}(报错|错误)|(还要|还得|还需要)多久|(你们|你|工程师)说[^,.;!?]{0,12}(会好|就好|能好)");

    private static final Pattern ACK = Pattern.compile(
            "谢谢|多谢|感谢|谢了|谢啦|thx|thanks|thank you|收到|好的|好滴|好嘞|好吧|ok|okay|嗯+|哦+|噢+|知道了|明白|了解|"
                    + "有没有人在|有人在吗|有人吗|辛苦|大家|各位|你好|您好|早上好|上午好|下午好|晚上好|早安|晚安|在吗|在不在|哈+|呵+|嘿+|棒|赞|厉害|"
                    + "了|啦|呀|啊|吧|的|呢|哈|喔|~");
    private static final Pattern TITLE = Pattern.compile("\\p{IsHan}{0,2}(工|老师|师傅|经理|主任|总|哥|姐)?");

    private static final Pattern DUTY = Pattern.compile(
            "(有人|有没有人|有工程师)[^,.;!?]{0,6}(在线|值班|值守|响应|处理)|24 ?小时(有人|在线|值班|响应|服务)|7 ?[*x×] ?24|值班|值守|谁(在|负责|值|管|当班)|(找|联系|打给|问)(谁|哪位|哪个人|哪个工程师)(?!审|签字|申请|批|盖章|领|办)|打谁|哪位工程师|哪个工程师|"
                    + "(假期|节假日|节日|春节|过年|国庆|五一|元旦|中秋|端午|清明|周末|周六|周日|晚上|夜里|夜间).{0,8}(安排|谁|有人)|运维.{0,6}安排");

    private static final Pattern INSPECTION = Pattern.compile(
            "巡检|巡.{1,3}检|体检(?!系统|中心|科|那边|接口|平台|的|报告|人员|客户|病人|票|费|单)|检查|检测|排查一下|自检|健康检查");

    /** "帮我看看签名服务器": a look at a component, an inspection unless it asks for a state. */
    private static final Pattern LOOK_AT = Pattern.compile(
            "(看看|看一下|看下|查一下|查查)(签名|验签|服务器|数据库|系统|接口|备份|磁盘|表空间|证书|平台)");

    private static final Pattern STATUS = Pattern.compile(
            "正常(吗|不|么|没|嘛|否|吧|呢)|是否正常|(是)?(通的|好的|正常的|能用的|在线的)(吗|么|嘛|不)|(ok|好用|能用)(吗|么|嘛|不(?![了到上出]))|状态|(运行|运转)(情况|得)|还好(吧|吗|么)|咋样|怎么样|"
                    + "(现在|目前|当前|今天|这会).{0,10}(能|可以|好用).{0,8}(吗|么|不)|在线(吗|么|不)|还有多久(过期|到期)?|"
                    + "还剩多少|还有多少|够(吗|么|用吗)|(什么时候|何时|哪天|几号)(到期|过期)|有效期|稳定吗|有没有.{0,6}(问题|故障|异常|报错|告警)|"
                    + "有(什么)?(异常|问题|故障|报错|告警)(吗|么|没|嘛)|(使用率|占用率|利用率|负载|容量|剩余空间).{0,4}(多少|几|高吗|怎样)|"
                    + "(?<a>\\p{IsHan})[不没]\\k<a>");
    /** "怎么查看票据有没有推送成功": asks how to check, it does not ask for the state now. */
    private static final Pattern HOW_TO_CHECK = Pattern.compile(
            "^(请问)?(怎么|如何|怎样|在哪里?|在哪儿)(才能)?(查看|查询|看|知道|确认|判断|查)|"
                    + "(在哪里?|在哪儿|哪里|哪个菜单)(可以|能)?(查看|查询|看到|找到|设置|修改)");
    private static final Pattern STATUS_NOT = Pattern.compile(
            "能不能|是不是|可不可|会不会|要不要|用不用|需不需|(流程|步骤|操作|方法|规定|要求|规则)[^,.;!?]{0,3}怎么样|怎么样的");

    private static final Pattern HOW_TO = Pattern.compile(
            "怎么(?!回事|了|搞的|样|又|还|老是|总是|一直)|如何|怎样|咋(弄|办|操作|设置|搞|处理)|在哪|哪里|哪儿|"
                    + "哪个|哪张|哪些|哪一|流程|步骤|是什么|需要.{0,8}(谁|什么|哪)|教我|教一下|请问|可以.{0,12}吗|能否|"
                    + "能不能|要不要|方法|办法|注意什么|有什么要求|什么材料|审批|(能|可以|能否|可否).{0,16}(吗|么|嘛)[?]*$|"
                    // rules and limits: "最多能冲红几次", "有什么区别", "要保存多少年", "有规定尺寸吗"
                    + "几次|多少(年|天|次|张|页|份)|有什么区别|区别是|有[^,.;!?]{0,4}规定|规定[^,.;!?]{0,4}(吗|么)|"
                    + "(是|要|需要|必须|得|应该)[^,.;!?]{0,14}(吗|么|嘛)[?]?$");

    /** Words of the e-bill domain; a message without any is small talk. */
    private static final Pattern DOMAIN = Pattern.compile(
            "票|系统|签|开(票|具|不|出)|his|(?<![a-z])db(?![a-z])|oracle|报表|账|帐|密码|权限|登录|登陆|服务|数据库|接口|巡检|检查|值班|key|u盾|证书|ca|pdf|ofd|短信|推送|"
                    + "微信|支付宝|打印|冲红|红冲|换开|核销|领用|号段|库存|存档|归档|对账|统计|窗口|收费|结算|病人|患者|备份|磁盘|"
                    + "cpu|内存|网络|故障|问题|错|失败|慢|卡|工程师|平台|体检|菜单|页面|网页|电脑|模块|功能|进度|处理|恢复|修");

    private IntentRules() {
    }

    /** The rule's intent, or empty when no cue is found and the embedding neighbours must decide. */
    static Optional<Intent> intentOf(String t) {
        if (NluText.isEmpty(t)) {
            return Optional.of(Intent.OTHER);
        }
        if (FOLLOW_UP.matcher(t).find()) {
            return Optional.of(Intent.INCIDENT_FOLLOWUP);
        }
        if (isAcknowledgementOnly(t)) {
            return Optional.of(Intent.OTHER);
        }
        if (COURTESY_OR_NOTICE.matcher(t).find() && !QUESTION.matcher(t).find() && !hasSymptom(COURTESY_OR_NOTICE.matcher(t).replaceAll(","))) {
            return Optional.of(Intent.OTHER);
        }
        t = OTHER_PARTY.matcher(t).replaceAll(",");
        if (DUTY.matcher(t).find()) {
            return Optional.of(Intent.DUTY_QUERY);
        }
        if ((HYPOTHETICAL.matcher(t).find() && ASKS_HOW.matcher(t).find()) || HOW_TO_SET.matcher(t).find()
                || PROCEDURE_CHOICE.matcher(t).find()) {
            return Optional.of(Intent.CONSULTATION);
        }
        boolean symptom = hasSymptom(t);
        if (INSPECTION.matcher(t).find() && !symptom && !startsHowTo(t)) {
            return Optional.of(Intent.INSPECTION_REQUEST);
        }
        if (HOW_TO_CHECK.matcher(t).find() && !symptom) {
            return Optional.of(Intent.CONSULTATION);
        }
        if (isStatusQuestion(t)) {
            return Optional.of(Intent.STATUS_QUERY);
        }
        if (LOOK_AT.matcher(t).find() && !symptom) {
            return Optional.of(Intent.INSPECTION_REQUEST);
        }
        if (symptom) {
            return Optional.of(Intent.FAULT_REPORT);
        }
        if (HOW_TO.matcher(t).find()) {
            return Optional.of(Intent.CONSULTATION);
        }
        if (!DOMAIN.matcher(t).find()) {
            return Optional.of(Intent.OTHER);
        }
        return Optional.empty();
    }

    static boolean hasSymptom(String t) {
        return SYMPTOM.matcher(A_NOT_A.matcher(ANTICIPATED.matcher(t).replaceAll(",")).replaceAll(",")).find();
    }

    /** A status cue and no fault symptom outside it ("证书还有多久过期" asks; "挂了吗？全部报500" reports). */
    static boolean isStatusQuestion(String t) {
        String u = STATUS_NOT.matcher(t).replaceAll(",");
        if (!STATUS.matcher(u).find()) {
            return false;
        }
        return !hasSymptom(STATUS.matcher(u).replaceAll(","));
    }

    static boolean isAcknowledgementOnly(String t) {
        if (PASSED_ON.matcher(t).find() && !hasSymptom(NOUN_SYMPTOM.matcher(t).replaceAll(","))) {
            return true;
        }
        String bare = NluText.withoutPunctuation(t);
        if (bare.isEmpty() || !ACK.matcher(bare).find() || hasSymptom(bare)) {
            return false;
        }
        String rest = ACK.matcher(bare).replaceAll("");
        return rest.length() <= 3 && TITLE.matcher(rest).matches() && !DOMAIN.matcher(rest).find();
    }

    private static boolean startsHowTo(String t) {
        return t.matches(".*(怎么|如何|怎样).*(检查|巡检|体检).*");
    }
}
