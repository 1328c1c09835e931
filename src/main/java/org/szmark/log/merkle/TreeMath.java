package org.szmark.log.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * RFC 6962 tree hashes, inclusion proofs and consistency proofs computed over the
 * {@link StoredHashes} layout, and their verification per RFC 9162.
 *
 * <p>Every hash a proof needs is an RFC 6962 subtree hash {@code MTH(D[lo:hi])}. Such a range
 * always starts at a multiple of a power of two at least as large as its width, so it splits into
 * the complete subtrees given by the binary digits of its width, largest first, each of which is a
 * single stored hash; the range's hash is their right-to-left fold. A proof first lists all the
 * ranges it needs, fetches every stored hash they cover with one {@link HashReader} call and then
 * folds. Only the right edge of the tree has incomplete ranges, so a proof reads
 * {@code O(log n)} hashes.
 *
 * <p><b>Consistency from size 0.</b> RFC 9162 has no proof from the empty tree; this class follows
 * the C2SP witness protocol (c2sp.org/tlog-witness) instead: a proof from size 0 is the empty list,
 * and it verifies if and only if it is empty and the old root is the empty-tree root
 * {@code SHA-256("")}. Any tree is an extension of the empty tree, so nothing else needs checking.
 */
public final class TreeMath {

    private TreeMath() {
    }

    /** Root hash {@code MTH(D[0:size])} of the tree of the first {@code size} leaves. */
    public static byte[] treeHash(long size, HashReader reader) {
        checkSize(size, "tree size");
        if (size == 0) {
            return Hashes.emptyRoot();
        }
        RangePlan plan = new RangePlan();
        plan.add(0, size);
        return plan.resolve(reader).get(0);
    }

    /**
     * Inclusion proof {@code PATH(index, D[0:size])} of RFC 6962 §2.1.1, ordered from the leaf's
     * sibling up to the child of the root.
     */
    public static List<byte[]> proveInclusion(long index, long size, HashReader reader) {
        checkSize(size, "tree size");
        checkIndex(index, size);
        // Walk down from the root (RFC 6962 §2.1.1: split at the largest power of two k < n),
        // remembering the sibling range at each step; the proof lists them bottom up.
        List<long[]> ranges = new ArrayList<>();
        long lo = 0;
        long hi = size;
        while (hi - lo > 1) {
            long mid = lo + Long.highestOneBit(hi - lo - 1);
            if (index < mid) {
                ranges.add(new long[] {mid, hi});
                hi = mid;
            } else {
                ranges.add(new long[] {lo, mid});
                lo = mid;
            }
        }
        return resolveBottomUp(ranges, reader);
    }

    /**
     * Consistency proof {@code PROOF(from, D[0:to])} of RFC 6962 §2.1.2. Empty when
     * {@code from == to} or {@code from == 0} (see the class comment for size 0).
     */
    public static List<byte[]> proveConsistency(long from, long to, HashReader reader) {
        checkSize(to, "new tree size");
        checkSizes(from, to);
        if (from == 0 || from == to) {
            return new ArrayList<>();
        }
        // SUBPROOF(m, D[lo:hi], b) of RFC 6962 §2.1.2, unrolled; "from" is the absolute end of the
        // old tree, and the invariant lo < from <= hi holds throughout.
        List<long[]> ranges = new ArrayList<>();
        long lo = 0;
        long hi = to;
        boolean oldTreeIsWholeRange = true;
        while (from != hi) {
            long mid = lo + Long.highestOneBit(hi - lo - 1);
            if (from <= mid) {
                ranges.add(new long[] {mid, hi});
                hi = mid;
            } else {
                ranges.add(new long[] {lo, mid});
                lo = mid;
                oldTreeIsWholeRange = false;
            }
        }
        // SUBPROOF(m, D[m], false) = {MTH(D[m])}: the old tree's subtree is only sent when the
        // verifier cannot already know it as the old root.
        if (!oldTreeIsWholeRange) {
            ranges.add(new long[] {lo, hi});
        }
        return resolveBottomUp(ranges, reader);
    }

    /**
     * Verifies an inclusion proof with the algorithm of RFC 9162 §2.1.3.2.
     *
     * @throws IllegalArgumentException if {@code index >= size}, a value is negative, or a hash
     *     argument is not 32 bytes
     * @throws ProofException if the proof does not lead from the leaf to {@code root}
     */
    public static void verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof,
            byte[] root) throws ProofException {
        Hashes.requireHash(leafHash, "leaf");
        Hashes.requireHash(root, "root");
        checkSize(size, "tree size");
        checkIndex(index, size);
        checkProofHashes(proof);
        int expected = inclusionProofLength(index, size);
        if (proof.size() != expected) {
            throw new ProofException("inclusion proof for leaf " + index + " in tree of size "
                    + size + " has " + proof.size() + " hashes, expected " + expected);
        }
        // RFC 9162 §2.1.3.2, steps 2-5.
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new ProofException("inclusion proof for leaf " + index
                        + " is longer than the path to the root of a tree of size " + size);
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while (fn != 0 && (fn & 1) == 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = Hashes.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("inclusion proof for leaf " + index + " in tree of size " + size
                    + " is too short to reach the root");
        }
        if (!Arrays.equals(r, root)) {
            throw new ProofException("inclusion proof for leaf " + index + " in tree of size " + size
                    + " computes root " + Hashes.hex(r) + " but expected " + Hashes.hex(root));
        }
    }

    /**
     * Verifies a consistency proof with the algorithm of RFC 9162 §2.1.4.2.
     *
     * <p>{@code from == to} verifies iff the proof is empty and the roots are equal;
     * {@code from == 0} verifies iff the proof is empty and {@code fromRoot} is the empty-tree root
     * (C2SP witness behaviour, see the class comment).
     *
     * @throws IllegalArgumentException if {@code from > to}, a size is negative, or a root is not
     *     32 bytes
     * @throws ProofException if the proof does not show that {@code toRoot} extends
     *     {@code fromRoot}
     */
    public static void verifyConsistency(long from, long to, List<byte[]> proof, byte[] fromRoot,
            byte[] toRoot) throws ProofException {
        Hashes.requireHash(fromRoot, "old root");
        Hashes.requireHash(toRoot, "new root");
        checkSize(to, "new tree size");
        checkSizes(from, to);
        checkProofHashes(proof);
        if (from == 0) {
            if (!proof.isEmpty()) {
                throw new ProofException("consistency proof from size 0 has " + proof.size()
                        + " hashes, expected none");
            }
            byte[] empty = Hashes.emptyRoot();
            if (!Arrays.equals(fromRoot, empty)) {
                throw new ProofException("old root for size 0 is " + Hashes.hex(fromRoot)
                        + " but expected the empty-tree root " + Hashes.hex(empty));
            }
            if (to == 0 && !Arrays.equals(toRoot, empty)) {
                throw new ProofException("new root for size 0 is " + Hashes.hex(toRoot)
                        + " but expected the empty-tree root " + Hashes.hex(empty));
            }
            return;
        }
        if (from == to) {
            if (!proof.isEmpty()) {
                throw new ProofException("consistency proof between equal sizes " + from + " has "
                        + proof.size() + " hashes, expected none");
            }
            if (!Arrays.equals(fromRoot, toRoot)) {
                throw new ProofException("trees of equal size " + from + " have different roots "
                        + Hashes.hex(fromRoot) + " and " + Hashes.hex(toRoot));
            }
            return;
        }
        // RFC 9162 §2.1.4.2 step 1.
        if (proof.isEmpty()) {
            throw new ProofException("consistency proof from size " + from + " to " + to
                    + " is empty");
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        // Step 2: when the old tree is a complete subtree its root is the first node of the path.
        if (Long.bitCount(from) == 1) {
            path.add(fromRoot);
        }
        path.addAll(proof);
        // Steps 3-4.
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // Step 6.
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                throw new ProofException("consistency proof from size " + from + " to " + to
                        + " is longer than the path to the new root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.nodeHash(c, fr);
                sr = Hashes.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while (fn != 0 && (fn & 1) == 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = Hashes.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // Step 7.
        if (sn != 0) {
            throw new ProofException("consistency proof from size " + from + " to " + to
                    + " is too short to reach the new root");
        }
        if (!Arrays.equals(fr, fromRoot)) {
            throw new ProofException("consistency proof from size " + from + " to " + to
                    + " computes old root " + Hashes.hex(fr) + " but expected "
                    + Hashes.hex(fromRoot));
        }
        if (!Arrays.equals(sr, toRoot)) {
            throw new ProofException("consistency proof from size " + from + " to " + to
                    + " computes new root " + Hashes.hex(sr) + " but expected "
                    + Hashes.hex(toRoot));
        }
    }

    /**
     * Length of the inclusion proof of leaf {@code index} in a tree of {@code size} leaves: the
     * levels below the point where the paths to the leaf and to the last leaf diverge, plus one
     * hash for each left subtree passed on the way from there to the root.
     */
    static int inclusionProofLength(long index, long size) {
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        return inner + Long.bitCount(index >>> inner);
    }

    private static List<byte[]> resolveBottomUp(List<long[]> topDownRanges, HashReader reader) {
        RangePlan plan = new RangePlan();
        for (int i = topDownRanges.size() - 1; i >= 0; i--) {
            long[] r = topDownRanges.get(i);
            plan.add(r[0], r[1]);
        }
        return plan.resolve(reader);
    }

    private static void checkSize(long size, String what) {
        if (size < 0) {
            throw new IllegalArgumentException(what + " " + size + " must not be negative");
        }
        if (size > StoredHashes.MAX_TREE_SIZE) {
            throw new IllegalArgumentException(
                    what + " " + size + " exceeds the maximum " + StoredHashes.MAX_TREE_SIZE);
        }
    }

    private static void checkIndex(long index, long size) {
        if (index < 0) {
            throw new IllegalArgumentException("leaf index " + index + " must not be negative");
        }
        if (index >= size) {
            throw new IllegalArgumentException(
                    "leaf index " + index + " is not below tree size " + size);
        }
    }

    private static void checkSizes(long from, long to) {
        if (from < 0) {
            throw new IllegalArgumentException("old tree size " + from + " must not be negative");
        }
        if (from > to) {
            throw new IllegalArgumentException(
                    "old tree size " + from + " is larger than new tree size " + to);
        }
    }

    private static void checkProofHashes(List<byte[]> proof) throws ProofException {
        if (proof == null) {
            throw new IllegalArgumentException("proof must not be null");
        }
        // A path never has more than one hash per tree level.
        if (proof.size() > 64) {
            throw new ProofException("proof has " + proof.size() + " hashes, more than any tree has levels");
        }
        for (int i = 0; i < proof.size(); i++) {
            byte[] h = proof.get(i);
            if (h == null || h.length != Hashes.HASH_SIZE) {
                throw new ProofException("proof hash #" + i + " has "
                        + (h == null ? "no value" : h.length + " bytes") + ", expected "
                        + Hashes.HASH_SIZE + " bytes");
            }
        }
    }

    /**
     * Collects RFC 6962 subtree ranges, reads all stored hashes they cover in one batch and folds
     * each range into its subtree hash.
     */
    private static final class RangePlan {
        private final List<Integer> rangeStarts = new ArrayList<>();
        private long[] indexes = new long[16];
        private int count;

        void add(long lo, long hi) {
            rangeStarts.add(count);
            // Complete subtrees from the left: each is the largest power of two that is both
            // aligned at lo and fits before hi (for RFC 6962 ranges: the binary digits of hi − lo).
            while (lo < hi) {
                int level = 63 - Long.numberOfLeadingZeros(hi - lo);
                if (lo != 0) {
                    level = Math.min(level, Long.numberOfTrailingZeros(lo));
                }
                if (count == indexes.length) {
                    indexes = Arrays.copyOf(indexes, count * 2);
                }
                indexes[count++] = StoredHashes.storedHashIndex(level, lo >> level);
                lo += 1L << level;
            }
        }

        List<byte[]> resolve(HashReader reader) {
            if (count == 0) {
                return Collections.emptyList();
            }
            byte[][] hashes = StoredHashes.readChecked(reader, Arrays.copyOf(indexes, count));
            List<byte[]> out = new ArrayList<>(rangeStarts.size());
            for (int r = 0; r < rangeStarts.size(); r++) {
                int start = rangeStarts.get(r);
                int end = r + 1 < rangeStarts.size() ? rangeStarts.get(r + 1) : count;
                // MTH(D[n]) = HASH(0x01 || MTH(left) || MTH(right)) with the split at the largest
                // power of two, RFC 6962 §2.1: the right-to-left fold of the complete subtrees.
                byte[] h = hashes[end - 1];
                for (int i = end - 2; i >= start; i--) {
                    h = Hashes.nodeHash(hashes[i], h);
                }
                out.add(h.clone());
            }
            return out;
        }
    }
}
