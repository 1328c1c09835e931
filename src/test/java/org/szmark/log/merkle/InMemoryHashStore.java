package org.szmark.log.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A log kept in memory in the {@link StoredHashes} layout, counting how it is read so that tests
 * can check the cost of proofs.
 */
public final class InMemoryHashStore implements HashReader {

    private final List<byte[]> stored = new ArrayList<>();
    private final List<byte[]> leafHashes = new ArrayList<>();
    private long readCalls;
    private long hashesRead;

    /** Appends an entry and returns its leaf hash. */
    public byte[] append(byte[] entry) {
        byte[] leaf = Hashes.leafHash(entry);
        appendLeafHash(leaf);
        return leaf;
    }

    public void appendLeafHash(byte[] leaf) {
        long n = leafHashes.size();
        List<byte[]> added = StoredHashes.storedHashesForRecord(n, leaf, this);
        stored.addAll(added);
        leafHashes.add(leaf.clone());
    }

    public long size() {
        return leafHashes.size();
    }

    public int storedCount() {
        return stored.size();
    }

    public byte[] leafHash(int i) {
        return leafHashes.get(i).clone();
    }

    public List<byte[]> leafHashes() {
        return leafHashes;
    }

    @Override
    public byte[][] readHashes(long[] storedIndexes) {
        readCalls++;
        hashesRead += storedIndexes.length;
        byte[][] out = new byte[storedIndexes.length][];
        for (int i = 0; i < storedIndexes.length; i++) {
            long idx = storedIndexes[i];
            if (idx < 0 || idx >= stored.size()) {
                throw new LogStorageException("no hash stored at index " + idx);
            }
            out[i] = stored.get((int) idx).clone();
        }
        return out;
    }

    public void resetCounters() {
        readCalls = 0;
        hashesRead = 0;
    }

    public long readCalls() {
        return readCalls;
    }

    public long hashesRead() {
        return hashesRead;
    }
}
