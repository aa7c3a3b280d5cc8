package cn.ebillops.incident.chat;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.incident.IncidentException;
import cn.ebillops.incident.IncidentTexts;
import cn.ebillops.incident.ReportPeriod;
import cn.ebillops.incident.stats.IncidentStatisticsService;
import cn.ebillops.schedule.AnnualReportLink;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** /stats [2026Q4|2026|2026-11]: fault statistics, default the current quarter; a year links its annual report. */
@Component
@ChatCommand(value = SlashCommand.STATS, usage = "/stats [2026Q4|2026|2026-11]",
        help = "故障统计（按级别、范围、响应与解决用时、超时、可用率、签名验签服务器故障分析），默认本季度")
class StatsCommand extends IncidentCommand {

    private final IncidentStatisticsService statistics;
    private final IncidentTexts texts;
    private final Clock clock;
    private final AnnualReportLink annualReport;

    StatsCommand(IncidentStatisticsService statistics, IncidentTexts texts, Clock clock, AnnualReportLink annualReport) {
        this.statistics = statistics;
        this.texts = texts;
        this.clock = clock;
        this.annualReport = annualReport;
    }

    @Override
    String run(CommandContext context, NumberedArgs args) {
        String a = context.args().strip();
        ReportPeriod period = a.isEmpty() ? ReportPeriod.currentQuarter(clock)
                : ReportPeriod.parse(a, clock.getZone()).orElseThrow(() -> new IncidentException(
                        texts.text("incident.stats.badPeriod", "value", a)));
        String text = statistics.text(statistics.statistics(period));
        if (!period.isYear()) {
            return text;
        }
        int year = period.firstDay().getYear();
        return text + texts.text("incident.stats.annualReport", "year", year, "url", annualReport.annualReport(year));
    }
}
