package cn.ebillops.report;

import static cn.ebillops.word.Word.heading;

import cn.ebillops.config.BotConfig;
import cn.ebillops.incident.ReportPeriod;
import cn.ebillops.incident.stats.IncidentStatisticsDocx;
import cn.ebillops.incident.stats.IncidentStatisticsService;
import cn.ebillops.word.Word;
import java.time.Clock;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;

/**
 * The annual operations report (contract 一.20, for the service meeting): the year's fault statistics
 * and the availability of each month, as the same section, charts and page layout as the quarterly
 * inspection report, numbered NB-2026.
 */
@Component
class AnnualReportWriter {

    static final String TITLE = "电子票据管理系统及签名验签服务器年度运维报告";

    private final BotConfig config;
    private final IncidentStatisticsService statistics;
    private final Clock clock;

    AnnualReportWriter(BotConfig config, IncidentStatisticsService statistics, Clock clock) {
        this.config = config;
        this.statistics = statistics;
        this.clock = clock;
    }

    static String reportNumber(int year) {
        return "NB-" + year;
    }

    byte[] write(int year) {
        ReportPeriod period = ReportPeriod.year(year, clock.getZone());
        return Word.document(new Word.ReportHeader(config.hospital().name(), TITLE, reportNumber(year)), doc -> {
            cover(doc, period, year);
            heading(doc, "一、故障处理与系统正常运转时间（合同一.17–18、二.3–4）", 1);
            new IncidentStatisticsDocx(clock.getZone()).write(doc, statistics.statistics(period),
                    statistics.monthlyAvailability(period));
            Word.seal(doc, blank(config.hospital().vendor()));
        });
    }

    private void cover(XWPFDocument doc, ReportPeriod period, int year) {
        Word.cover(doc, config.hospital().name(), TITLE, new String[][] {
                {"医院", config.hospital().name()},
                {"报告期间", "%d 年（%s 至 %s）".formatted(year, period.firstDay(), period.endExclusive().minusDays(1))},
                {"合同服务期", blank(config.hospital().contractPeriod())},
                {"运维服务单位", blank(config.hospital().vendor())},
                {"报告编号", reportNumber(year)},
        });
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
