package org.szmark.log.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TilesTest {

    @Test
    void pathsFollowTheSpecExamples() {
        assertThat(TileId.full(0, 1234067).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new TileId(0, 1234067, 8).path()).isEqualTo("tile/0/x001/x234/067.p/8");
        assertThat(TileId.full(0, 0).path()).isEqualTo("tile/0/000");
        assertThat(new TileId(1, 0, 1).path()).isEqualTo("tile/1/000.p/1");
        assertThat(TileId.full(2, 999).path()).isEqualTo("tile/2/999");
        assertThat(TileId.full(2, 1000).path()).isEqualTo("tile/2/x001/000");
        assertThat(new TileId(63, 5, 255).path()).isEqualTo("tile/63/005.p/255");
        assertThat(TileId.full(0, Long.MAX_VALUE).path())
                .isEqualTo("tile/0/x009/x223/x372/x036/x854/x775/807");
        assertThat(EntryBundleId.full(1234067).path()).isEqualTo("tile/entries/x001/x234/067");
        assertThat(new EntryBundleId(0, 112).path()).isEqualTo("tile/entries/000.p/112");
    }

    @Test
    void pathsRoundTrip() {
        Random random = new Random(42);
        long[] specials = {0, 1, 9, 10, 99, 100, 999, 1000, 1001, 999_999, 1_000_000, 1234067,
            Long.MAX_VALUE >> 8, Long.MAX_VALUE};
        for (int k = 0; k < 2000; k++) {
            long n = k < specials.length ? specials[k] : (random.nextLong() >>> 1) >>> random.nextInt(63);
            int level = random.nextInt(64);
            int width = 1 + random.nextInt(256);
            TileId t = new TileId(level, n, width);
            assertThat(TileId.parse(t.path())).as(t.path()).isEqualTo(t);
            if (n <= Long.MAX_VALUE >> 8) {
                EntryBundleId b = new EntryBundleId(n, width);
                assertThat(EntryBundleId.parse(b.path())).as(b.path()).isEqualTo(b);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "tile", "tile/", "tile/0", "tile/0/", "tile/0/1", "tile/0/01", "tile/0/0001",
        "tile/0/x001", "tile/0/001/002", "tile/0/x001/x002", "tile/0/x000/001", "tile/0/x000/x001/002",
        "tile/00/000", "tile/01/000", "tile/64/000", "tile/100/000", "tile/-1/000", "tile/a/000",
        "tile//000", "tile/0/000.p/0", "tile/0/000.p/256", "tile/0/000.p/007", "tile/0/000.p/",
        "tile/0/000.p", "tile/0/000.p/1/2", "tile/0/000.p/1.p/2", "tile/0/000/", "/tile/0/000", "tile//0/000",
        "tile/0/00a", "tile/0/x1/000", "tile/0/X001/000", "tile/0/000.P/5", "tile/0/000.q/5",
        "Tile/0/000", "tiles/0/000", "tile/0/+12", "tile/0/ 000", "tile/0/000 ", "tile/0/\u0660\u0660\u0660",
        "tile/0/x999/x999/x999/x999/x999/x999/999", "tile/0/x001/x001/x001/x001/x001/x001/x001/000",
        "tile/0/x010/x000/x000/x000/x000/x000/000", "tile/entries/000", "tile/0/000.p/-1",
        "tile/0/000.p/+5", "tile/0/000.p/x5", "tile/0/xx01/000", "tile/0/x/000", "tile/0/.p/5",
        "tile/0/000/.p/5", "tile\\0\\000", "tile/0/000?x", "tile/0/000.p/5/",
        "tile/0/x001/x001/x001/x001/x001/x001/x001/x001/x001/x001/x001/x001/x001/x001/000"
    })
    void malformedTilePathsAreRejected(String path) {
        assertThatThrownBy(() -> TileId.parse(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "tile/entries", "tile/entries/", "tile/entries/1", "tile/entries/0000", "tile/entries/x001",
        "tile/entries/x000/001", "tile/entries/000.p/0", "tile/entries/000.p/256", "tile/entries/000.p/01",
        "tile/0/000", "tile/entry/000", "tile/entries/000/", "tile/Entries/000", "tile/entries/000.p",
        "tile/entries/x999/x999/x999/x999/x999/x999/999", "tile/entries/x036/x028/x797/x018/x963/968",
        "tile/entries/000.p/5/6"
    })
    void malformedBundlePathsAreRejected(String path) {
        assertThatThrownBy(() -> EntryBundleId.parse(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullAndOverlongInputAreRejected() {
        assertThatThrownBy(() -> TileId.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TileId.parse("tile/0/" + "x001/".repeat(1000) + "000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }

    @Test
    void recordsRejectOutOfRangeFields() {
        assertThatThrownBy(() -> new TileId(64, 0, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TileId(-1, 0, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TileId(0, -1, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TileId(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TileId(0, 0, 257)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntryBundleId(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntryBundleId(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void widthsFollowTheSpecExampleOfSize70000() {
        long size = 70_000;
        for (long n = 0; n < 273; n++) {
            assertThat(TileId.widthAt(0, n, size)).isEqualTo(256);
            assertThat(EntryBundleId.widthAt(n, size)).isEqualTo(256);
        }
        assertThat(TileId.widthAt(0, 273, size)).isEqualTo(112);
        assertThat(EntryBundleId.widthAt(273, size)).isEqualTo(112);
        assertThat(TileId.widthAt(0, 274, size)).isZero();
        assertThat(EntryBundleId.widthAt(274, size)).isZero();
        assertThat(TileId.widthAt(1, 0, size)).isEqualTo(256);
        assertThat(TileId.widthAt(1, 1, size)).isEqualTo(17);
        assertThat(TileId.widthAt(1, 2, size)).isZero();
        assertThat(TileId.widthAt(2, 0, size)).isEqualTo(1);
        assertThat(TileId.widthAt(3, 0, size)).isZero();
        assertThat(TileId.widthAt(63, 0, Long.MAX_VALUE)).isZero();
        assertThat(TileId.widthAt(7, 0, Long.MAX_VALUE)).isEqualTo(127);
        assertThat(TileId.widthAt(0, Long.MAX_VALUE, Long.MAX_VALUE)).isZero();
        // A tree of 256 has one full level-0 tile and a level-1 tile of width 1.
        assertThat(TileId.at(0, 0, 256)).isEqualTo(TileId.full(0, 0));
        assertThat(TileId.at(1, 0, 256)).isEqualTo(new TileId(1, 0, 1));
        assertThat(TileId.at(0, 1, 256)).isNull();
        assertThat(TileId.widthAt(0, 0, 0)).isZero();
        assertThat(EntryBundleId.at(0, 0)).isNull();
    }

    @Test
    void tileDataIsTheNodesAtMerkleLevelEightL() {
        InMemoryHashStore store = new InMemoryHashStore();
        Random random = new Random(7);
        int size = 70_000;
        for (int i = 0; i < size; i++) {
            byte[] e = new byte[8];
            random.nextBytes(e);
            store.append(e);
        }
        ReferenceTree ref = new ReferenceTree(store.leafHashes());
        // Level 0: leaf hashes; partial tile 273 of width 112.
        byte[] t0 = TileId.at(0, 273, size).readData(store);
        assertThat(t0).hasSize(112 * 32);
        for (int i = 0; i < 112; i++) {
            assertThat(slice(t0, i)).isEqualTo(store.leafHash(273 * 256 + i));
        }
        // Level 1: MTH of 256-leaf subtrees (c2sp.org/tlog-tiles formal definition).
        store.resetCounters();
        byte[] t1 = TileId.at(1, 1, size).readData(store);
        assertThat(store.readCalls()).isEqualTo(1);
        assertThat(t1).hasSize(17 * 32);
        for (int i = 0; i < 17; i++) {
            long lo = (256L + i) * 256;
            assertThat(slice(t1, i)).isEqualTo(ref.mth(lo, lo + 256));
        }
        byte[] full1 = TileId.full(1, 0).readData(store);
        assertThat(full1).hasSize(8192);
        assertThat(slice(full1, 255)).isEqualTo(ref.mth(255 * 256, 256 * 256));
        // Level 2: one hash, the root of the first 65,536 leaves.
        byte[] t2 = TileId.at(2, 0, size).readData(store);
        assertThat(t2).isEqualTo(TreeMath.treeHash(65_536, store));
        // Stored indexes of a tile are those of its nodes.
        assertThat(new TileId(1, 1, 2).storedHashIndexes()).containsExactly(
                StoredHashes.storedHashIndex(8, 256), StoredHashes.storedHashIndex(8, 257));
        // A full tile beyond the tree cannot be read.
        assertThatThrownBy(() -> TileId.full(0, 300).readData(store))
                .isInstanceOf(LogStorageException.class);
    }

    private static byte[] slice(byte[] data, int i) {
        byte[] out = new byte[32];
        System.arraycopy(data, i * 32, out, 0, 32);
        return out;
    }
}
