package org.szmark.log.merkle;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Hex helpers so that hash lists compare and print readably in assertions. */
public final class TestHex {

    private TestHex() {
    }

    public static byte[] decode(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static String encode(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static List<String> encodeAll(List<byte[]> hashes) {
        List<String> out = new ArrayList<>(hashes.size());
        for (byte[] h : hashes) {
            out.add(encode(h));
        }
        return out;
    }

    public static List<byte[]> decodeAll(List<String> hex) {
        List<byte[]> out = new ArrayList<>(hex.size());
        for (String h : hex) {
            out.add(decode(h));
        }
        return out;
    }
}
