package cn.ebillops.report;

import static cn.ebillops.word.Word.BODY_SIZE;
import static cn.ebillops.word.Word.MUTED_COLOR;
import static cn.ebillops.word.Word.cell;
import static cn.ebillops.word.Word.header;
import static cn.ebillops.word.Word.heading;
import static cn.ebillops.word.Word.table;
import static cn.ebillops.word.Word.text;

import cn.ebillops.inspection.ImprovementAdvisor;
import cn.ebillops.inspection.ImprovementAdvisor.Priority;
import cn.ebillops.inspection.ImprovementAdvisor.Suggestion;
import cn.ebillops.inspection.InspectionRun;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Section 四 (contract item 10): each suggestion with its priority, who acts on it and by when, so the
 * hospital can follow it up at the next inspection. A high priority is due in a week, a medium one
 * within the month, a low one by the next quarterly inspection.
 */
final class ImprovementSection {

    static final Map<Priority, Integer> DAYS = Map.of(Priority.HIGH, 7, Priority.MEDIUM, 30, Priority.LOW, 90);
    private static final Map<Priority, String> COLORS = Map.of(Priority.HIGH, "C62828", Priority.MEDIUM, "E65100",
            Priority.LOW, "2E7D32");

    private ImprovementSection() {
    }

    /** {@code engineer}: who carries the vendor's part; {@code day}: the inspection's date. */
    static void write(XWPFDocument doc, InspectionRun run, Optional<InspectionRun> previous, String engineer,
                      LocalDate day, ReportExtras extras) {
        heading(doc, "四、改进建议（合同第 10 项）", 1);
        List<Suggestion> suggestions = ImprovementAdvisor.suggestions(run, previous);
        XWPFTable t = table(doc, suggestions.size() + 1, 6, 52, 8, 18, 16);
        header(t.getRow(0), "序号", "建议", "优先级", "责任人", "完成期限");
        int i = 1;
        for (Suggestion s : suggestions) {
            XWPFTableRow row = t.getRow(i);
            cell(row.getCell(0), String.valueOf(i++), false, null, null);
            cell(row.getCell(1), ReportLabels.plain(s.text()), false, null, null);
            cell(row.getCell(2), s.priority().label(), true, COLORS.get(s.priority()), null);
            cell(row.getCell(3), owner(s, engineer), false, null, null);
            cell(row.getCell(4), day.plusDays(DAYS.get(s.priority())).toString(), false, null, null);
        }
        // The rule-based list above stays authoritative; a model's wording is an addition, marked as such.
        extras.polishedAdvice(run.id(), suggestions.stream().map(Suggestion::text).toList()).ifPresent(polished -> {
            for (String line : polished.split("\n")) {
                if (!line.isBlank()) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setIndentationLeft(200);
                    text(p, line.strip(), false, 10, MUTED_COLOR);
                }
            }
        });
        text(doc.createParagraph(), "", false, BODY_SIZE, null);
    }

    static String owner(Suggestion s, String engineer) {
        return s.hospitalHelps() ? engineer + "（医院信息科配合）" : engineer;
    }
}
