package org.szmark.registry;

import java.nio.charset.StandardCharsets;
import org.szmark.certificate.CertificateStatus;

/** The live status badge: "深圳标准 Shenzhen Standard" and the status in words and a colour per status. */
public final class Badges {
    private Badges() {}

    public static String colour(CertificateStatus s) {
        if (s == null) return "#59636e";
        return switch (s) {
            case VALID -> "#1e7e34";
            case SUSPENDED -> "#b35c00";
            case REVOKED -> "#b42318";
            case CANCELLED, EXPIRED -> "#59636e";
        };
    }

    public static String words(CertificateStatus s) {
        if (s == null) return "未找到 not found";
        return switch (s) {
            case VALID -> "有效 valid";
            case SUSPENDED -> "暂停 suspended";
            case REVOKED -> "撤销 revoked";
            case CANCELLED -> "注销 cancelled";
            case EXPIRED -> "过期 expired";
        };
    }

    /** {@code status} null draws the "not found" badge. Widths are fixed so no font metrics are needed. */
    public static byte[] svg(CertificateStatus status, String number) {
        String label = "深圳标准 Shenzhen Standard";
        String value = words(status);
        int left = 196;
        int right = status == null ? 100 : 110;
        int width = left + right;
        String title = label + ": " + value + (number == null ? "" : " (" + number + ")");
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"22\" role=\"img\" aria-label=\""
                + escape(title) + "\"><title>" + escape(title) + "</title>"
                + "<rect width=\"" + left + "\" height=\"22\" rx=\"3\" fill=\"#0a5cad\"/>"
                + "<rect x=\"" + (left - 4) + "\" width=\"" + (right + 4) + "\" height=\"22\" rx=\"3\" fill=\"" + colour(status) + "\"/>"
                + "<g fill=\"#fff\" font-family=\"sans-serif\" font-size=\"12\">"
                + "<text x=\"8\" y=\"15\">◆ " + escape(label) + "</text>"
                + "<text x=\"" + (left + right / 2) + "\" y=\"15\" text-anchor=\"middle\" font-weight=\"bold\">" + escape(value) + "</text>"
                + "</g></svg>";
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
