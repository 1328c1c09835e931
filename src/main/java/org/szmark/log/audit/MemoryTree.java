package org.szmark.log.audit;

import java.util.ArrayList;
import java.util.List;
import org.szmark.log.merkle.HashReader;
import org.szmark.log.merkle.Hashes;
import org.szmark.log.merkle.LogStorageException;
import org.szmark.log.merkle.StoredHashes;

/**
 * A tree rebuilt in memory from entries, in the same {@link StoredHashes} layout the registry uses,
 * so that roots, proofs and tiles come from the same {@code TreeMath} and {@code TileId} code. Hashes
 * live in chunks of flat byte arrays (32 bytes each, no per-hash object) to keep millions of entries
 * affordable.
 */
final class MemoryTree implements HashReader {

    private static final int CHUNK_HASHES = 1 << 16;

    private final List<byte[]> chunks = new ArrayList<>();
    private long stored;
    private long size;

    /** Appends an entry as leaf {@code size()}. */
    void append(byte[] entry) {
        List<byte[]> added = StoredHashes.storedHashesForRecord(size, Hashes.leafHash(entry), this);
        for (byte[] h : added) {
            int slot = (int) (stored % CHUNK_HASHES);
            if (slot == 0) {
                chunks.add(new byte[CHUNK_HASHES * Hashes.HASH_SIZE]);
            }
            System.arraycopy(h, 0, chunks.get(chunks.size() - 1), slot * Hashes.HASH_SIZE, Hashes.HASH_SIZE);
            stored++;
        }
        size++;
    }

    long size() {
        return size;
    }

    @Override
    public byte[][] readHashes(long[] storedIndexes) {
        byte[][] out = new byte[storedIndexes.length][];
        for (int i = 0; i < storedIndexes.length; i++) {
            long idx = storedIndexes[i];
            if (idx < 0 || idx >= stored) {
                throw new LogStorageException("no hash at stored index " + idx + " in a tree of " + size + " entries");
            }
            byte[] h = new byte[Hashes.HASH_SIZE];
            System.arraycopy(chunks.get((int) (idx / CHUNK_HASHES)), (int) (idx % CHUNK_HASHES) * Hashes.HASH_SIZE,
                    h, 0, Hashes.HASH_SIZE);
            out[i] = h;
        }
        return out;
    }
}
