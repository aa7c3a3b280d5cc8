package cn.ebillops.duty;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A year's calendar as bot-config/holidays/YYYY.yaml, in the shipped files' layout (so an imported file reads
 * and diffs like a hand-written one). Names come from the notice's item headings (Chinese characters and
 * "、" only, see {@link HolidayNoticeParser}), so they need no quoting.
 */
final class HolidayYaml {

    private HolidayYaml() {
    }

    static String render(HolidayNotice notice, String importedBy, LocalDate on) {
        StringBuilder y = new StringBuilder();
        y.append("# %d 年法定节假日安排（国务院办公厅通知）。每年一个文件，文件名即年份。\n".formatted(notice.year()));
        y.append("# off: 放假日期（from 至 to，含首尾）；work: 调休上班日期（周末上班）。\n");
        y.append("# 所有日期必须在本年份内；修改后重启助手生效，格式错误会在启动时报出文件、键和允许的值。\n");
        y.append("# aliases: 口语叫法（“五一”“十一”），用于“五一值班表”“国庆节谁值班”这类问题。\n");
        y.append("# 由管理员 %s 于 %s 用 /holidays import 从通知原文导入。\n".formatted(importedBy, on));
        y.append("year: ").append(notice.year()).append('\n');
        y.append("source: ").append(notice.title()).append('\n');
        y.append("holidays:\n");
        for (Holiday h : notice.holidays()) {
            y.append("  - name: ").append(h.name()).append('\n');
            if (!h.aliases().isEmpty()) {
                y.append("    aliases: [").append(String.join(", ", h.aliases())).append("]\n");
            }
            y.append("    from: ").append(h.firstDay()).append('\n');
            y.append("    to: ").append(h.lastDay()).append('\n');
            if (!h.makeUpWorkdays().isEmpty()) {
                y.append("    work: [").append(join(h.makeUpWorkdays())).append("]\n");
            }
        }
        return y.toString();
    }

    private static String join(List<LocalDate> dates) {
        return dates.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
    }
}
