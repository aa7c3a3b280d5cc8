package cn.ebillops.word;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * Native Word charts (DrawingML charts with their data in an embedded workbook, so the hospital can
 * open "编辑数据" in Word), written with Apache POI's XDDF. Values are written as the chart's cache
 * too, which is what LibreOffice and Word draw before anyone edits the data.
 */
public final class WordCharts {

    /** One line or one colour of bars; a null value is a gap (not measured). */
    public record Series(String name, List<Double> values) {
    }

    /** Blue, red, green, orange, purple: told apart in print and by most colour-blind readers. */
    private static final String[] PALETTE = {"1F77B4", "D62728", "2CA02C", "FF7F0E", "9467BD"};
    private static final int WIDTH_CM = 15;
    private static final int HEIGHT_CM = 7;

    private WordCharts() {
    }

    /** Columns per category, one colour per series. */
    public static XWPFChart bar(XWPFDocument doc, String title, List<String> categories, List<Series> series) {
        return chart(doc, title, categories, series, ChartTypes.BAR, 0.0, null);
    }

    /** Lines over the categories (dates, months), the value axis from {@code min} to {@code max} when given. */
    public static XWPFChart line(XWPFDocument doc, String title, List<String> categories, List<Series> series,
                                 Double min, Double max) {
        return chart(doc, title, categories, series, ChartTypes.LINE, min, max);
    }

    private static byte[] rgb(String hex) {
        return new byte[]{(byte) Integer.parseInt(hex.substring(0, 2), 16), (byte) Integer.parseInt(hex.substring(2, 4), 16),
                (byte) Integer.parseInt(hex.substring(4, 6), 16)};
    }

    private static XWPFChart chart(XWPFDocument doc, String title, List<String> categories, List<Series> series,
                                   ChartTypes type, Double min, Double max) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFChart chart;
        try {
            chart = doc.createChart(p.createRun(), Units.toEMU(WIDTH_CM * 28.3465), Units.toEMU(HEIGHT_CM * 28.3465));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | IOException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        // the default title (18 pt) wraps a Chinese title over two lines at this width
        var titleFont = chart.getTitle().getBody().getParagraph(0).addDefaultRunProperties();
        titleFont.setFontSize(12.0);
        titleFont.setBold(true);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        if (min != null) {
            y.setMinimum(min);
        }
        if (max != null) {
            y.setMaximum(max);
        }
        int n = categories.size();
        XDDFCategoryDataSource cats = XDDFDataSourcesFactory.fromArray(categories.toArray(String[]::new),
                chart.formatRange(new CellRangeAddress(1, Math.max(1, n), 0, 0)), 0);
        XDDFChartData data = chart.createData(type, x, y);
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromArray(one.values().toArray(Double[]::new),
                    chart.formatRange(new CellRangeAddress(1, Math.max(1, n), s + 1, s + 1)), s + 1);
            XDDFChartData.Series added = data.addSeries(cats, vals);
            added.setTitle(one.name(), chart.setSheetTitle(one.name(), s + 1));
            var fill = new org.apache.poi.xddf.usermodel.XDDFSolidFillProperties(
                    org.apache.poi.xddf.usermodel.XDDFColor.from(rgb(PALETTE[s % PALETTE.length])));
            if (added instanceof XDDFLineChartData.Series line) {
                // without explicit line properties LibreOffice draws the markers only
                var stroke = new org.apache.poi.xddf.usermodel.XDDFLineProperties(fill);
                stroke.setWidth(2.0);
                line.setLineProperties(stroke);
                line.setMarkerStyle(MarkerStyle.CIRCLE);
                line.setSmooth(false);
            } else {
                added.setFillProperties(fill);
            }
        }
        if (data instanceof XDDFBarChartData bar) {
            bar.setBarDirection(BarDirection.COL);
            bar.setVaryColors(false);
        }
        chart.plot(data);
        // a run without the figure is a gap in the line, not a zero
        var blanks = chart.getCTChart().isSetDispBlanksAs() ? chart.getCTChart().getDispBlanksAs()
                : chart.getCTChart().addNewDispBlanksAs();
        blanks.setVal(org.openxmlformats.schemas.drawingml.x2006.chart.STDispBlanksAs.GAP);
        if (series.size() > 1) {
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
        return chart;
    }
}
