package org.szmark.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import file in CSV (RFC 4180: comma separated, cells with commas, quotes or line breaks in double
 * quotes). The bytes are UTF-8, with or without a byte order mark, unless the request says otherwise
 * ({@code charset}); a file that is not UTF-8 but reads as GB18030, what Excel writes for "CSV" on a Chinese
 * Windows, is read as GB18030 and the report says so.
 */
final class CsvReader {
    private CsvReader() {}

    static final Charset GB18030 = Charset.forName("GB18030");

    /** The text of a CSV file and the encoding it was read in. */
    record Decoded(String text, String encoding, String warning) {}

    static Decoded decode(byte[] bytes, String declared) {
        // ISO-8859-1 was HTTP/1.1's default for text (RFC 2616 §3.7.1), and some clients still add it to any text
        // type: it says nothing about the file, whose encoding is then recognised as if none were given.
        if (declared != null && Set.of("ISO-8859-1", "LATIN1", "US-ASCII").contains(declared.strip().toUpperCase(Locale.ROOT))) {
            declared = null;
        }
        if (declared != null) {
            Charset cs = switch (declared.strip().toUpperCase(Locale.ROOT)) {
                case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
                // GB18030 contains GBK and GB2312: a file in either reads the same as GB18030.
                case "GB18030", "GBK", "GB2312", "CP936" -> GB18030;
                default -> throw new ImportRefused("import-encoding", "The charset " + declaredName(declared)
                        + " is not read; send UTF-8 (or GB18030)");
            };
            String text = strict(bytes, cs);
            if (text == null) {
                Charset other = cs == GB18030 ? StandardCharsets.UTF_8 : GB18030;
                throw new ImportRefused("import-encoding", "The file is not valid " + cs.name() + " as the request says"
                        + (strict(bytes, other) != null ? "; it reads as " + other.name() + ": send charset=" + other.name() : "")
                        + "; nothing was imported");
            }
            return new Decoded(stripBom(text), cs.name(), null);
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new ImportRefused("import-encoding", "The file is UTF-16 (it starts with a UTF-16 byte order mark); save it as "
                    + "CSV UTF-8 and send it again; nothing was imported");
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) return new Decoded(stripBom(utf8), "UTF-8", null);
        String gb = strict(bytes, GB18030);
        if (gb != null) {
            return new Decoded(stripBom(gb), "GB18030", "The file is not UTF-8; it was read as GB18030 (GBK), as Excel saves CSV "
                    + "on Chinese Windows. Check the names in the report; send charset=GB18030 to say so, or save as CSV UTF-8");
        }
        throw new ImportRefused("import-encoding", "The file is neither UTF-8 nor GB18030 text; save it as CSV UTF-8 and send it "
                + "again; nothing was imported");
    }

    static void read(String text, RowCollector rows) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrim(false).get();
        int number = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                number = (int) record.getRecordNumber();
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                if (!rows.hasHeader()) {
                    boolean blank = cells.stream().allMatch(c -> c == null || c.isBlank());
                    if (!blank) rows.header(cells);
                } else {
                    rows.row(number, cells, List.of());
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV says what it could not read; the row is what a person needs to fix it.
            throw new ImportRefused("import-format", "The file is not well-formed CSV at row " + (number + 1)
                    + " (a quote inside a cell that is not quoted, or a quoted cell that is never closed); nothing was imported");
        }
        if (!rows.hasHeader()) {
            throw new ImportRefused("import-columns", "The file is empty: it has no header row; nothing was imported");
        }
    }

    /** The bytes as text if every one of them is valid in {@code cs}, else null. */
    static String strict(byte[] bytes, Charset cs) {
        try {
            CharBuffer chars = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String declaredName(String declared) {
        return declared.length() <= 40 && declared.chars().allMatch(c -> c > ' ' && c < 127) ? "'" + declared + "'" : "given";
    }
}
