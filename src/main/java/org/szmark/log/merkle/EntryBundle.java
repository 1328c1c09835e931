package org.szmark.log.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Codec for entry bundle contents, c2sp.org/tlog-tiles "Log entries": a sequence of entries each
 * prefixed by its length as a big-endian uint16. A bundle holds 1 to 256 entries.
 */
public final class EntryBundle {

    /** Largest entry a uint16 length prefix can describe. */
    public static final int MAX_ENTRY_SIZE = 0xFFFF;

    /** Entries in a full bundle. */
    public static final int MAX_ENTRIES = TilePaths.FULL_WIDTH;

    private EntryBundle() {
    }

    /**
     * Encodes 1 to 256 entries.
     *
     * @throws IllegalArgumentException for an empty list, more than 256 entries, a null entry or
     *     an entry longer than 65535 bytes
     */
    public static byte[] write(List<byte[]> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("an entry bundle holds at least one entry");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("an entry bundle holds at most " + MAX_ENTRIES
                    + " entries, got " + entries.size());
        }
        int total = 0;
        for (int i = 0; i < entries.size(); i++) {
            byte[] e = entries.get(i);
            if (e == null) {
                throw new IllegalArgumentException("entry #" + i + " is null");
            }
            if (e.length > MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException("entry #" + i + " has " + e.length
                        + " bytes, more than the uint16 length prefix allows (" + MAX_ENTRY_SIZE + ")");
            }
            total += 2 + e.length;
        }
        byte[] out = new byte[total];
        int pos = 0;
        for (byte[] e : entries) {
            // uint16 length, big-endian (network byte order).
            out[pos++] = (byte) (e.length >>> 8);
            out[pos++] = (byte) e.length;
            System.arraycopy(e, 0, out, pos, e.length);
            pos += e.length;
        }
        return out;
    }

    /**
     * Decodes a bundle.
     *
     * @throws IllegalArgumentException if the data is empty, truncated (in a length prefix or in an
     *     entry) or holds more than 256 entries
     */
    public static List<byte[]> parse(byte[] data) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("an entry bundle holds at least one entry");
        }
        List<byte[]> out = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            if (out.size() == MAX_ENTRIES) {
                throw new IllegalArgumentException(
                        "entry bundle has data after its " + MAX_ENTRIES + "th entry");
            }
            if (data.length - pos < 2) {
                throw new IllegalArgumentException(
                        "entry bundle truncated in the length prefix at offset " + pos);
            }
            int len = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
            pos += 2;
            if (data.length - pos < len) {
                throw new IllegalArgumentException("entry #" + out.size() + " at offset " + (pos - 2)
                        + " declares " + len + " bytes but only " + (data.length - pos) + " remain");
            }
            byte[] e = new byte[len];
            System.arraycopy(data, pos, e, 0, len);
            out.add(e);
            pos += len;
        }
        return out;
    }

    /**
     * Decodes a bundle that must hold exactly {@code expectedEntries} entries (the width of its
     * path).
     */
    public static List<byte[]> parse(byte[] data, int expectedEntries) {
        List<byte[]> out = parse(data);
        if (out.size() != expectedEntries) {
            throw new IllegalArgumentException("entry bundle has " + out.size()
                    + " entries, expected " + expectedEntries);
        }
        return out;
    }
}
