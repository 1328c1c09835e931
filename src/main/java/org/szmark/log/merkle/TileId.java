package org.szmark.log.merkle;

/**
 * A hash tile, c2sp.org/tlog-tiles "Merkle Tree": tile {@code n} at level {@code level} holds the
 * hashes {@code MTH(D[(256n + i)·256^level : (256n + i + 1)·256^level])} for
 * {@code i < width}, i.e. the nodes at Merkle level {@code 8·level} with indexes
 * {@code 256n .. 256n + width − 1}. Width 256 is a full tile; 1..255 a partial one.
 */
public record TileId(int level, long n, int width) {

    /** Hashes in a full tile. */
    public static final int FULL_WIDTH = TilePaths.FULL_WIDTH;

    public TileId {
        if (level < 0 || level > 63) {
            throw new IllegalArgumentException("tile level " + level + " out of range 0..63");
        }
        if (n < 0) {
            throw new IllegalArgumentException("tile index " + n + " must not be negative");
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("tile width " + width + " out of range 1..256");
        }
    }

    /** A full tile (256 hashes). */
    public static TileId full(int level, long n) {
        return new TileId(level, n, FULL_WIDTH);
    }

    public boolean isFull() {
        return width == FULL_WIDTH;
    }

    /** {@code tile/<L>/<N>[.p/<W>]}, e.g. {@code tile/0/x001/x234/067.p/8}. */
    public String path() {
        return "tile/" + level + "/" + TilePaths.encodeIndexAndWidth(n, width);
    }

    /**
     * Parses a hash tile path (without the log prefix). Rejects everything that is not the single
     * canonical spelling: leading zeros, missing {@code x}, width 0 or above 255, level above 63,
     * extra or empty segments, non-digits and over-long input.
     *
     * @throws IllegalArgumentException if the path is malformed
     */
    public static TileId parse(String path) {
        String[] parts = TilePaths.split(path);
        if (parts.length < 3 || !parts[0].equals("tile")) {
            throw TilePaths.bad(path, "expected tile/<L>/<N>[.p/<W>]");
        }
        int level = TilePaths.parseLevel(parts[1], path);
        long[] nw = TilePaths.parseIndexAndWidth(parts, 2, path);
        return new TileId(level, nw[0], (int) nw[1]);
    }

    /**
     * Number of hashes in tile {@code n} at {@code level} for a tree of {@code treeSize} leaves:
     * 256 when full, {@code floor(size / 256^level) mod 256} for the rightmost partial tile, and 0
     * when the tile does not exist (c2sp.org/tlog-tiles "Partial Tiles").
     */
    public static int widthAt(int level, long n, long treeSize) {
        if (level < 0 || level > 63) {
            throw new IllegalArgumentException("tile level " + level + " out of range 0..63");
        }
        if (n < 0 || treeSize < 0) {
            throw new IllegalArgumentException("tile index and tree size must not be negative");
        }
        int shift = 8 * level;
        long nodes = shift >= 63 ? 0 : treeSize >> shift;
        return TilePaths.widthIn(n, nodes);
    }

    /** The tile {@code n} at {@code level} as it exists at {@code treeSize}, or null if absent. */
    public static TileId at(int level, long n, long treeSize) {
        int w = widthAt(level, n, treeSize);
        return w == 0 ? null : new TileId(level, n, w);
    }

    /** Stored-hash indexes ({@link StoredHashes}) of this tile's hashes, in tile order. */
    public long[] storedHashIndexes() {
        int merkleLevel = 8 * level;
        if (merkleLevel > 61 || n > (Long.MAX_VALUE >> 8)) {
            throw new IllegalArgumentException("tile " + path() + " lies beyond the largest supported tree");
        }
        long[] out = new long[width];
        for (int i = 0; i < width; i++) {
            out[i] = StoredHashes.storedHashIndex(merkleLevel, n * FULL_WIDTH + i);
        }
        return out;
    }

    /** The tile's content as served: its hashes concatenated, 32 bytes each, one batched read. */
    public byte[] readData(HashReader reader) {
        byte[][] hashes = StoredHashes.readChecked(reader, storedHashIndexes());
        byte[] out = new byte[hashes.length * Hashes.HASH_SIZE];
        for (int i = 0; i < hashes.length; i++) {
            System.arraycopy(hashes[i], 0, out, i * Hashes.HASH_SIZE, Hashes.HASH_SIZE);
        }
        return out;
    }
}
