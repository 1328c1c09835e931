package org.szmark.log.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoredHashesTest {

    @Test
    void firstIndexesFollowTheAppendOrder() {
        // leaf0, leaf1, node(1,0), leaf2, leaf3, node(1,1), node(2,0), leaf4 ...
        assertThat(StoredHashes.storedHashIndex(0, 0)).isEqualTo(0);
        assertThat(StoredHashes.storedHashIndex(0, 1)).isEqualTo(1);
        assertThat(StoredHashes.storedHashIndex(1, 0)).isEqualTo(2);
        assertThat(StoredHashes.storedHashIndex(0, 2)).isEqualTo(3);
        assertThat(StoredHashes.storedHashIndex(0, 3)).isEqualTo(4);
        assertThat(StoredHashes.storedHashIndex(1, 1)).isEqualTo(5);
        assertThat(StoredHashes.storedHashIndex(2, 0)).isEqualTo(6);
        assertThat(StoredHashes.storedHashIndex(0, 4)).isEqualTo(7);
        assertThat(StoredHashes.storedHashIndex(3, 0)).isEqualTo(14);
    }

    @Test
    void countIsTwiceTheSizeLessItsOneBits() {
        assertThat(StoredHashes.storedHashCount(0)).isEqualTo(0);
        assertThat(StoredHashes.storedHashCount(1)).isEqualTo(1);
        assertThat(StoredHashes.storedHashCount(2)).isEqualTo(3);
        assertThat(StoredHashes.storedHashCount(3)).isEqualTo(4);
        assertThat(StoredHashes.storedHashCount(8)).isEqualTo(15);
        assertThat(StoredHashes.storedHashCount(StoredHashes.MAX_TREE_SIZE)).isPositive();
    }

    @Test
    void indexesAreADenseBijectionInAppendOrder() {
        // Simulate appends: each leaf m writes its leaf and then one node per trailing one bit.
        long next = 0;
        Set<Long> seen = new HashSet<>();
        for (long m = 0; m < 5000; m++) {
            assertThat(StoredHashes.storedHashCount(m)).isEqualTo(next);
            assertThat(StoredHashes.storedHashIndex(0, m)).as("leaf %d", m).isEqualTo(next++);
            for (int level = 1; ((m + 1) & ((1L << level) - 1)) == 0; level++) {
                long n = ((m + 1) >> level) - 1;
                assertThat(StoredHashes.storedHashIndex(level, n)).as("node (%d, %d)", level, n)
                        .isEqualTo(next++);
            }
        }
        for (long i = 0; i < next; i++) {
            seen.add(i);
        }
        assertThat(seen).hasSize((int) next);
    }

    @Test
    void recordHashesAreLeafThenCompletedParents() {
        InMemoryHashStore store = new InMemoryHashStore();
        for (int i = 0; i < 7; i++) {
            store.append(new byte[] {(byte) i});
        }
        byte[] leaf7 = Hashes.leafHash(new byte[] {7});
        store.resetCounters();
        List<byte[]> out = StoredHashes.storedHashesForRecord(7, leaf7, store);
        assertThat(store.readCalls()).isEqualTo(1);
        assertThat(store.hashesRead()).isEqualTo(3);
        assertThat(out).hasSize(4);
        assertThat(out.get(0)).isEqualTo(leaf7);
        byte[] l6 = store.leafHash(6);
        byte[] n67 = Hashes.nodeHash(l6, leaf7);
        assertThat(out.get(1)).isEqualTo(n67);
        byte[] n45 = store.readHashes(new long[] {StoredHashes.storedHashIndex(1, 2)})[0];
        byte[] n47 = Hashes.nodeHash(n45, n67);
        assertThat(out.get(2)).isEqualTo(n47);
        byte[] n03 = store.readHashes(new long[] {StoredHashes.storedHashIndex(2, 0)})[0];
        assertThat(out.get(3)).isEqualTo(Hashes.nodeHash(n03, n47));

        // An even leaf completes nothing and reads nothing.
        store.resetCounters();
        HashReader never = idx -> {
            throw new AssertionError("no read expected");
        };
        assertThat(StoredHashes.storedHashesForRecord(8, leaf7, never)).hasSize(1);
    }

    @Test
    void outOfRangeArgumentsAreRejected() {
        assertThatThrownBy(() -> StoredHashes.storedHashIndex(-1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.storedHashIndex(63, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.storedHashIndex(0, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.storedHashIndex(2, StoredHashes.MAX_TREE_SIZE / 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.storedHashCount(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.storedHashCount(StoredHashes.MAX_TREE_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.storedHashesForRecord(0, new byte[31], idx -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.storedHashesForRecord(-1, new byte[32], idx -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
