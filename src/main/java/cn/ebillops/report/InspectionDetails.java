package cn.ebillops.report;

import static cn.ebillops.word.Word.BODY_SIZE;
import static cn.ebillops.word.Word.cell;
import static cn.ebillops.word.Word.header;
import static cn.ebillops.word.Word.heading;
import static cn.ebillops.word.Word.keepNext;
import static cn.ebillops.word.Word.table;
import static cn.ebillops.word.Word.text;

import cn.ebillops.contract.ContractItems;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionRun;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Section 三 of the inspection report: every check with its figures and evidence, problems first
 * (worst first), then the normal items, each under a heading 3 so Word's navigation pane lists it.
 */
final class InspectionDetails {

    /** Failures first, then warnings, then what could not be checked. */
    static final List<CheckStatus> PROBLEM_ORDER = List.of(CheckStatus.FAIL, CheckStatus.WARN, CheckStatus.ERROR);

    private InspectionDetails() {
    }

    static void write(XWPFDocument doc, InspectionRun run) {
        heading(doc, "三、检查明细", 1);
        List<CheckResult> problems = run.results().stream().filter(r -> r.status().isProblem())
                .sorted(Comparator.comparingInt(r -> PROBLEM_ORDER.indexOf(r.status()))).toList();
        List<CheckResult> normal = run.results().stream().filter(r -> !r.status().isProblem()).toList();
        int n = 1;
        heading(doc, "（一）发现问题的项目（%d 项）".formatted(problems.size()), 2);
        if (problems.isEmpty()) {
            text(doc.createParagraph(), "本次巡检未发现问题。", false, BODY_SIZE, null);
        }
        for (CheckResult r : problems) {
            check(doc, n++, r);
        }
        heading(doc, "（二）正常项目（%d 项）".formatted(normal.size()), 2);
        for (CheckResult r : normal) {
            check(doc, n++, r);
        }
    }

    private static void check(XWPFDocument doc, int n, CheckResult r) {
        XWPFParagraph h = heading(doc, n + ". " + (r.name().equals(r.target()) ? r.name() : r.name() + "（" + r.target() + "）"), 3);
        text(h, "　【" + r.status().label() + "】", true, 12, InspectionReportWriter.COLORS.get(r.status()));
        XWPFParagraph meta = doc.createParagraph();
        keepNext(meta);
        text(meta, "合同条款：%s　耗时：%d 毫秒".formatted(r.contractItems().stream().map(ContractItems::label)
                .collect(Collectors.joining("、")), r.elapsed().toMillis()), false, 9, "595959");
        if (!r.figures().isEmpty()) {
            XWPFTable t = table(doc, r.figures().size() + 1, 60, 40);
            header(t.getRow(0), "指标", "数值");
            int i = 1;
            for (var f : r.figures().entrySet()) {
                cell(t.getRow(i).getCell(0), ReportLabels.plain(f.getKey()), false, null, null);
                cell(t.getRow(i++).getCell(1), f.getValue(), false, null, null);
            }
        }
        if (!r.evidence().isBlank()) {
            XWPFParagraph e = doc.createParagraph();
            e.setSpacingBefore(80);
            text(e, "检查记录：", true, 10, null);
            for (String line : r.evidence().lines().toList()) {
                XWPFParagraph l = doc.createParagraph();
                l.setIndentationLeft(360);
                text(l, "· " + ReportLabels.plain(line), false, 10, null);
            }
        }
        if (r.status().isProblem() && !r.suggestion().isBlank()) {
            XWPFParagraph s = doc.createParagraph();
            text(s, "处理建议：", true, 10, r.status() == CheckStatus.ERROR ? null : InspectionReportWriter.COLORS.get(r.status()));
            text(s, ReportLabels.plain(r.suggestion()), false, 10, null);
        }
    }
}
