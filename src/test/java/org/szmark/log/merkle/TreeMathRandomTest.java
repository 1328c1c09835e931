package org.szmark.log.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proofs over a log of 3,000 random entries, checked against RFC 6962's recursive definitions. */
class TreeMathRandomTest {

    private static final int ENTRIES = 3000;
    private static final long[] SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 31, 64, 100, 255, 256, 257, 511,
        512, 513, 1000, 1023, 1024, 1025, 2047, 2048, 2049, 2999, 3000};

    private static InMemoryHashStore store;
    private static ReferenceTree ref;
    private static byte[][] roots;

    @BeforeAll
    static void buildLog() {
        Random random = new Random(6962);
        store = new InMemoryHashStore();
        roots = new byte[ENTRIES + 1][];
        roots[0] = Hashes.emptyRoot();
        for (int i = 0; i < ENTRIES; i++) {
            byte[] entry = new byte[1 + random.nextInt(80)];
            random.nextBytes(entry);
            store.append(entry);
            assertThat((long) store.storedCount()).isEqualTo(StoredHashes.storedHashCount(i + 1));
        }
        ref = new ReferenceTree(store.leafHashes());
        for (int s = 1; s <= ENTRIES; s++) {
            roots[s] = ref.mth(0, s);
        }
    }

    private static int maxReads(long n) {
        int log2 = 64 - Long.numberOfLeadingZeros(n); // ceil-ish: bit length
        return 2 * log2 + 2;
    }

    @Test
    void everyTreeHashMatchesTheRecursiveDefinition() {
        for (int s = 0; s <= ENTRIES; s++) {
            assertThat(TreeMath.treeHash(s, new BoundedReader(store, s))).as("root %d", s)
                    .isEqualTo(roots[s]);
        }
    }

    @Test
    void everyStoredHashIsTheRootOfItsSubtree() {
        for (int level = 0; (1L << level) <= ENTRIES; level++) {
            for (long n = 0; (n + 1) << level <= ENTRIES; n++) {
                long idx = StoredHashes.storedHashIndex(level, n);
                byte[] h = store.readHashes(new long[] {idx})[0];
                assertThat(h).as("node (%d, %d) at %d", level, n, idx)
                        .isEqualTo(ref.mth(n << level, (n + 1) << level));
            }
        }
    }

    @Test
    void everyInclusionProofAtSeveralSizes() throws ProofException {
        int checked = 0;
        for (long size : SIZES) {
            HashReader bounded = new BoundedReader(store, size);
            for (long i = 0; i < size; i++) {
                store.resetCounters();
                List<byte[]> proof = TreeMath.proveInclusion(i, size, bounded);
                assertThat(store.readCalls()).as("one batched read").isEqualTo(size > 1 ? 1 : 0);
                assertThat(store.hashesRead()).as("hashes read for %d in %d", i, size)
                        .isLessThanOrEqualTo(maxReads(size));
                assertThat(TestHex.encodeAll(proof)).as("PATH(%d, D[%d])", i, size)
                        .isEqualTo(TestHex.encodeAll(ref.path(i, 0, size)));
                TreeMath.verifyInclusion(store.leafHash((int) i), i, size, proof, roots[(int) size]);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(15_000);
    }

    @Test
    void consistencyProofsBetweenManySizePairs() throws ProofException {
        TreeSet<Long> sizes = new TreeSet<>();
        for (long s : SIZES) {
            sizes.add(s);
        }
        List<long[]> pairs = new ArrayList<>();
        for (long a : sizes) {
            for (long b : sizes.tailSet(a, true)) {
                pairs.add(new long[] {a, b});
            }
        }
        Random random = new Random(9162);
        for (int k = 0; k < 3000; k++) {
            long b = 1 + random.nextInt(ENTRIES);
            long a = 1 + random.nextInt((int) b);
            pairs.add(new long[] {a, b});
        }
        for (long[] p : pairs) {
            long from = p[0];
            long to = p[1];
            store.resetCounters();
            List<byte[]> proof = TreeMath.proveConsistency(from, to, new BoundedReader(store, to));
            assertThat(store.readCalls()).isLessThanOrEqualTo(1);
            assertThat(store.hashesRead()).as("hashes read for %d -> %d", from, to)
                    .isLessThanOrEqualTo(maxReads(to));
            assertThat(TestHex.encodeAll(proof)).as("PROOF(%d, D[%d])", from, to)
                    .isEqualTo(TestHex.encodeAll(ref.proof(from, to)));
            TreeMath.verifyConsistency(from, to, proof, roots[(int) from], roots[(int) to]);
        }
    }

    @Test
    void readCostStaysLogarithmicOnALargeTree() {
        // Sizes just below and at powers of two maximise the right-edge decomposition.
        InMemoryHashStore big = new InMemoryHashStore();
        byte[] leaf = Hashes.leafHash(new byte[] {1});
        int n = (1 << 16) + (1 << 15) - 1;
        for (int i = 0; i < n; i++) {
            big.appendLeafHash(leaf);
        }
        for (long size : new long[] {n, n - 1, 65535, 65536, 65537, 40961}) {
            for (long i : new long[] {0, 1, size / 2, size - 2, size - 1}) {
                big.resetCounters();
                TreeMath.proveInclusion(i, size, big);
                assertThat(big.hashesRead()).as("inclusion %d in %d", i, size)
                        .isLessThanOrEqualTo(maxReads(size));
                big.resetCounters();
                TreeMath.proveConsistency(i + 1, size, big);
                assertThat(big.hashesRead()).as("consistency %d -> %d", i + 1, size)
                        .isLessThanOrEqualTo(maxReads(size));
            }
        }
    }

    @Test
    void corruptedInclusionProofsFail() throws ProofException {
        Random random = new Random(1);
        for (long size : new long[] {2, 3, 5, 8, 255, 256, 257, 1000, 2049, 3000}) {
            for (int t = 0; t < 4; t++) {
                long index = random.nextInt((int) size);
                byte[] leaf = store.leafHash((int) index);
                byte[] root = roots[(int) size];
                List<byte[]> proof = TreeMath.proveInclusion(index, size, store);
                TreeMath.verifyInclusion(leaf, index, size, proof, root);
                String what = "leaf " + index + " in " + size;

                // Every single bit of every proof hash.
                for (int h = 0; h < proof.size(); h++) {
                    for (int bit = 0; bit < 256; bit++) {
                        List<byte[]> bad = copy(proof);
                        bad.get(h)[bit / 8] ^= (byte) (1 << (bit % 8));
                        expectInclusionFailure(leaf, index, size, bad, root, what + " bit " + bit);
                    }
                    // The whole hash replaced, dropped, or duplicated.
                    List<byte[]> replaced = copy(proof);
                    replaced.set(h, Hashes.leafHash(new byte[] {(byte) h}));
                    expectInclusionFailure(leaf, index, size, replaced, root, what + " replaced " + h);
                    List<byte[]> dropped = copy(proof);
                    dropped.remove(h);
                    expectInclusionFailure(leaf, index, size, dropped, root, what + " dropped " + h);
                    List<byte[]> doubled = copy(proof);
                    doubled.add(h, proof.get(h).clone());
                    expectInclusionFailure(leaf, index, size, doubled, root, what + " doubled " + h);
                }
                List<byte[]> extended = copy(proof);
                extended.add(root.clone());
                expectInclusionFailure(leaf, index, size, extended, root, what + " root appended");
                // Swapped neighbours.
                for (int h = 0; h + 1 < proof.size(); h++) {
                    List<byte[]> swapped = copy(proof);
                    swapped.set(h, proof.get(h + 1));
                    swapped.set(h + 1, proof.get(h));
                    expectInclusionFailure(leaf, index, size, swapped, root, what + " swapped " + h);
                }
                // Wrong leaf, wrong root.
                byte[] otherLeaf = store.leafHash((int) ((index + 1) % size));
                expectInclusionFailure(otherLeaf, index, size, proof, root, what + " other leaf");
                expectInclusionFailure(leaf, index, size, proof, roots[(int) size - 1], what + " old root");
                // Wrong index (same tree).
                for (long other = Math.max(0, index - 3); other < Math.min(size, index + 4); other++) {
                    if (other != index) {
                        expectInclusionFailure(leaf, other, size, proof, root, what + " as index " + other);
                    }
                }
                // Wrong size, checked against that size's true root (the size is bound through
                // the signed root; with the old root some shapes coincide by design).
                for (long other : new long[] {size - 1, size + 1, size * 2}) {
                    if (other > index && other <= ENTRIES && other != size) {
                        expectInclusionFailure(leaf, index, other, proof, roots[(int) other],
                                what + " as size " + other);
                    }
                }
            }
        }
    }

    @Test
    void corruptedConsistencyProofsFail() throws ProofException {
        Random random = new Random(2);
        long[][] pairs = {{1, 2}, {2, 3}, {3, 7}, {4, 8}, {5, 8}, {7, 8}, {8, 9}, {255, 256},
            {256, 257}, {100, 1000}, {1024, 3000}, {1025, 2049}, {2999, 3000}};
        List<long[]> all = new ArrayList<>(List.of(pairs));
        for (int k = 0; k < 20; k++) {
            long b = 2 + random.nextInt(ENTRIES - 1);
            all.add(new long[] {1 + random.nextInt((int) b - 1), b});
        }
        for (long[] p : all) {
            long from = p[0];
            long to = p[1];
            byte[] r1 = roots[(int) from];
            byte[] r2 = roots[(int) to];
            List<byte[]> proof = TreeMath.proveConsistency(from, to, store);
            TreeMath.verifyConsistency(from, to, proof, r1, r2);
            String what = from + " -> " + to;
            assertThat(proof).as(what).isNotEmpty();
            for (int h = 0; h < proof.size(); h++) {
                for (int bit = 0; bit < 256; bit++) {
                    List<byte[]> bad = copy(proof);
                    bad.get(h)[bit / 8] ^= (byte) (1 << (bit % 8));
                    expectConsistencyFailure(from, to, bad, r1, r2, what + " bit " + bit);
                }
                List<byte[]> dropped = copy(proof);
                dropped.remove(h);
                expectConsistencyFailure(from, to, dropped, r1, r2, what + " dropped " + h);
                List<byte[]> doubled = copy(proof);
                doubled.add(h, proof.get(h).clone());
                expectConsistencyFailure(from, to, doubled, r1, r2, what + " doubled " + h);
            }
            List<byte[]> extended = copy(proof);
            extended.add(r2.clone());
            expectConsistencyFailure(from, to, extended, r1, r2, what + " appended");
            List<byte[]> prefixed = copy(proof);
            prefixed.add(0, r1.clone());
            expectConsistencyFailure(from, to, prefixed, r1, r2, what + " prefixed");
            expectConsistencyFailure(from, to, List.of(), r1, r2, what + " empty");
            // Swapped, stale or foreign roots.
            expectConsistencyFailure(from, to, proof, r2, r1, what + " roots swapped");
            expectConsistencyFailure(from, to, proof, roots[(int) from - 1], r2, what + " other old root");
            if (to < ENTRIES) {
                expectConsistencyFailure(from, to, proof, r1, roots[(int) to + 1], what + " other new root");
            }
            // Wrong sizes with their own true roots.
            for (long f : new long[] {from - 1, from + 1}) {
                if (f >= 1 && f <= to && f != from) {
                    expectConsistencyFailure(f, to, proof, roots[(int) f], r2, what + " as from " + f);
                }
            }
            for (long t : new long[] {to - 1, to + 1}) {
                if (t >= from && t <= ENTRIES && t != to) {
                    expectConsistencyFailure(from, t, proof, r1, roots[(int) t], what + " as to " + t);
                }
            }
        }
    }

    @Test
    void failureMessagesSayWhatWasComputedAndExpected() throws ProofException {
        List<byte[]> proof = TreeMath.proveInclusion(5, 100, store);
        byte[] wrong = roots[99];
        assertThatThrownBy(() -> TreeMath.verifyInclusion(store.leafHash(5), 5, 100, proof, wrong))
                .isInstanceOf(ProofException.class)
                .hasMessageContaining("computes root " + TestHex.encode(roots[100]))
                .hasMessageContaining("expected " + TestHex.encode(wrong));
        assertThatThrownBy(() -> TreeMath.verifyInclusion(store.leafHash(5), 5, 100,
                proof.subList(0, 3), roots[100]))
                .isInstanceOf(ProofException.class)
                .hasMessageContaining("has 3 hashes, expected " + proof.size());
        List<byte[]> cproof = TreeMath.proveConsistency(10, 100, store);
        assertThatThrownBy(() -> TreeMath.verifyConsistency(10, 100, cproof, roots[10], wrong))
                .isInstanceOf(ProofException.class)
                .hasMessageContaining("computes new root " + TestHex.encode(roots[100]))
                .hasMessageContaining("expected " + TestHex.encode(wrong));
    }

    @Test
    void argumentsOutOfRangeAreRejected() {
        byte[] leaf = store.leafHash(0);
        byte[] root = roots[10];
        assertThatThrownBy(() -> TreeMath.proveInclusion(10, 10, store))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not below tree size");
        assertThatThrownBy(() -> TreeMath.proveInclusion(-1, 10, store))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> TreeMath.proveInclusion(0, 0, store))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeMath.verifyInclusion(leaf, 10, 10, List.of(), root))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeMath.verifyInclusion(leaf, 0, -1, List.of(), root))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeMath.proveConsistency(11, 10, store))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than");
        assertThatThrownBy(() -> TreeMath.proveConsistency(-1, 10, store))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> TreeMath.verifyConsistency(11, 10, List.of(), root, root))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeMath.treeHash(-1, store))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeMath.treeHash(StoredHashes.MAX_TREE_SIZE + 1, store))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeMath.verifyInclusion(new byte[31], 0, 10, List.of(), root))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeMath.verifyInclusion(leaf, 0, 10, List.of(new byte[31]), root))
                .isInstanceOf(ProofException.class).hasMessageContaining("31 bytes");
    }

    @Test
    void equalSizesNeedAnEmptyProofAndEqualRoots() throws ProofException {
        assertThat(TreeMath.proveConsistency(77, 77, store)).isEmpty();
        TreeMath.verifyConsistency(77, 77, List.of(), roots[77], roots[77]);
        assertThatThrownBy(() -> TreeMath.verifyConsistency(77, 77, List.of(), roots[77], roots[78]))
                .isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> TreeMath.verifyConsistency(77, 77, List.of(roots[77]), roots[77], roots[77]))
                .isInstanceOf(ProofException.class);
    }

    @Test
    void misbehavingReadersAreReported() {
        HashReader shortReader = idx -> new byte[idx.length - 1][];
        assertThatThrownBy(() -> TreeMath.treeHash(3, shortReader))
                .isInstanceOf(LogStorageException.class);
        HashReader badHash = idx -> {
            byte[][] out = new byte[idx.length][];
            for (int i = 0; i < idx.length; i++) {
                out[i] = new byte[16];
            }
            return out;
        };
        assertThatThrownBy(() -> TreeMath.proveInclusion(0, 3, badHash))
                .isInstanceOf(LogStorageException.class).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> TreeMath.treeHash(5000, store))
                .isInstanceOf(LogStorageException.class);
    }

    private static void expectInclusionFailure(byte[] leaf, long index, long size, List<byte[]> proof,
            byte[] root, String what) {
        try {
            TreeMath.verifyInclusion(leaf, index, size, proof, root);
            fail("corrupted inclusion proof verified: " + what);
        } catch (ProofException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static void expectConsistencyFailure(long from, long to, List<byte[]> proof, byte[] r1,
            byte[] r2, String what) {
        try {
            TreeMath.verifyConsistency(from, to, proof, r1, r2);
            fail("corrupted consistency proof verified: " + what);
        } catch (ProofException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static List<byte[]> copy(List<byte[]> proof) {
        List<byte[]> out = new ArrayList<>(proof.size());
        for (byte[] h : proof) {
            out.add(h.clone());
        }
        return out;
    }
}
