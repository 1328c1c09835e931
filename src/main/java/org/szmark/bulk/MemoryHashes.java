package org.szmark.bulk;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.szmark.log.merkle.HashReader;
import org.szmark.log.merkle.Hashes;
import org.szmark.log.merkle.LogStorageException;

/**
 * The log's stored hashes (the {@code StoredHashes} layout) held in memory while loading: appends read
 * left siblings from here instead of the database. 32 bytes per hash in blocks of 2^20 hashes.
 */
final class MemoryHashes implements HashReader {

    private static final int BLOCK_SHIFT = 20;
    private static final int BLOCK = 1 << BLOCK_SHIFT;

    private final List<byte[]> blocks = new ArrayList<>();
    private long size;

    static MemoryHashes load(Connection db) throws SQLException {
        MemoryHashes m = new MemoryHashes();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select idx, hash from log_hash order by idx")) {
            while (rs.next()) {
                if (rs.getLong(1) != m.size) {
                    throw new LogStorageException("log_hash has a gap at " + m.size);
                }
                m.add(rs.getBytes(2));
            }
        }
        return m;
    }

    long size() {
        return size;
    }

    void add(byte[] hash) {
        if (hash == null || hash.length != Hashes.HASH_SIZE) throw new IllegalArgumentException("a stored hash has 32 bytes");
        int block = (int) (size >>> BLOCK_SHIFT);
        if (block == blocks.size()) blocks.add(new byte[BLOCK * Hashes.HASH_SIZE]);
        System.arraycopy(hash, 0, blocks.get(block), (int) (size & (BLOCK - 1)) * Hashes.HASH_SIZE, Hashes.HASH_SIZE);
        size++;
    }

    @Override
    public byte[][] readHashes(long[] storedIndexes) {
        byte[][] out = new byte[storedIndexes.length][];
        for (int i = 0; i < storedIndexes.length; i++) {
            long idx = storedIndexes[i];
            if (idx < 0 || idx >= size) throw new LogStorageException("no hash stored at index " + idx);
            byte[] h = new byte[Hashes.HASH_SIZE];
            System.arraycopy(blocks.get((int) (idx >>> BLOCK_SHIFT)), (int) (idx & (BLOCK - 1)) * Hashes.HASH_SIZE, h, 0, Hashes.HASH_SIZE);
            out[i] = h;
        }
        return out;
    }
}
