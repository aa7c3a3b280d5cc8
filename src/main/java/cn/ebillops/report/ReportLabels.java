package cn.ebillops.report;

import cn.ebillops.ebill.EbillService;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where the names checks use for their figures become the plain Chinese a hospital
 * reads in a report: "getEBillStatesByBillInfo 响应ms" → "票据状态查询响应时间（毫秒）". Checks keep
 * their names (stored results, chat and trends compare them); only the Word report translates.
 */
final class ReportLabels {

    /** Longest first, so that a name never replaces part of a longer one. */
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        Arrays.stream(EbillService.values()).sorted(Comparator.comparingInt((EbillService s) -> s.serviceName().length()).reversed())
                .forEach(s -> {
                    WORDS.put(s.serviceName() + " 响应ms", s.label() + "响应时间（毫秒）");
                    WORDS.put(s.serviceName() + " 结果码", s.label() + "结果码");
                    WORDS.put(s.serviceName(), s.label());
                });
        WORDS.put("签名耗时ms", "签名耗时（毫秒）");
        WORDS.put("本地验签耗时ms", "本地验签耗时（毫秒）");
        WORDS.put("连接耗时ms", "连接耗时（毫秒）");
        WORDS.put("签名长度字节", "签名长度（字节）");
        WORDS.put("(ms)", "（毫秒）");
        WORDS.put("(%)", "（%）");
        WORDS.put("(小时)", "（小时）");
    }

    private ReportLabels() {
    }

    /** {@code text} with every API or check name replaced by its label. */
    static String plain(String text) {
        String out = text;
        for (var e : WORDS.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The raw names a report must not show (for tests and reviews). */
    static java.util.Set<String> rawNames() {
        return Arrays.stream(EbillService.values()).map(EbillService::serviceName).collect(java.util.stream.Collectors.toSet());
    }
}
