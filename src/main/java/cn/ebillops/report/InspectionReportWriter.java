package cn.ebillops.report;

import static cn.ebillops.word.Word.BODY_SIZE;
import static cn.ebillops.word.Word.MUTED_COLOR;
import static cn.ebillops.word.Word.cell;
import static cn.ebillops.word.Word.header;
import static cn.ebillops.word.Word.heading;
import static cn.ebillops.word.Word.table;
import static cn.ebillops.word.Word.text;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.contract.ContractItems;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionProperties;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.RunComparison;
import cn.ebillops.word.Word;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;

/**
 * The inspection report the hospital signs (.docx, Chinese): cover and table of contents, summary of
 * every contract item (一.2–16 and 二.3) with its status, details (problems first), improvement
 * suggestions with priority, owner and deadline (item 10), the change since the previous inspection
 * with the usage trend charts, the quarter's statistics (full inspections) and the seal area.
 */
@Component
class InspectionReportWriter {

    /** Inspections shown in the usage trend charts, this one included. */
    static final int TREND_RUNS = 6;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final Map<CheckStatus, String> COLORS = new EnumMap<>(Map.of(CheckStatus.OK, "2E7D32",
            CheckStatus.WARN, "E65100", CheckStatus.FAIL, "C62828", CheckStatus.ERROR, MUTED_COLOR));

    /** Triggers that name the person who asked: chat ("manual:") and the language model's tool ("llm:"). */
    private static final List<String> PERSON_TRIGGERS = List.of("manual:", "llm:");

    private final BotConfig config;
    private final InspectionProperties properties;
    private final Clock clock;
    private final ReportExtras extras;
    private final RunHistory history;

    public InspectionReportWriter(BotConfig config, InspectionProperties properties, Clock clock, ReportExtras extras,
                                  RunHistory history) {
        this.config = config;
        this.properties = properties;
        this.clock = clock;
        this.extras = extras;
        this.history = history;
    }

    /** The full inspection report; a full (ALL) inspection also carries the quarter's fault statistics. */
    public byte[] write(InspectionRun run, Optional<InspectionRun> previous) {
        String title = "电子票据管理系统及签名验签服务器运维巡检报告";
        return Word.document(pageHeader(run, title), doc -> {
            cover(doc, run, title);
            summary(doc, run);
            InspectionDetails.write(doc, run);
            suggestions(doc, run, previous);
            changes(doc, run, previous);
            List<InspectionRun> trend = new java.util.ArrayList<>(history.before(run, TREND_RUNS - 1));
            java.util.Collections.reverse(trend);
            trend.add(run);
            UsageTrendCharts.write(doc, trend, clock.getZone());
            if (run.scopes().contains(InspectionScope.ALL)) {
                extras.faultStatistics(doc, run.startedAt(),
                        () -> heading(doc, "六、故障处理与系统正常运转时间（合同一.17–18、二.3–4）", 1));
            }
            Word.seal(doc, blank(config.hospital().vendor()));
        });
    }

    /** The improvement-suggestion report of contract item 10, based on one inspection. */
    public byte[] writeImprovement(InspectionRun run, Optional<InspectionRun> previous) {
        String title = "电子票据管理系统运维改进建议报告";
        return Word.document(pageHeader(run, title), doc -> {
            cover(doc, run, title);
            suggestions(doc, run, previous);
            changes(doc, run, previous);
            Word.seal(doc, blank(config.hospital().vendor()));
        });
    }

    /** The report number on the cover and in every page header, e.g. XJ-2026Q4-0012. */
    String reportNumber(InspectionRun run) {
        LocalDate day = run.startedAt().atZone(clock.getZone()).toLocalDate();
        return "XJ-%dQ%d-%04d".formatted(day.getYear(), (day.getMonthValue() - 1) / 3 + 1, run.id());
    }

    private Word.ReportHeader pageHeader(InspectionRun run, String title) {
        return new Word.ReportHeader(config.hospital().name(), title, reportNumber(run));
    }

    // ---------------------------------------------------------------- sections

    private void cover(XWPFDocument doc, InspectionRun run, String documentTitle) {
        ZonedDateTime at = run.startedAt().atZone(clock.getZone());
        Word.cover(doc, config.hospital().name(), documentTitle, new String[][] {
                {"医院", config.hospital().name()},
                {"巡检周期", quarter(at.toLocalDate())},
                {"合同服务期", blank(config.hospital().contractPeriod())},
                {"巡检时间", TIME.format(at) + " 至 " + TIME.format(run.finishedAt().atZone(clock.getZone()))},
                {"巡检范围", run.scopes().stream().map(InspectionScope::label).sorted().collect(Collectors.joining("、"))},
                {"巡检工程师", engineer(run.trigger())},
                {"运维服务单位", blank(config.hospital().vendor())},
                {"报告编号", reportNumber(run)},
        });
    }

    private void summary(XWPFDocument doc, InspectionRun run) {
        heading(doc, "一、巡检结论", 1);
        Map<CheckStatus, Long> counts = new EnumMap<>(CheckStatus.class);
        run.results().forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        XWPFParagraph p = doc.createParagraph();
        text(p, "本次共执行 %d 项检查：".formatted(run.results().size()), false, BODY_SIZE, null);
        for (CheckStatus s : CheckStatus.values()) {
            text(p, "%s %d 项　".formatted(s.label(), counts.getOrDefault(s, 0L)), true, BODY_SIZE, COLORS.get(s));
        }
        XWPFParagraph p2 = doc.createParagraph();
        text(p2, "总体结论：", false, BODY_SIZE, null);
        text(p2, run.results().isEmpty() ? "未配置检查项" : run.overall().label(), true, BODY_SIZE, COLORS.get(run.overall()));

        heading(doc, "二、巡检项目汇总（对应服务合同）", 1);
        XWPFTable t = table(doc, ContractItems.ITEMS.size() + 1, 10, 45, 12, 33);
        header(t.getRow(0), "序号", "服务内容", "结果", "说明");
        int i = 1;
        for (var item : ContractItems.ITEMS.entrySet()) {
            XWPFTableRow row = t.getRow(i++);
            cell(row.getCell(0), ContractItems.label(item.getKey()), false, null, null);
            cell(row.getCell(1), item.getValue(), false, null, null);
            List<CheckResult> rs = run.results().stream().filter(r -> r.contractItems().contains(item.getKey())).toList();
            if (item.getKey() == 10) {
                cell(row.getCell(2), "已提交", true, COLORS.get(CheckStatus.OK), null);
                cell(row.getCell(3), "见第四部分改进建议", false, null, null);
            } else if (rs.isEmpty()) {
                cell(row.getCell(2), "未检查", true, MUTED_COLOR, null);
                cell(row.getCell(3), "本次巡检范围未包含或未配置该项检查", false, null, null);
            } else {
                CheckStatus worst = rs.stream().map(CheckResult::status).max(Comparator.naturalOrder()).orElseThrow();
                cell(row.getCell(2), worst.label(), true, COLORS.get(worst), null);
                long bad = rs.stream().filter(r -> r.status().isProblem()).count();
                cell(row.getCell(3), bad == 0 ? "%d 项检查均正常".formatted(rs.size())
                        : "%d 项检查，%d 项有问题（见明细）".formatted(rs.size(), bad), false, null, null);
            }
        }
    }

    private void suggestions(XWPFDocument doc, InspectionRun run, Optional<InspectionRun> previous) {
        ImprovementSection.write(doc, run, previous, engineer(run.trigger()),
                run.startedAt().atZone(clock.getZone()).toLocalDate(), extras);
    }

    private void changes(XWPFDocument doc, InspectionRun run, Optional<InspectionRun> previous) {
        heading(doc, "五、与上次巡检对比及趋势", 1);
        heading(doc, "（一）与上次巡检对比", 2);
        RunComparison cmp = RunComparison.of(run, previous);
        if (!cmp.hasPrevious()) {
            text(doc.createParagraph(), "这是该范围的首次巡检，没有可对比的上次记录。", false, BODY_SIZE, null);
            return;
        }
        InspectionRun p = previous.orElseThrow();
        text(doc.createParagraph(), "上次巡检：第 %d 次，%s。变差 %d 项，好转 %d 项。".formatted(p.id(),
                TIME.format(p.startedAt().atZone(clock.getZone())), cmp.worse().size(), cmp.better().size()),
                false, BODY_SIZE, null);
        XWPFTable t = table(doc, cmp.changes().size() + 1, 36, 12, 12, 40);
        header(t.getRow(0), "检查项", "上次", "本次", "变化");
        int i = 1;
        for (RunComparison.Change c : cmp.changes()) {
            XWPFTableRow row = t.getRow(i++);
            cell(row.getCell(0), c.name().equals(c.target()) ? c.name() : c.name() + "（" + c.target() + "）", false, null, null);
            cell(row.getCell(1), c.before() == null ? "—" : c.before().label(), false,
                    c.before() == null ? null : COLORS.get(c.before()), null);
            cell(row.getCell(2), c.after() == null ? "—" : c.after().label(), true,
                    c.after() == null ? null : COLORS.get(c.after()), null);
            String what = c.before() == null ? "新增检查" : c.after() == null ? "本次未检查"
                    : c.worse() ? "变差" : c.better() ? "好转" : "不变";
            cell(row.getCell(3), ReportLabels.plain(c.note().isEmpty() ? what : what + "；" + c.note()), false, null, null);
        }
    }

    // ---------------------------------------------------------------- helpers

    private String engineer(String trigger) {
        Optional<String> userId = PERSON_TRIGGERS.stream().filter(prefix -> trigger != null && trigger.startsWith(prefix))
                .map(prefix -> trigger.substring(prefix.length())).findFirst();
        if (userId.isPresent()) {
            Optional<Person> p = config.findPerson(userId.get());
            if (p.isPresent() && p.get().role().isEngineer()) {
                return p.get().name();
            }
        }
        if (!properties.engineer().isBlank()) {
            return properties.engineer();
        }
        return config.people().stream().filter(x -> x.role().isEngineer()).map(Person::name).findFirst().orElse("—");
    }

    static String quarter(LocalDate d) {
        int q = (d.getMonthValue() - 1) / 3 + 1;
        LocalDate from = LocalDate.of(d.getYear(), (q - 1) * 3 + 1, 1);
        LocalDate to = from.plusMonths(3).minusDays(1);
        return "%d 年第 %d 季度（%s 至 %s）".formatted(d.getYear(), q, from, to);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
