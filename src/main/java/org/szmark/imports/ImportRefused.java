package org.szmark.imports;

import java.util.List;
import org.szmark.common.DomainException;

/**
 * A file the registry does not import at all, refused before anything is written: its encoding, its columns,
 * its form as CSV or XLSX, or its size. The type names which ({@code import-encoding}, {@code import-columns},
 * {@code import-format}, {@code import-too-many-rows}, {@code import-too-large}).
 */
public class ImportRefused extends DomainException {
    private final String type;

    public ImportRefused(String type, String detail) {
        this(type, detail, List.of());
    }

    ImportRefused(String type, String detail, List<FieldError> errors) {
        super(detail, errors);
        this.type = type;
    }

    @Override public int status() { return 400; }
    @Override public String type() { return type; }
    @Override public String title() { return "File not imported"; }
}
