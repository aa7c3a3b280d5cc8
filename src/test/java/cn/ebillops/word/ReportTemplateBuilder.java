package cn.ebillops.word;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabTlc;

/**
 * Builds {@code src/main/resources/word/report-template.docx}, the one file that defines how every
 * report looks: styles (正文 宋体, 标题 1–3 黑体 with outline levels so they show in Word's navigation
 * pane, 目录 1–2), the A4 page, the header with placeholders and the footer with PAGE/NUMPAGES.
 * The vendor may edit that file in Word instead; this builder only recreates the shipped version:
 * {@code mvn -q -o test-compile exec:java} is not configured, so run it from the IDE or
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) cn.ebillops.word.ReportTemplateBuilder}.
 */
public final class ReportTemplateBuilder {

    static final Path OUT = Path.of("src/main/resources/word/report-template.docx");

    public static void main(String[] args) throws Exception {
        Files.createDirectories(OUT.getParent());
        Files.write(OUT, build());
        System.out.println("wrote " + OUT.toAbsolutePath());
    }

    static byte[] build() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            styles(doc);
            CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
            var size = sect.addNewPgSz();
            size.setW(BigInteger.valueOf(Word.PAGE_WIDTH));
            size.setH(BigInteger.valueOf(Word.PAGE_HEIGHT));
            var mar = sect.addNewPgMar();
            mar.setTop(BigInteger.valueOf(1440));
            mar.setBottom(BigInteger.valueOf(1440));
            mar.setLeft(BigInteger.valueOf(Word.MARGIN_SIDE));
            mar.setRight(BigInteger.valueOf(Word.MARGIN_SIDE));
            mar.setHeader(BigInteger.valueOf(720));
            mar.setFooter(BigInteger.valueOf(720));
            headerAndFooter(doc);
            XWPFParagraph note = doc.createParagraph();
            note.createRun().setText("报告模板：可在 Word 中修改样式（正文、标题 1–3、目录 1–2）、页眉与页脚；"
                    + "页眉中的 ${医院}、${报告名称}、${报告编号} 会被替换。正文由助手生成，此段会被删除。");
            doc.write(out);
        }
        return withFontTable(out.toByteArray());
    }

    private static void styles(XWPFDocument doc) throws Exception {
        var ct = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles.Factory.newInstance();
        CTRPr rpr = ct.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        fonts(rpr.addNewRFonts(), Word.BODY_FONT);
        rpr.addNewSz().setVal(BigInteger.valueOf(Word.BODY_SIZE * 2L));
        rpr.addNewLang().setEastAsia("zh-CN");
        for (CTStyle s : new CTStyle[]{
                style("Normal", "Normal", null, Word.BODY_FONT, 0, -1, false),
                style("Title", "Title", "Normal", Word.HEADING_FONT, 44, -1, true),
                style("Heading1", "heading 1", "Normal", Word.HEADING_FONT, 32, 0, true),
                style("Heading2", "heading 2", "Normal", Word.HEADING_FONT, 28, 1, true),
                style("Heading3", "heading 3", "Normal", Word.HEADING_FONT, 24, 2, true),
                style("TOCHeading", "TOC Heading", "Normal", Word.HEADING_FONT, 32, -1, true),
                toc("TOC1", "toc 1", 0),
                toc("TOC2", "toc 2", 420),
                style("Header", "header", "Normal", Word.BODY_FONT, 18, -1, false),
                style("Footer", "footer", "Normal", Word.BODY_FONT, 18, -1, false)}) {
            ct.addNewStyle().set(s);
        }
        XWPFStyles styles = doc.createStyles();
        styles.setStyles(ct);
    }

    /** Theme-independent fonts: every range named, no asciiTheme/eastAsiaTheme (the theme would win in Word). */
    private static void fonts(CTFonts f, String name) {
        f.setAscii(name);
        f.setHAnsi(name);
        f.setEastAsia(name);
        f.setCs(name);
    }

    private static CTStyle style(String id, String name, String basedOn, String font, int halfPoints, int outline,
                                 boolean heading) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        if (basedOn != null) {
            s.addNewBasedOn().setVal(basedOn);
            s.addNewNext().setVal("Normal");
        } else {
            s.addNewQFormat();
        }
        if (heading) {
            s.addNewQFormat();
            var ppr = s.addNewPPr();
            ppr.addNewKeepNext();
            var sp = ppr.addNewSpacing();
            sp.setBefore(BigInteger.valueOf(halfPoints >= 32 ? 360 : 240));
            sp.setAfter(BigInteger.valueOf(160));
            if (outline >= 0) {
                ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
            }
            if ("Title".equals(id) || "TOCHeading".equals(id)) {
                ppr.addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc.CENTER);
            }
        } else if ("Normal".equals(id)) {
            s.addNewPPr().addNewSpacing().setAfter(BigInteger.valueOf(60));
        }
        CTRPr rpr = s.addNewRPr();
        fonts(rpr.addNewRFonts(), font);
        if (heading) {
            rpr.addNewB();
            if (!"Title".equals(id)) {
                rpr.addNewColor().setVal(Word.HEADING_COLOR);
            }
        }
        if (halfPoints > 0) {
            rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        }
        return s;
    }

    /** A table-of-contents level: right tab with dot leader at the text width for the page number. */
    private static CTStyle toc(String id, String name, int indent) {
        CTStyle s = style(id, name, "Normal", Word.BODY_FONT, 0, -1, false);
        var ppr = s.isSetPPr() ? s.getPPr() : s.addNewPPr();
        var tab = ppr.addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setLeader(STTabTlc.DOT);
        tab.setPos(BigInteger.valueOf(Word.TEXT_WIDTH - 10));
        ppr.addNewSpacing().setAfter(BigInteger.valueOf(80));
        if (indent > 0) {
            ppr.addNewInd().setLeft(BigInteger.valueOf(indent));
        }
        return s;
    }

    private static void headerAndFooter(XWPFDocument doc) {
        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph h = header.createParagraph();
        h.setStyle("Header");
        h.setAlignment(ParagraphAlignment.BOTH);
        h.setBorderBottom(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
        h.getCTPPr().addNewTabs().addNewTab().setVal(STTabJc.RIGHT);
        h.getCTPPr().getTabs().getTabArray(0).setPos(BigInteger.valueOf(Word.TEXT_WIDTH));
        h.createRun().setText("${医院}　${报告名称}");
        h.createRun().addTab();
        h.createRun().setText("报告编号：${报告编号}");
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph f = footer.createParagraph();
        f.setStyle("Footer");
        f.setAlignment(ParagraphAlignment.CENTER);
        f.createRun().setText("第 ");
        Word.field(f, "PAGE", "1");
        f.createRun().setText(" 页 共 ");
        Word.field(f, "NUMPAGES", "1");
        f.createRun().setText(" 页");
        if (h.getCTPPr().getPBdr() != null) {
            h.getCTPPr().getPBdr().getBottom().setVal(STBorder.SINGLE);
        }
    }

    /**
     * Word's fallback when a font is missing: the font table's alternate name and GB2312 charset
     * let Word substitute another Chinese font of the same kind instead of a Latin one.
     */
    private static byte[] withFontTable(byte[] docx) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new java.io.ByteArrayInputStream(docx))) {
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart part = pkg.createPart(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
            try (OutputStream os = part.getOutputStream()) {
                os.write(FONT_TABLE.getBytes(StandardCharsets.UTF_8));
            }
            PackagePart document = pkg.getPartsByName(java.util.regex.Pattern.compile("/word/document.xml")).get(0);
            document.addRelationship(name, TargetMode.INTERNAL,
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pkg.save(out);
            return out.toByteArray();
        }
    }

    private static final String FONT_TABLE = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:font w:name="SimSun"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/>\
            <w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
              <w:font w:name="SimHei"><w:altName w:val="黑体"/><w:panose1 w:val="02010609060101010101"/>\
            <w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
            </w:fonts>
            """;
}
