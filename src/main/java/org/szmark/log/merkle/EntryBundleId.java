package org.szmark.log.merkle;

/**
 * An entry bundle, c2sp.org/tlog-tiles "Log entries": bundle {@code n} holds entries
 * {@code 256n .. 256n + width − 1}, the entries whose leaf hashes form level-0 tile {@code n}.
 */
public record EntryBundleId(long n, int width) {

    /** Entries in a full bundle. */
    public static final int FULL_WIDTH = TilePaths.FULL_WIDTH;

    public EntryBundleId {
        if (n < 0) {
            throw new IllegalArgumentException("bundle index " + n + " must not be negative");
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("bundle width " + width + " out of range 1..256");
        }
    }

    public static EntryBundleId full(long n) {
        return new EntryBundleId(n, FULL_WIDTH);
    }

    public boolean isFull() {
        return width == FULL_WIDTH;
    }

    /** Index of the first entry in this bundle. */
    public long firstEntry() {
        return n * FULL_WIDTH;
    }

    /** {@code tile/entries/<N>[.p/<W>]}. */
    public String path() {
        return "tile/entries/" + TilePaths.encodeIndexAndWidth(n, width);
    }

    /**
     * Parses an entry bundle path (without the log prefix), as strictly as {@link TileId#parse}.
     *
     * @throws IllegalArgumentException if the path is malformed
     */
    public static EntryBundleId parse(String path) {
        String[] parts = TilePaths.split(path);
        if (parts.length < 3 || !parts[0].equals("tile") || !parts[1].equals("entries")) {
            throw TilePaths.bad(path, "expected tile/entries/<N>[.p/<W>]");
        }
        long[] nw = TilePaths.parseIndexAndWidth(parts, 2, path);
        if (nw[0] > (Long.MAX_VALUE >> 8)) {
            throw TilePaths.bad(path, "bundle index is too large");
        }
        return new EntryBundleId(nw[0], (int) nw[1]);
    }

    /** Entries in bundle {@code n} for a tree of {@code treeSize} leaves; 0 if it does not exist. */
    public static int widthAt(long n, long treeSize) {
        if (n < 0 || treeSize < 0) {
            throw new IllegalArgumentException("bundle index and tree size must not be negative");
        }
        return TilePaths.widthIn(n, treeSize);
    }

    /** The bundle {@code n} as it exists at {@code treeSize}, or null if absent. */
    public static EntryBundleId at(long n, long treeSize) {
        int w = widthAt(n, treeSize);
        return w == 0 ? null : new EntryBundleId(n, w);
    }
}
