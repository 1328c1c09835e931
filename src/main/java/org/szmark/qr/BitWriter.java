package org.szmark.qr;

import java.io.ByteArrayOutputStream;

/** Big-endian (most significant bit first) bit stream, padded with zero bits to a whole byte. */
final class BitWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    private int current;
    private int used;

    void write(long value, int bits) {
        for (int i = bits - 1; i >= 0; i--) {
            current = (current << 1) | (int) ((value >>> i) & 1);
            if (++used == 8) {
                out.write(current);
                current = 0;
                used = 0;
            }
        }
    }

    byte[] toByteArray() {
        if (used > 0) {
            write(0, 8 - used);
        }
        return out.toByteArray();
    }
}
