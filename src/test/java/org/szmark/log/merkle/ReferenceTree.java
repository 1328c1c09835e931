package org.szmark.log.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A direct transcription of the recursive definitions of RFC 6962 §2.1 (MTH, PATH, PROOF) over a
 * list of leaf hashes, used as an oracle independent of the stored-hash layout. Subtree hashes are
 * memoised so that many proofs can be checked quickly.
 */
final class ReferenceTree {

    private final List<byte[]> leaves;
    private final Map<Long, byte[]> memo = new HashMap<>();

    ReferenceTree(List<byte[]> leafHashes) {
        this.leaves = leafHashes;
    }

    /** MTH(D[lo:hi]). */
    byte[] mth(long lo, long hi) {
        long n = hi - lo;
        if (n == 0) {
            return Hashes.emptyRoot();
        }
        if (n == 1) {
            return leaves.get((int) lo);
        }
        long key = lo * 1_000_003L + hi;
        byte[] cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        long k = largestPowerOfTwoBelow(n);
        byte[] h = Hashes.nodeHash(mth(lo, lo + k), mth(lo + k, hi));
        memo.put(key, h);
        return h;
    }

    /** PATH(m, D[lo:hi]). */
    List<byte[]> path(long m, long lo, long hi) {
        long n = hi - lo;
        List<byte[]> out = new ArrayList<>();
        if (n <= 1) {
            return out;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            out.addAll(path(m, lo, lo + k));
            out.add(mth(lo + k, hi));
        } else {
            out.addAll(path(m - k, lo + k, hi));
            out.add(mth(lo, lo + k));
        }
        return out;
    }

    /** PROOF(m, D[0:n]). */
    List<byte[]> proof(long m, long n) {
        return subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(long m, long lo, long hi, boolean b) {
        long n = hi - lo;
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(lo, hi));
            }
            return out;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            out.addAll(subproof(m, lo, lo + k, b));
            out.add(mth(lo + k, hi));
        } else {
            out.addAll(subproof(m - k, lo + k, hi, false));
            out.add(mth(lo, lo + k));
        }
        return out;
    }

    private static long largestPowerOfTwoBelow(long n) {
        long k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }
}
