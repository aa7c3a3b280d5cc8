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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * The Word (Apache POI) plumbing every .docx the assistant writes shares, so that all of them look
 * alike and none loses the Chinese font: an A4 page, runs in {@link #FONT} (also for the east-Asian
 * range, which is what Word and LibreOffice use for Chinese characters), headings, and tables whose
 * columns have fixed widths.
 */
public final class Word {

    /** Installed with the application's fonts; the east-Asian range needs it named, or Chinese falls back. */
    public static final String FONT = "Noto Sans CJK SC";
    public static final String HEADING_COLOR = "1F3864";
    public static final String MUTED_COLOR = "616161";
    public static final int BODY_SIZE = 11;
    public static final int CELL_SIZE = 10;

    private static final long PAGE_WIDTH = 11906;
    private static final long PAGE_HEIGHT = 16838;
    private static final long MARGIN_SIDE = 1300;
    private static final long MARGIN_TOP_BOTTOM = 1440;
    /** A4 width minus both side margins, in twips. */
    private static final long TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE;

    private Word() {
    }

    /** A new A4 document filled by {@code body}, as bytes. */
    public static byte[] document(Consumer<XWPFDocument> body) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageSetup(doc);
            body.accept(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends a run in the document's font; {@code color} as RGB hex ("C62828") or null. */
    public static XWPFRun text(XWPFParagraph p, String s, boolean bold, int size, String color) {
        XWPFRun r = p.createRun();
        r.setText(s);
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily(FONT);
        r.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
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

    /** A heading, kept on the page of what follows it. */
    public static XWPFParagraph heading(XWPFDocument doc, String s, int size) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(size >= 14 ? 360 : 240);
        p.setSpacingAfter(160);
        keepNext(p);
        text(p, s, true, size, HEADING_COLOR);
        return p;
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

    private static void pageSetup(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(MARGIN_TOP_BOTTOM));
        mar.setBottom(BigInteger.valueOf(MARGIN_TOP_BOTTOM));
        mar.setLeft(BigInteger.valueOf(MARGIN_SIDE));
        mar.setRight(BigInteger.valueOf(MARGIN_SIDE));
    }
}
