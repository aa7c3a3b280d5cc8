package cn.ebillops.word;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * The Word (Apache POI) plumbing every .docx the assistant writes shares, so that all of them look
 * alike: the page, styles, header and footer come from one template the vendor can edit in Word
 * ({@code word/report-template.docx}, see {@link WordTemplate}); this class adds headings in the
 * template's heading styles (Word's navigation pane and the table of contents list them), body
 * text, fixed-width tables, the table of contents ({@link WordToc}), charts ({@link WordCharts})
 * and the seal/signature area.
 */
public final class Word {

    /** 宋体: on every Chinese Windows; the template's font table names 宋体 as its alternate for Word's fallback. */
    public static final String BODY_FONT = "SimSun";
    /** 黑体, for headings. */
    public static final String HEADING_FONT = "SimHei";
    public static final String HEADING_COLOR = "1F3864";
    public static final String MUTED_COLOR = "616161";
    public static final int BODY_SIZE = 11;
    public static final int CELL_SIZE = 10;

    static final long PAGE_WIDTH = 11906;
    static final long PAGE_HEIGHT = 16838;
    static final long MARGIN_SIDE = 1300;
    /** A4 width minus both side margins, in twips. */
    static final long TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE;

    private Word() {
    }

    /** What the page header shows: hospital, document title and report number (e.g. XJ-2026Q4-0012). */
    public record ReportHeader(String hospital, String title, String reportNumber) {
    }

    /**
     * A new document from the template, filled by {@code body}, as bytes. A table of contents
     * placed with {@link #tableOfContents} gets its entries when the body is complete.
     */
    public static byte[] document(ReportHeader header, Consumer<XWPFDocument> body) {
        try (XWPFDocument doc = WordTemplate.open(header); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            body.accept(doc);
            WordToc.fill(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends a run; {@code color} as RGB hex ("C62828") or null. The font comes from the paragraph's
     * style (template), so a vendor's font change in the template reaches every run.
     */
    public static XWPFRun text(XWPFParagraph p, String s, boolean bold, int size, String color) {
        XWPFRun r = p.createRun();
        r.setText(s);
        r.setBold(bold);
        r.setFontSize(size);
        if (color != null) {
            r.setColor(color);
        }
        return r;
    }

    /** A paragraph of body text. */
    public static XWPFParagraph paragraph(XWPFDocument doc, String s) {
        XWPFParagraph p = doc.createParagraph();
        text(p, s, false, BODY_SIZE, null);
        return p;
    }

    /** A heading of {@code level} 1–3 in the template's "heading N" style. */
    public static XWPFParagraph heading(XWPFDocument doc, String s, int level) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + Math.max(1, Math.min(3, level)));
        p.createRun().setText(s);
        return p;
    }

    /**
     * The cover page every report shares: the hospital and the report's title, a two-column table of what the
     * report covers ({@code rows}: label, value), then a page break and the contents.
     */
    public static void cover(XWPFDocument doc, String hospital, String title, String[][] rows) {
        for (int i = 0; i < 5; i++) {
            doc.createParagraph();
        }
        XWPFParagraph name = doc.createParagraph();
        name.setStyle("Title");
        name.createRun().setText(hospital);
        XWPFParagraph t2 = doc.createParagraph();
        t2.setStyle("Title");
        t2.setSpacingAfter(600);
        text(t2, title, true, 18, null);
        for (int i = 0; i < 4; i++) {
            doc.createParagraph();
        }
        XWPFTable t = table(doc, rows.length, 30, 70);
        for (int i = 0; i < rows.length; i++) {
            cell(t.getRow(i).getCell(0), rows[i][0], true, null, "F2F2F2");
            cell(t.getRow(i).getCell(1), rows[i][1], false, null, null);
        }
        doc.createParagraph().setPageBreak(true);
        tableOfContents(doc);
    }

    /** The table of contents ("目录") at this place; its entries are written when the document is complete. */
    public static void tableOfContents(XWPFDocument doc) {
        WordToc.place(doc);
    }

    /** A complex field ({@code PAGE}, {@code NUMPAGES}, {@code PAGEREF …}) with the text shown until it is updated. */
    public static void field(XWPFParagraph p, String instruction, String shown) {
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        var instr = p.createRun().getCTR().addNewInstrText();
        instr.setStringValue(" " + instruction + " ");
        instr.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        p.createRun().setText(shown);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    /**
     * The seal and signature area at the end of a report a hospital signs: the vendor's seal and
     * engineer's signature on the left, the hospital IT department's confirmation on the right.
     */
    public static XWPFTable seal(XWPFDocument doc, String vendor) {
        XWPFParagraph gap = doc.createParagraph();
        gap.setSpacingBefore(360);
        keepNext(gap);
        XWPFTable t = table(doc, 3, 50, 50);
        String[][] cells = {
                {"服务商（盖章）：" + vendor, "医院信息科确认（盖章）："},
                {"工程师签字：", "信息科负责人签字："},
                {"日期：　　　　年　　月　　日", "日期：　　　　年　　月　　日"},
        };
        for (int r = 0; r < cells.length; r++) {
            XWPFTableRow row = t.getRow(r);
            row.setHeight(r == 0 ? 1700 : 700);
            row.setCantSplitRow(true);
            for (int c = 0; c < 2; c++) {
                cell(row.getCell(c), cells[r][c], r == 0, null, null);
                row.getCell(c).setVerticalAlignment(r == 0 ? XWPFTableCell.XWPFVertAlign.TOP
                        : XWPFTableCell.XWPFVertAlign.CENTER);
            }
        }
        return t;
    }

    /** Keeps a paragraph with the next one (POI needs the paragraph properties to exist first). */
    public static void keepNext(XWPFParagraph p) {
        if (!p.getCTP().isSetPPr()) {
            p.getCTP().addNewPPr();
        }
        p.setKeepNext(true);
    }

    /**
     * A centred table over the text width, each column's width a percentage of it. The widths are
     * written in twips on the grid and on every cell: LibreOffice ignores percentages on cells.
     */
    public static XWPFTable table(XWPFDocument doc, int rows, int... percents) {
        int cols = percents.length;
        XWPFTable t = doc.createTable(rows, cols);
        t.setTableAlignment(TableRowAlign.CENTER);
        var tblPr = t.getCTTbl().getTblPr();
        var w = tblPr.isSetTblW() ? tblPr.getTblW() : tblPr.addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(TEXT_WIDTH));
        (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        CTTblGrid grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        long[] twips = new long[cols];
        for (int c = 0; c < cols; c++) {
            twips[c] = TEXT_WIDTH * percents[c] / 100;
            grid.addNewGridCol().setW(BigInteger.valueOf(twips[c]));
        }
        for (XWPFTableRow row : t.getRows()) {
            for (int c = 0; c < cols; c++) {
                var tc = row.getCell(c).getCTTc();
                var tcPr = tc.isSetTcPr() ? tc.getTcPr() : tc.addNewTcPr();
                var tcW = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
                tcW.setType(STTblWidth.DXA);
                tcW.setW(BigInteger.valueOf(twips[c]));
            }
        }
        return t;
    }

    /** A header row: white bold titles on the heading colour, repeated on every page the table spans. */
    public static void header(XWPFTableRow row, String... titles) {
        row.setRepeatHeader(true);
        for (int i = 0; i < titles.length; i++) {
            cell(row.getCell(i), titles[i], true, "FFFFFF", HEADING_COLOR);
        }
    }

    /** Writes a cell's text; {@code color} and {@code fill} as RGB hex or null. */
    public static void cell(XWPFTableCell cell, String s, boolean bold, String color, String fill) {
        text(cell.getParagraphs().get(0), s, bold, CELL_SIZE, color);
        if (fill != null) {
            cell.setColor(fill);
        }
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
    }
}
