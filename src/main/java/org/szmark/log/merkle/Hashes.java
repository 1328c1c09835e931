package org.szmark.log.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The three hash functions of an RFC 6962 Merkle tree (SHA-256).
 *
 * <p>The one-byte prefixes give leaves and interior nodes disjoint preimages, so that a leaf can
 * never be passed off as an interior node (second-preimage protection, RFC 6962 §2.1).
 */
public final class Hashes {

    /** Size in bytes of every hash in the tree (SHA-256). */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private static final byte[] EMPTY_ROOT = sha256().digest();

    private Hashes() {
    }

    /** Leaf hash: {@code SHA-256(0x00 || entry)}, RFC 6962 §2.1. */
    public static byte[] leafHash(byte[] entry) {
        if (entry == null) {
            throw new IllegalArgumentException("entry must not be null");
        }
        MessageDigest md = sha256();
        md.update(LEAF_PREFIX);
        md.update(entry);
        return md.digest();
    }

    /** Interior node hash: {@code SHA-256(0x01 || left || right)}, RFC 6962 §2.1. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        MessageDigest md = sha256();
        md.update(NODE_PREFIX);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** Root of the empty tree: {@code SHA-256("")}, RFC 6962 §2.1. Returns a fresh copy. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    static void requireHash(byte[] hash, String what) {
        if (hash == null) {
            throw new IllegalArgumentException(what + " hash must not be null");
        }
        if (hash.length != HASH_SIZE) {
            throw new IllegalArgumentException(
                    what + " hash has " + hash.length + " bytes, expected " + HASH_SIZE);
        }
    }

    /** Lower-case hex, used in error messages so that mismatches can be read and compared. */
    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform is required to provide SHA-256.
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
