package org.szmark.log.merkle;

/**
 * Reads hashes from the stored-hash layout of {@link StoredHashes}.
 *
 * <p>Callers always ask for all the hashes they need in one call, so that a database-backed
 * implementation can answer with a single query.
 */
@FunctionalInterface
public interface HashReader {

    /**
     * Returns the hashes stored at the given stored-hash indexes, in the same order as the indexes
     * (one 32-byte hash per index; indexes may repeat).
     *
     * @throws LogStorageException if a hash is missing or cannot be read
     */
    byte[][] readHashes(long[] storedIndexes);
}
