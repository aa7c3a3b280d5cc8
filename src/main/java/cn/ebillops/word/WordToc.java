package cn.ebillops.word;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * The table of contents as Word writes it: a TOC field over the headings 1–2 whose result already
 * holds one entry per heading with a PAGEREF to a bookmark on it. Word updates the field on open
 * (settings: updateFields); LibreOffice, which does not, still shows the entries, and computes the
 * page numbers of the PAGEREF cross-references itself.
 */
final class WordToc {

    static final String MARKER = "ebillops-toc";
    static final String INSTRUCTION = "TOC \\o \"1-2\" \\h \\z \\u";

    private WordToc() {
    }

    /** The heading "目　录", a marker paragraph the entries replace, then a page break. */
    static void place(XWPFDocument doc) {
        XWPFParagraph title = doc.createParagraph();
        title.setStyle("TOCHeading");
        title.createRun().setText("目　录");
        XWPFParagraph marker = doc.createParagraph();
        marker.createRun().setText(MARKER);
        doc.createParagraph().setPageBreak(true);
    }

    static void fill(XWPFDocument doc) {
        XWPFParagraph marker = doc.getParagraphs().stream().filter(p -> MARKER.equals(p.getText())).findFirst().orElse(null);
        if (marker == null) {
            return;
        }
        List<XWPFParagraph> headings = new ArrayList<>();
        boolean after = false;
        for (IBodyElement e : doc.getBodyElements()) {
            if (e == marker) {
                after = true;
            } else if (after && e instanceof XWPFParagraph p && level(p) > 0) {
                headings.add(p);
            }
        }
        List<XWPFParagraph> entries = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            XWPFParagraph h = headings.get(i);
            String bookmark = "_Toc%08d".formatted(i + 1);
            bookmark(h, bookmark, i + 1);
            XmlCursor at = marker.getCTP().newCursor();
            XWPFParagraph entry = doc.insertNewParagraph(at);
            at.close();
            entry.setStyle("TOC" + level(h));
            if (i == 0) {
                begin(entry);
            }
            entry.createRun().setText(h.getText());
            entry.createRun().addTab();
            Word.field(entry, "PAGEREF " + bookmark + " \\h", "");
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            XmlCursor at = marker.getCTP().newCursor();
            XWPFParagraph entry = doc.insertNewParagraph(at);
            at.close();
            begin(entry);
            entries.add(entry);
        }
        entries.get(entries.size() - 1).createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        doc.removeBodyElement(doc.getPosOfParagraph(marker));
        doc.enforceUpdateFields();
    }

    private static void begin(XWPFParagraph entry) {
        entry.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = entry.createRun();
        instr.getCTR().addNewInstrText().setStringValue(" " + INSTRUCTION + " ");
        entry.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
    }

    /** 1 or 2 for the heading styles the table lists, 0 otherwise. */
    static int level(XWPFParagraph p) {
        String style = p.getStyle();
        return "Heading1".equals(style) ? 1 : "Heading2".equals(style) ? 2 : 0;
    }

    private static void bookmark(XWPFParagraph p, String name, int id) {
        // a point bookmark after the text: PAGEREF needs only its page
        var start = p.getCTP().addNewBookmarkStart();
        start.setName(name);
        start.setId(BigInteger.valueOf(id));
        p.getCTP().addNewBookmarkEnd().setId(BigInteger.valueOf(id));
    }
}
