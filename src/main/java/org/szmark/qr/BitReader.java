package org.szmark.qr;

/** Reads a big-endian bit stream written by {@link BitWriter}. */
final class BitReader {

    private final byte[] data;
    private int position;

    BitReader(byte[] data) {
        this.data = data;
    }

    long read(int bits, String field) {
        if (position + bits > data.length * 8) {
            throw new TokenException(TokenException.Reason.TRUNCATED, "The token ends inside the " + field + ".");
        }
        long value = 0;
        for (int i = 0; i < bits; i++, position++) {
            value = (value << 1) | ((data[position >>> 3] >>> (7 - (position & 7))) & 1);
        }
        return value;
    }

    /** Bits up to the next byte boundary; an encoder writes zeros there. */
    int readPadding() {
        int bits = (8 - (position & 7)) & 7;
        return (int) read(bits, "padding");
    }

    /** Whole bytes consumed so far; only meaningful at a byte boundary. */
    int bytePosition() {
        return position >>> 3;
    }
}
