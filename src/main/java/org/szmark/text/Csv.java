package org.szmark.text;

import java.util.List;

/**
 * Writes CSV rows (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or line break quoted
 * with quotes doubled) for spreadsheets. A field a spreadsheet would read as a formula (starting with
 * {@code = + - @}, TAB or CR: OWASP "CSV Injection") is written with a leading apostrophe, so that opening an
 * export never runs what a participant typed into a name.
 */
public final class Csv {
    private Csv() {}

    public static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(',');
            field(out, fields.get(i));
        }
        out.append("\r\n");
    }

    static void field(StringBuilder out, String value) {
        if (value == null) return;
        String v = isFormula(value) ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            out.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
            out.append(v);
        }
    }

    /** Whether a spreadsheet would take the cell for a formula. */
    public static boolean isFormula(String value) {
        if (value.isEmpty()) return false;
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
