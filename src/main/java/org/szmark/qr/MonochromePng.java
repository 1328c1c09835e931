package org.szmark.qr;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a black-and-white image as a PNG of bit depth 1, greyscale (RFC 2083 / PNG 3rd edition), with
 * no detour through an image library: a QR code is a grid of modules, so each module becomes a square
 * of {@code scale} pixels and a row of pixels is packed eight to a byte.
 */
public final class MonochromePng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private MonochromePng() {
    }

    /** Whether the module at (x, y) is dark. */
    @FunctionalInterface
    public interface Modules {
        boolean dark(int x, int y);
    }

    /**
     * @param modules the grid, {@code width} × {@code height} modules
     * @param margin quiet zone around the grid, in modules
     * @param scale pixels per module edge
     */
    public static byte[] write(Modules modules, int width, int height, int margin, int scale) {
        if (width < 1 || height < 1 || margin < 0 || scale < 1) {
            throw new IllegalArgumentException("grid must be at least 1x1 with a non-negative margin and a positive scale");
        }
        int pixelsWide = (width + 2 * margin) * scale;
        int pixelsHigh = (height + 2 * margin) * scale;
        int rowBytes = (pixelsWide + 7) / 8;
        // Each scanline is its filter type (0, None; PNG §9.2) followed by the packed pixels: 1 is white.
        byte[] raw = new byte[(rowBytes + 1) * pixelsHigh];
        byte[] line = new byte[rowBytes];
        int at = 0;
        for (int py = 0; py < pixelsHigh; py++) {
            if (py % scale == 0) {
                int my = py / scale - margin;
                java.util.Arrays.fill(line, (byte) 0xFF);
                if (my >= 0 && my < height) {
                    for (int mx = 0; mx < width; mx++) {
                        if (!modules.dark(mx, my)) continue;
                        int from = (mx + margin) * scale;
                        for (int px = from; px < from + scale; px++) {
                            line[px >> 3] &= (byte) ~(0x80 >>> (px & 7));
                        }
                    }
                }
            }
            raw[at++] = 0;
            System.arraycopy(line, 0, raw, at, rowBytes);
            at += rowBytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 128);
        out.writeBytes(SIGNATURE);
        // IHDR: width, height, bit depth 1, colour type 0 (greyscale), deflate, adaptive filtering, no interlace (PNG §11.2.2)
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(pixelsWide).putInt(pixelsHigh)
                .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 8 + 64);
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** length, type, data, CRC-32 of type and data (PNG §5.3). */
    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
