package cn.ebillops.word;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Opens the report template ({@code word/report-template.docx} on the class path), which holds what a
 * vendor may change in Word without touching code: styles, page, header and footer. The header's
 * placeholders ${医院}, ${报告名称} and ${报告编号} are replaced; the template's body (a note for the
 * editor) is removed.
 */
final class WordTemplate {

    static final String RESOURCE = "/word/report-template.docx";

    private WordTemplate() {
    }

    static XWPFDocument open(Word.ReportHeader header) {
        XWPFDocument doc;
        try (InputStream in = WordTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("report template missing from the class path: " + RESOURCE);
            }
            doc = new XWPFDocument(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = doc.getBodyElements().size() - 1; i >= 0; i--) {
            doc.removeBodyElement(i);
        }
        Map<String, String> values = Map.of("${医院}", header.hospital(), "${报告名称}", header.title(),
                "${报告编号}", header.reportNumber());
        for (XWPFHeader h : doc.getHeaderList()) {
            h.getParagraphs().forEach(p -> replace(p, values));
        }
        return doc;
    }

    /**
     * Replaces placeholders run by run; Word may split a placeholder the vendor typed over several
     * runs, and then the paragraph's text is put into its first run (its formatting wins).
     */
    private static void replace(XWPFParagraph p, Map<String, String> values) {
        List<XWPFRun> runs = p.getRuns();
        boolean whole = false;
        for (XWPFRun r : runs) {
            String t = r.getText(0);
            if (t == null) {
                continue;
            }
            String replaced = apply(t, values);
            if (!replaced.equals(t)) {
                r.setText(replaced, 0);
            }
            whole |= replaced.contains("${");
        }
        if (whole && !runs.isEmpty() && runs.stream().noneMatch(r -> r.getCTR().sizeOfTabArray() > 0)) {
            String text = apply(p.getText(), values);
            runs.get(0).setText(text, 0);
            for (int i = runs.size() - 1; i > 0; i--) {
                p.removeRun(i);
            }
        }
    }

    private static String apply(String s, Map<String, String> values) {
        for (var e : values.entrySet()) {
            s = s.replace(e.getKey(), e.getValue() == null ? "" : e.getValue());
        }
        return s;
    }
}
