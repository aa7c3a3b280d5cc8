package cn.ebillops.inspection.chat;

import cn.ebillops.inspection.InspectionScope;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Scope from /inspect arguments ("db", "数据库") or from a natural request ("帮忙看看备份"). */
final class ScopeWords {

    private static final Map<String, InspectionScope> WORDS = new LinkedHashMap<>();

    static {
        for (String w : new String[]{"数据库", "表空间"}) {
            WORDS.put(w, InspectionScope.DB);
        }
        WORDS.put("备份", InspectionScope.BACKUP);
        WORDS.put("磁盘", InspectionScope.DISK);
        WORDS.put("硬盘", InspectionScope.DISK);
        WORDS.put("日志", InspectionScope.LOGS);
        for (String w : new String[]{"签名", "验签", "证书", "认证服务器"}) {
            WORDS.put(w, InspectionScope.SIGNING);
        }
        WORDS.put("页面", InspectionScope.PAGES);
        WORDS.put("后台", InspectionScope.PAGES);
        WORDS.put("接口", InspectionScope.EBILL);
        WORDS.put("票据平台", InspectionScope.EBILL);
    }

    private ScopeWords() {
    }

    /** Scopes named in free text; empty means a full inspection. */
    static Set<InspectionScope> fromText(String text) {
        Set<InspectionScope> out = EnumSet.noneOf(InspectionScope.class);
        WORDS.forEach((w, s) -> {
            if (text.contains(w)) {
                out.add(s);
            }
        });
        return out;
    }

    /** One /inspect argument: "db", "logs", "all" or a Chinese word; empty when unknown. */
    static Optional<InspectionScope> fromArg(String arg) {
        String a = arg.trim().toLowerCase(Locale.ROOT);
        if (a.equals("log")) {
            a = "logs";
        }
        Optional<InspectionScope> s = InspectionScope.parse(a);
        if (s.isPresent()) {
            return s;
        }
        Set<InspectionScope> words = fromText(arg);
        return words.size() == 1 ? Optional.of(words.iterator().next()) : Optional.empty();
    }
}
