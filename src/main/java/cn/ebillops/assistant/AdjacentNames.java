package cn.ebillops.assistant;

import java.util.regex.Pattern;

/**
 * Masks a 2–4 character Chinese name written right before or after an already masked phone or
 * ID number ("王小明 138****5678", "138****5678，王小明", "王小明电话138****5678"), with at most a
 * space, colon or comma between them. People write a patient's name next to the number without
 * any label, so the name is recognised by its place and by starting with a common surname
 * ({@link Surnames}): "值班电话 138…" stays readable, "王小明电话 138…" does not. Sentence punctuation (。！？；
 * or a line break) is never crossed, and words that start the rest of a sentence (的、没、说、开票…)
 * are left alone to keep the message readable.
 */
final class AdjacentNames {

    /** The forms {@link PiiMasker} leaves: ID 440102***********4, mobile 138****5678, landline 0753-****23. */
    private static final String MASKED = "(?<![0-9A-Za-z*])(?:[1-9]\\d{5}\\*{11}[0-9Xx]|1[3-9]\\d\\*{4}\\d{4}|0\\d{2,3}-\\*{4}\\d{2})(?![0-9A-Za-z*])";
    /** Characters that practically never occur in a personal name: they begin the rest of the sentence or a label. */
    private static final String NAME_CHAR = "[\\u4e00-\\u9fa5&&[^的了没未不说是吗呢吧啊也都还已要想请问给在与及等收到我你他她您们这那么什怎为被把从向对电话号码手机证件身份]]";
    private static final String SEPARATOR = "[ \\t]?[:：,，、]?[ \\t]?";
    private static final String LABEL = "的?(?:联系电话|电话号码|手机号码|身份证号码|证件号码|电话|手机号|手机|号码|身份证号|身份证|证件号)?是?";

    // a name starts with a surname: the regex then finds "王小明" in "收费处王小明电话…", not "处王小明"
    private static final Pattern BEFORE = Pattern.compile(
            "(" + Surnames.PATTERN + NAME_CHAR + "{1,3}?)(" + LABEL + SEPARATOR + ")(?=" + MASKED + ")");
    private static final Pattern AFTER = Pattern.compile(
            "(" + MASKED + ")(" + SEPARATOR + ")(" + Surnames.PATTERN + NAME_CHAR + "{1,3})");

    /** Labels and roles standing where a name could ("病人电话138…", "患者本人：138…"). */
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?:病人|患者|家属|本人|联系人|联系方式|姓名|名字|电话|手机|号码|身份证|证件|号|座机|固话|客户|用户|职工|收费员|医生|护士|窗口|门诊|住院|挂号|开票|票据|发票)+");
    /** Words that begin the rest of a sentence after a number ("440102…开票失败"). */
    private static final Pattern SENTENCE_GOES_ON = Pattern.compile(
            "^(?:开票|开具|票据|发票|缴费|交费|收费|挂号|退费|退款|冲红|打印|补打|短信|查询|无法|一直|已经|重新|住院|门诊|报销|推送|登录|登陆|电话|手机|身份证|病人|患者|家属|今天|昨天|刚才|现在|为什么|什么).*");

    private AdjacentNames() {
    }

    static String mask(String text) {
        if (text.indexOf('*') < 0) {
            return text; // no masked number, nothing to stand next to
        }
        String t = PiiMasker.replace(AFTER, text, m -> SENTENCE_GOES_ON.matcher(m.group(3)).matches()
                ? m.group() : m.group(1) + m.group(2) + hide(m.group(3)));
        return PiiMasker.replace(BEFORE, t, m -> NOT_A_NAME.matcher(m.group(1)).matches()
                ? m.group() : hide(m.group(1)) + m.group(2));
    }

    /** The surname stays, as for labelled names: enough for the engineer to tell two patients apart. */
    private static String hide(String name) {
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }
}
