package org.szmark.imports;

/**
 * Cells the registry writes into CSV files people open in spreadsheets (the error report): a cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read as a formula there (CSV
 * injection, OWASP), so it gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
 */
final class CsvCells {
    private CsvCells() {}

    static String neutral(String cell) {
        if (cell == null || cell.isEmpty()) return cell;
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\uFF1D' || c == '\uFF0B'
                || c == '\uFF0D' || c == '\uFF20' ? "'" + cell : cell;
    }
}
