package org.szmark.registry;

import java.util.List;

/**
 * Bar charts written as HTML lists: each bar is a box whose width is its share of the largest value, and its
 * label and value are text at the page's own size, so a chart reads the same on a 390-pixel phone as on a
 * desktop (an SVG scaled to the screen shrank its text to a few pixels). No scripts, no external assets; a
 * screen reader reads the list.
 */
public final class BarCharts {
    private BarCharts() {}

    public record Bar(String label, long value, String colour) {}

    public static String render(String title, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        StringBuilder s = new StringBuilder("<ol class=\"bars\" aria-label=\"").append(Badges.escape(title)).append("\">");
        for (Bar b : bars) {
            // Whole tenths of a percent; a non-zero value keeps a sliver so it is seen.
            double share = b.value() == 0 ? 0 : Math.max(0.5, 100.0 * b.value() / max);
            s.append("<li><span class=\"bar-label\">").append(Badges.escape(b.label())).append("</span>")
                    .append("<span class=\"bar-track\"><span class=\"bar\" style=\"width:")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", share)).append("%;background:")
                    .append(Badges.escape(b.colour())).append("\"></span></span>")
                    .append("<span class=\"bar-value\">").append(b.value()).append("</span></li>");
        }
        return s.append("</ol>").toString();
    }
}
