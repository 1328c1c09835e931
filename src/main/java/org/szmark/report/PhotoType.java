package org.szmark.report;

import java.util.Optional;

/**
 * The media type of an uploaded photo, read from its first bytes rather than believed from the upload's
 * declared type or file name: only these formats are kept and served back.
 */
final class PhotoType {
    private PhotoType() {}

    static Optional<String> sniff(byte[] b) {
        if (b == null) return Optional.empty();
        // JPEG: SOI marker then another marker (ISO/IEC 10918-1, B.1.1.3)
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) return Optional.of("image/jpeg");
        // PNG signature (RFC 2083 §3.1)
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of("image/png");
        // WebP: a RIFF container of form type WEBP
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) return Optional.of("image/webp");
        // HEIC/HEIF (what phone cameras write): an ISO BMFF 'ftyp' box with a HEIF brand (ISO/IEC 23008-12)
        if (starts(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
            String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (brand.equals("heic") || brand.equals("heix") || brand.equals("mif1") || brand.equals("msf1")) {
                return Optional.of("image/heic");
            }
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xff) != expected[i]) return false;
        }
        return true;
    }
}
