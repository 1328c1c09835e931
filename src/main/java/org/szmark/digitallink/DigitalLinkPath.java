package org.szmark.digitallink;

import java.util.List;
import java.util.Optional;

/**
 * The part of a GS1 Digital Link URI the registry resolves (GS1 Digital Link URI Syntax 1.4, §4): the primary key
 * {@code /01/<GTIN>} and an optional serial {@code /21/<serial>}. A GTIN-8, -12, -13 or -14 is read with its check
 * digit and written in its 14-digit form (GS1 General Specifications §3.3.2, padded with leading zeros), which is
 * what the canonical URI carries. Pure: no framework imports; {@link #parse} and {@link #path} are each other's
 * inverse on canonical input.
 */
public record DigitalLinkPath(String gtin14, String serial) {

    /** AI (21) is up to 20 characters of GS1 AI encodable character set 82 (General Specifications §7.11). */
    static final int MAX_SERIAL = 20;
    private static final String CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    /** Why a path is not one the registry resolves, in words safe to show. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /** Reads a GTIN (8, 12, 13 or 14 digits) and an optional percent-decoded serial. */
    public static DigitalLinkPath parse(String gtin, String serial) {
        if (gtin == null || !gtin.chars().allMatch(c -> c >= '0' && c <= '9')) throw new Invalid("a GTIN is digits only");
        int n = gtin.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) throw new Invalid("a GTIN has 8, 12, 13 or 14 digits");
        if (!checkDigitOk(gtin)) throw new Invalid("the GTIN's check digit is wrong");
        String s = null;
        if (serial != null) {
            if (serial.isEmpty() || serial.length() > MAX_SERIAL) throw new Invalid("a serial number has 1 to 20 characters");
            for (int i = 0; i < serial.length(); i++) {
                if (CSET82.indexOf(serial.charAt(i)) < 0) throw new Invalid("a serial number uses GS1 character set 82 only");
            }
            s = serial;
        }
        return new DigitalLinkPath("0".repeat(14 - n) + gtin, s);
    }

    /** The canonical path: {@code /01/<14 digits>} and, with a serial, {@code /21/<percent-encoded serial>}. */
    public String path() {
        return "/01/" + gtin14 + (serial == null ? "" : "/21/" + encode(serial));
    }

    /** Every spelling a product may have been registered with: the 14-digit form and its shorter forms. */
    public List<String> registeredForms() {
        java.util.ArrayList<String> forms = new java.util.ArrayList<>(List.of(gtin14));
        for (int len : new int[] {13, 12, 8}) {
            int pad = 14 - len;
            if (gtin14.substring(0, pad).chars().allMatch(c -> c == '0')) forms.add(gtin14.substring(pad));
        }
        return forms;
    }

    public Optional<String> serialNumber() {
        return Optional.ofNullable(serial);
    }

    /** GS1 General Specifications §7.9.1: weights 3 and 1 alternating from the digit left of the check digit. */
    static boolean checkDigitOk(String digits) {
        int n = digits.length();
        int sum = 0;
        for (int i = 0; i < n - 1; i++) {
            sum += (digits.charAt(i) - '0') * (((n - 1 - i) % 2 == 1) ? 3 : 1);
        }
        return (10 - sum % 10) % 10 == digits.charAt(n - 1) - '0';
    }

    /** RFC 3986 §2.1 percent-encoding of everything but unreserved characters (as the Digital Link syntax asks). */
    private static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", (int) c));
            }
        }
        return b.toString();
    }
}
