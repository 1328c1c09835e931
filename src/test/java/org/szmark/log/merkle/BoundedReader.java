package org.szmark.log.merkle;

/**
 * Lets through only the hashes that exist in a tree of a given size, so a test fails if a proof
 * for that size touches hashes stored later (which would make it depend on entries it must not
 * cover).
 */
final class BoundedReader implements HashReader {

    private final HashReader delegate;
    private final long limit;

    BoundedReader(HashReader delegate, long treeSize) {
        this.delegate = delegate;
        this.limit = StoredHashes.storedHashCount(treeSize);
    }

    @Override
    public byte[][] readHashes(long[] storedIndexes) {
        for (long i : storedIndexes) {
            if (i >= limit) {
                throw new AssertionError("read stored index " + i + " beyond the " + limit
                        + " hashes of the tree");
            }
        }
        return delegate.readHashes(storedIndexes);
    }
}
