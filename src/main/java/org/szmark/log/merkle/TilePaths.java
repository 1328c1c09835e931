package org.szmark.log.merkle;

/**
 * Shared encoding of the {@code <N>[.p/<W>]} part of tile and entry-bundle paths,
 * c2sp.org/tlog-tiles "Merkle Tree".
 */
final class TilePaths {

    /** Hashes in a full tile, and entries in a full bundle (tiles have height 8). */
    static final int FULL_WIDTH = 256;

    /** Longer than any valid path (level 2 digits, index at most 7 groups, width 3 digits). */
    static final int MAX_PATH_LENGTH = 64;

    /** A long has at most 19 decimal digits, hence 7 three-digit groups. */
    private static final int MAX_GROUPS = 7;

    private TilePaths() {
    }

    /** {@code <N>[.p/<W>]}: N in zero-padded three-digit groups, all but the last prefixed x. */
    static String encodeIndexAndWidth(long n, int width) {
        String digits = Long.toString(n);
        int pad = (3 - digits.length() % 3) % 3;
        digits = "0".repeat(pad) + digits;
        StringBuilder sb = new StringBuilder(digits.length() * 4 / 3 + 8);
        for (int i = 0; i < digits.length(); i += 3) {
            if (i + 3 < digits.length()) {
                sb.append('x').append(digits, i, i + 3).append('/');
            } else {
                sb.append(digits, i, i + 3);
            }
        }
        if (width < FULL_WIDTH) {
            sb.append(".p/").append(width);
        }
        return sb.toString();
    }

    /**
     * Parses path segments {@code parts[from..]} as {@code <N>[.p/<W>]}; returns {n, width} with
     * width 256 for a full tile.
     */
    static long[] parseIndexAndWidth(String[] parts, int from, String path) {
        int end = parts.length;
        int width = FULL_WIDTH;
        String last = null;
        if (end - from >= 2 && parts[end - 2].endsWith(".p")) {
            width = parseWidth(parts[end - 1], path);
            last = parts[end - 2].substring(0, parts[end - 2].length() - 2);
            end--;
        }
        int groups = end - from;
        if (groups < 1) {
            throw bad(path, "missing tile index");
        }
        if (groups > MAX_GROUPS) {
            throw bad(path, "tile index has too many path elements");
        }
        long n = 0;
        for (int g = 0; g < groups; g++) {
            String seg = (g == groups - 1 && last != null) ? last : parts[from + g];
            boolean isLast = g == groups - 1;
            String digits;
            if (isLast) {
                digits = seg;
            } else {
                if (seg.isEmpty() || seg.charAt(0) != 'x') {
                    throw bad(path, "index element '" + seg + "' must start with 'x'");
                }
                digits = seg.substring(1);
            }
            if (digits.length() != 3 || !allAsciiDigits(digits)) {
                throw bad(path, "index element '" + seg + "' must be three decimal digits"
                        + (isLast ? "" : " after 'x'"));
            }
            if (g == 0 && groups > 1 && digits.equals("000")) {
                // x000/... would give a second spelling of the same index.
                throw bad(path, "index has a leading all-zero element");
            }
            try {
                n = Math.addExact(Math.multiplyExact(n, 1000L), Integer.parseInt(digits));
            } catch (ArithmeticException e) {
                throw bad(path, "tile index is too large");
            }
        }
        return new long[] {n, width};
    }

    private static int parseWidth(String w, String path) {
        if (w.isEmpty() || w.length() > 3 || !allAsciiDigits(w)) {
            throw bad(path, "partial width '" + w + "' must be a decimal number 1..255");
        }
        if (w.charAt(0) == '0') {
            throw bad(path, "partial width '" + w + "' has a leading zero or is zero");
        }
        int width = Integer.parseInt(w);
        if (width >= FULL_WIDTH) {
            throw bad(path, "partial width " + width + " must be below " + FULL_WIDTH);
        }
        return width;
    }

    static int parseLevel(String l, String path) {
        if (l.isEmpty() || l.length() > 2 || !allAsciiDigits(l)) {
            throw bad(path, "level '" + l + "' must be a decimal number 0..63");
        }
        if (l.length() > 1 && l.charAt(0) == '0') {
            throw bad(path, "level '" + l + "' has a leading zero");
        }
        int level = Integer.parseInt(l);
        if (level > 63) {
            throw bad(path, "level " + level + " is above 63");
        }
        return level;
    }

    /** Splits a path after checking its overall shape; empty segments are kept (and rejected). */
    static String[] split(String path) {
        if (path == null) {
            throw new IllegalArgumentException("tile path must not be null");
        }
        if (path.length() > MAX_PATH_LENGTH) {
            throw bad(path.substring(0, MAX_PATH_LENGTH) + "...", "path is too long");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && c != '/' && c != '.') {
                throw bad(path, "unexpected character at offset " + i);
            }
        }
        return path.split("/", -1);
    }

    static boolean allAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static IllegalArgumentException bad(String path, String why) {
        return new IllegalArgumentException("malformed tile path '" + path + "': " + why);
    }

    /**
     * Width of tile {@code n} in a row of {@code count} hashes or entries: 256 for a full tile,
     * 1..255 for the partial last one, 0 when the tile does not exist.
     */
    static int widthIn(long n, long count) {
        if (n > (Long.MAX_VALUE >> 8)) {
            return 0;
        }
        long w = count - n * FULL_WIDTH;
        return w <= 0 ? 0 : (int) Math.min(FULL_WIDTH, w);
    }
}
