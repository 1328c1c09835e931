package org.szmark.registry;

import java.util.List;

/** Small server-rendered bar charts: no scripts, no external assets, readable by screen readers. */
public final class SvgCharts {
    private SvgCharts() {}

    public record Bar(String label, long value, String colour) {}

    /** Horizontal bars, one row per item, with the value written at the end of each bar. */
    public static String horizontal(String title, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        int labelWidth = 220;
        int barWidth = 320;
        int row = 24;
        int height = Math.max(row, bars.size() * row) + 4;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(labelWidth + barWidth + 60).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Badges.escape(title)).append("\" class=\"chart\"><title>")
                .append(Badges.escape(title)).append("</title>");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * row + 2;
            long w = Math.round((double) b.value() / max * barWidth);
            s.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#1b1f24\">")
                    .append(Badges.escape(b.label())).append("</text>");
            s.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
                    .append("\" height=\"16\" fill=\"").append(b.colour()).append("\"/>");
            s.append("<text x=\"").append(labelWidth + w + 6).append("\" y=\"").append(y + 16)
                    .append("\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#1b1f24\">").append(b.value()).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** Vertical bars over time (months), labels under the bars. */
    public static String columns(String title, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        int col = 44;
        int chart = 160;
        int width = Math.max(col, bars.size() * col);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(chart + 40)
                .append("\" role=\"img\" aria-label=\"").append(Badges.escape(title)).append("\" class=\"chart\"><title>")
                .append(Badges.escape(title)).append("</title>");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            long h = Math.round((double) b.value() / max * (chart - 20));
            int x = i * col + 6;
            s.append("<rect x=\"").append(x).append("\" y=\"").append(chart - h).append("\" width=\"").append(col - 12)
                    .append("\" height=\"").append(h).append("\" fill=\"").append(b.colour()).append("\"/>");
            s.append("<text x=\"").append(x + (col - 12) / 2).append("\" y=\"").append(chart - h - 4)
                    .append("\" text-anchor=\"middle\" font-size=\"11\" font-family=\"sans-serif\">").append(b.value()).append("</text>");
            s.append("<text x=\"").append(x + (col - 12) / 2).append("\" y=\"").append(chart + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"10\" font-family=\"sans-serif\">").append(Badges.escape(b.label())).append("</text>");
        }
        return s.append("</svg>").toString();
    }
}
