package org.szmark.log.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The append-only layout in which the log stores its Merkle tree.
 *
 * <p>Every complete subtree (a node at Merkle level {@code L} covering leaves
 * {@code [n·2^L, (n+1)·2^L)}) has its hash stored exactly once, in one linear index space shared by
 * all levels. Hashes are numbered in the order in which they become known while appending: adding
 * leaf {@code m} stores its leaf hash and then the hash of every parent it completes, bottom up
 * (there are as many such parents as {@code m} has trailing one bits). Hence:
 *
 * <ul>
 *   <li>a tree of {@code s} leaves has {@code 2s − popcount(s)} stored hashes (each leaf adds one
 *       hash, and the {@code s − popcount(s)} complete interior nodes of the perfect subtrees of
 *       {@code s} add one each);
 *   <li>node {@code (L, n)} becomes complete when its last leaf {@code m = (n+1)·2^L − 1} is
 *       appended; that leaf's hash lands at {@code count(m)} and the node {@code L} places after it,
 *       because the low {@code L} bits of {@code m} are all ones.
 * </ul>
 *
 * Appending writes {@code O(log n)} hashes and nothing is ever rewritten, which suits an
 * append-only table or file. Any RFC 6962 subtree hash is then a fold over at most
 * {@code O(log n)} stored hashes (see {@link TreeMath}).
 */
public final class StoredHashes {

    /**
     * Largest tree size supported, chosen so that the stored-hash count {@code 2s − popcount(s)}
     * still fits in a signed 64-bit integer.
     */
    public static final long MAX_TREE_SIZE = Long.MAX_VALUE / 2;

    private StoredHashes() {
    }

    /** Number of hashes stored for a tree of {@code treeSize} leaves: {@code 2s − popcount(s)}. */
    public static long storedHashCount(long treeSize) {
        if (treeSize < 0 || treeSize > MAX_TREE_SIZE) {
            throw new IllegalArgumentException(
                    "tree size " + treeSize + " out of range 0.." + MAX_TREE_SIZE);
        }
        return 2 * treeSize - Long.bitCount(treeSize);
    }

    /**
     * Stored-hash index of the node at Merkle level {@code level} (0 = leaves) with index
     * {@code n} within that level, i.e. the root of leaves {@code [n·2^level, (n+1)·2^level)}.
     */
    public static long storedHashIndex(int level, long n) {
        if (level < 0 || level > 62) {
            throw new IllegalArgumentException("level " + level + " out of range 0..62");
        }
        if (n < 0) {
            throw new IllegalArgumentException("node index " + n + " must not be negative");
        }
        if (n >= (MAX_TREE_SIZE >> level)) {
            throw new IllegalArgumentException(
                    "node (" + level + ", " + n + ") lies beyond the largest supported tree");
        }
        long lastLeaf = ((n + 1) << level) - 1;
        return storedHashCount(lastLeaf) + level;
    }

    /**
     * The hashes to append to storage when leaf {@code n} is added to a tree of {@code n} leaves:
     * the leaf hash first, then the hash of each parent that leaf completes, bottom up. They belong
     * at stored indexes {@code storedHashCount(n)} onwards, consecutively.
     *
     * @param reader gives access to the hashes already stored for the first {@code n} leaves; it is
     *     called at most once
     */
    public static List<byte[]> storedHashesForRecord(long n, byte[] leafHash, HashReader reader) {
        if (n < 0 || n >= MAX_TREE_SIZE) {
            throw new IllegalArgumentException(
                    "leaf index " + n + " out of range 0.." + (MAX_TREE_SIZE - 1));
        }
        Hashes.requireHash(leafHash, "leaf");
        // One new parent per trailing one bit of n: leaf n closes the subtree of 2^(l+1) leaves
        // whose left half (level l, index (n >> l) − 1) is already stored.
        int completed = Long.numberOfTrailingZeros(~n);
        List<byte[]> out = new ArrayList<>(completed + 1);
        out.add(leafHash.clone());
        if (completed == 0) {
            return out;
        }
        long[] siblings = new long[completed];
        for (int l = 0; l < completed; l++) {
            siblings[l] = storedHashIndex(l, (n >> l) - 1);
        }
        byte[][] left = readChecked(reader, siblings);
        byte[] h = leafHash;
        for (int l = 0; l < completed; l++) {
            h = Hashes.nodeHash(left[l], h);
            out.add(h);
        }
        return out;
    }

    /** Calls the reader and checks that it kept its contract. */
    static byte[][] readChecked(HashReader reader, long[] indexes) {
        if (reader == null) {
            throw new IllegalArgumentException("hash reader must not be null");
        }
        byte[][] got = reader.readHashes(indexes.clone());
        if (got == null || got.length != indexes.length) {
            throw new LogStorageException("hash reader returned "
                    + (got == null ? "null" : got.length + " hashes") + " for " + indexes.length
                    + " requested indexes");
        }
        for (int i = 0; i < got.length; i++) {
            if (got[i] == null || got[i].length != Hashes.HASH_SIZE) {
                throw new LogStorageException("hash reader returned "
                        + (got[i] == null ? "null" : got[i].length + " bytes")
                        + " for stored index " + indexes[i]);
            }
        }
        return got;
    }
}
