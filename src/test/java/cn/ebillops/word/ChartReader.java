package cn.ebillops.word;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xwpf.usermodel.XWPFChart;

/** Reads back what a native Word chart shows (title, series names, category=value points) for assertions. */
public final class ChartReader {

    private ChartReader() {
    }

    public static String title(XWPFChart chart) {
        var rich = chart.getCTChart().getTitle().getTx().getRich();
        StringBuilder sb = new StringBuilder();
        for (var p : rich.getPArray()) {
            for (var r : p.getRArray()) {
                sb.append(r.getT());
            }
        }
        return sb.toString();
    }

    public static List<String> seriesNames(XWPFChart chart) {
        List<String> out = new ArrayList<>();
        var found = chart.getCTChart().getPlotArea().selectPath(
                "declare namespace c='http://schemas.openxmlformats.org/drawingml/2006/chart' .//c:ser/c:tx//c:v");
        for (var v : found) {
            out.add(((org.apache.xmlbeans.SimpleValue) v).getStringValue());
        }
        return out;
    }

    /** "category=value" per point of series {@code index} (across the chart's data groups). */
    public static List<String> points(XWPFChart chart, int index) {
        XDDFChartData.Series s = chart.getChartSeries().get(0).getSeries(index);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.getCategoryData().getPointCount(); i++) {
            out.add(s.getCategoryData().getPointAt(i) + "=" + s.getValuesData().getPointAt(i));
        }
        return out;
    }
}
