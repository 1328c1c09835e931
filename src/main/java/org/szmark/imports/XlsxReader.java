package org.szmark.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX workbook (Office Open XML, ECMA-376) as an import file, cell by cell as its XML
 * streams past, so a sheet is never held whole. Before POI opens anything, the zip's directory is checked: the
 * number of parts, each part's declared size and its ratio of unpacked to packed size, and their total; POI's own
 * guards ({@link ZipSecureFile}) then hold the same limits while it inflates, should a directory lie. The sheet's
 * declared range and its cells are counted against the row limit before their values are read. Formulas are never
 * evaluated: a formula cell gives the value the workbook stored with it, or refuses its row when there is none.
 */
final class XlsxReader {
    private XlsxReader() {}

    /** Parts of a workbook an import needs are about a dozen; a few hundred covers any styles and themes. */
    static final int MAX_PARTS = 500;
    /** Below this a part's ratio is not looked at: small XML parts (styles, empty sheets) pack very well. */
    static final long RATIO_GRACE = 100 * 1024;
    /** Most cells a data row may hold beyond the import's columns before the sheet counts as oversized. */
    static final int CELLS_PER_ROW = 64;

    record Limits(long maxUnpacked, int maxRatio, int maxRows) {}

    /** What reading noticed besides the rows: how many cells held formulas (their stored values were read). */
    record Read(int formulaCells) {}

    static Read read(byte[] bytes, Limits limits, RowCollector rows) {
        checkZip(bytes, limits);
        // POI's guards are process-wide; every import sets the same values from the configuration.
        ZipSecureFile.setMaxEntrySize(limits.maxUnpacked());
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxRatio());
        ZipSecureFile.setMaxFileCount(MAX_PARTS);
        SheetHandler handler;
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) throw new ImportRefused("import-format", "The workbook has no sheet; nothing was imported");
            handler = new SheetHandler(strings, rows, limits);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(handler);
                xml.parse(new InputSource(sheet));
            }
        } catch (ImportRefused e) {
            throw e;
        } catch (Exception e) {
            throw refusal(e);
        }
        if (!rows.hasHeader()) {
            throw new ImportRefused("import-columns", "The workbook's first sheet is empty: it has no header row; nothing was imported");
        }
        return new Read(handler.formulaCells);
    }

    /** The zip directory, as declared, before any part is inflated. */
    static void checkZip(byte[] bytes, Limits limits) {
        long total = 0;
        int parts = 0;
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (++parts > MAX_PARTS) {
                    throw tooLarge("it has more than " + MAX_PARTS + " parts");
                }
                long size = entry.getSize();
                long packed = entry.getCompressedSize();
                if (size < 0 || packed < 0) throw tooLarge("a part does not declare its size");
                if (size > limits.maxUnpacked() || (total += size) > limits.maxUnpacked()) {
                    throw tooLarge("it unpacks to more than " + limits.maxUnpacked() + " bytes (szmark.imports.max-unpacked-size)");
                }
                if (size > RATIO_GRACE && size > packed * (long) limits.maxRatio()) {
                    throw tooLarge("a part unpacks to " + (packed == 0 ? "many" : String.valueOf(size / packed)) + " times its packed size "
                            + "(at most " + limits.maxRatio() + ", szmark.imports.max-compression-ratio): a zip bomb, or not a workbook");
                }
            }
        } catch (ImportRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportRefused("import-format", "The file is not an XLSX workbook (its zip directory cannot be read); "
                    + "nothing was imported");
        }
        if (parts == 0) throw new ImportRefused("import-format", "The file is an empty zip, not an XLSX workbook");
    }

    private static ImportRefused tooLarge(String why) {
        return new ImportRefused("import-too-large", "The workbook is refused before it is read: " + why + "; nothing was imported");
    }

    private static ImportRefused refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImportRefused r) return r;
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("exceeds the max") || m.contains("max file count"))) {
                return tooLarge("a part inflates past the limits its directory declared (a zip bomb)");
            }
        }
        return new ImportRefused("import-format", "The file is not a readable XLSX workbook (an .xls, an encrypted workbook, or "
                + "a damaged one); save it as .xlsx without a password, or as CSV UTF-8; nothing was imported");
    }

    /** Streams the sheet's XML (ECMA-376 Part 1, §18.3): rows of cells, each with its type, value and formula. */
    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final RowCollector rows;
        private final Limits limits;
        private final long maxCells;
        private long cells;
        int formulaCells;

        private int rowNumber;
        private TreeMap<Integer, String> rowCells;
        private List<ImportFile.Problem> rowProblems;
        private int column = -1;
        private String type;
        private boolean formula;
        private boolean inValue;
        private boolean inInlineText;
        private final StringBuilder value = new StringBuilder();
        private boolean hasValue;

        SheetHandler(ReadOnlySharedStringsTable strings, RowCollector rows, Limits limits) {
            this.strings = strings;
            this.rows = rows;
            this.limits = limits;
            this.maxCells = (limits.maxRows() + 1L) * CELLS_PER_ROW;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "dimension" -> checkDimension(attributes.getValue("ref"));
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : parseInt(r, rowNumber + 1);
                    rowCells = new TreeMap<>();
                    rowProblems = new ArrayList<>();
                    column = -1;
                }
                case "c" -> {
                    if (++cells > maxCells) {
                        throw tooLarge("its sheet has more than " + maxCells + " cells");
                    }
                    String r = attributes.getValue("r");
                    column = r == null ? column + 1 : columnOf(r, column + 1);
                    type = attributes.getValue("t");
                    formula = false;
                    hasValue = false;
                    value.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                }
                case "t" -> {
                    if ("inlineStr".equals(type)) {
                        inInlineText = true;
                        hasValue = true;
                    }
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if ((inValue || inInlineText) && value.length() < ImportColumn.MAX_CELL_LENGTH * 4) value.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "c" -> endCell();
                case "row" -> endRow();
                default -> { }
            }
        }

        private void endCell() {
            if (rowCells == null) return;
            String text = hasValue ? value.toString() : null;
            ImportColumn target = rows.hasHeader() ? rows.columnAt(column) : null;
            if (formula) {
                if (text == null) {
                    rowProblems.add(new ImportFile.Problem(target, "import-formula", "cell " + RowCollector.columnLetters(column)
                            + rowNumber + " holds a formula with no stored value; enter the value itself"));
                    return;
                }
                formulaCells++;
            }
            if (text == null) return;
            String cell;
            if (type == null || type.equals("n")) {
                cell = number(text, target);
            } else {
                cell = switch (type) {
                    case "s" -> {
                        int index = parseInt(text, -1);
                        yield index < 0 || index >= strings.getCount() ? null : strings.getItemAt(index).getString();
                    }
                    case "b" -> "1".equals(text) ? "TRUE" : "FALSE";
                    case "e" -> {
                        rowProblems.add(new ImportFile.Problem(target, "import-formula", "cell " + RowCollector.columnLetters(column)
                                + rowNumber + " holds an error value"));
                        yield null;
                    }
                    default -> text; // str (a formula's text), inlineStr, d (an ISO 8601 date)
                };
            }
            if (cell != null) rowCells.put(column, cell);
        }

        /** A number as a spreadsheet shows it; in a date column, the date an Excel serial number stands for. */
        private static String number(String text, ImportColumn target) {
            double d;
            try {
                d = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return text;
            }
            if (target != null && target.isDate() && DateUtil.isValidExcelDate(d)) {
                LocalDate date = DateUtil.getLocalDateTime(d).toLocalDate();
                return date.toString();
            }
            return NumberToTextConverter.toText(d);
        }

        private void endRow() {
            if (rowCells == null) return;
            List<String> list = new ArrayList<>();
            if (!rowCells.isEmpty()) {
                int last = rowCells.lastKey();
                for (int i = 0; i <= last; i++) list.add(rowCells.get(i));
            }
            if (!rows.hasHeader()) {
                if (list.stream().anyMatch(c -> c != null && !c.isBlank())) rows.header(list);
            } else {
                rows.row(rowNumber, list, rowProblems);
            }
            rowCells = null;
        }

        /** {@code <dimension ref="A1:S10001"/>}: a sheet that says it is larger than an import may be is refused unread. */
        private void checkDimension(String ref) {
            if (ref == null || !ref.contains(":")) return;
            String[] ends = ref.split(":", 2);
            int firstRow = rowOf(ends[0]);
            int lastRow = rowOf(ends[1]);
            int firstColumn = columnOf(ends[0], 0);
            int lastColumn = columnOf(ends[1], 0);
            long declared = (long) (lastRow - firstRow + 1) * (lastColumn - firstColumn + 1);
            if (lastRow - firstRow > limits.maxRows() + 1 && declared > maxCells) {
                throw tooLarge("its sheet declares the range " + ref.replaceAll("[^A-Z0-9:$]", "") + " (" + declared
                        + " cells, more than the " + maxCells + " an import of " + limits.maxRows() + " rows reads); delete the "
                        + "unused rows and columns");
            }
        }

        private static int rowOf(String ref) {
            int i = 0;
            while (i < ref.length() && Character.isLetter(ref.charAt(i)) || i < ref.length() && ref.charAt(i) == '$') i++;
            return parseInt(ref.substring(i).replace("$", ""), 0);
        }

        /** The 0-based column of a reference such as {@code C5}. */
        private static int columnOf(String ref, int fallback) {
            int n = 0;
            int i = 0;
            for (; i < ref.length(); i++) {
                char c = ref.charAt(i);
                if (c == '$') continue;
                if (c < 'A' || c > 'Z') break;
                n = n * 26 + (c - 'A' + 1);
                if (n > 16384) return fallback;
            }
            return n == 0 ? fallback : n - 1;
        }

        private static int parseInt(String s, int fallback) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }

}
