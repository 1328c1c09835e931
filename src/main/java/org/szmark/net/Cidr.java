package org.szmark.net;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address block in CIDR notation (RFC 4632 §3.1, RFC 4291 §2.3), with the parser and writer
 * of address literals side by side. Parsing never consults DNS: only literal text is accepted, and strictly
 * (dotted-quad IPv4 without leading zeros, RFC 4291 §2.2 IPv6 text), so a table written as text cannot
 * silently mean something else.
 */
public final class Cidr {

    /** Longest text {@link #parse} and {@link #parseAddress} look at; anything longer is not an address. */
    static final int MAX_TEXT = 64;

    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Parses {@code address/prefix}; the address's bits beyond the prefix must be zero. */
    public static Cidr parse(String text) {
        if (text == null || text.length() > MAX_TEXT) throw new IllegalArgumentException("not a CIDR block");
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) throw new IllegalArgumentException("CIDR block needs one '/': " + text);
        byte[] address = parseAddress(text.substring(0, slash));
        String p = text.substring(slash + 1);
        if (!p.matches("0|[1-9][0-9]{0,2}")) throw new IllegalArgumentException("bad prefix length: " + text);
        int prefix = Integer.parseInt(p);
        if (prefix > address.length * 8) throw new IllegalArgumentException("prefix longer than the address: " + text);
        Cidr c = new Cidr(address, prefix);
        if (!Arrays.equals(c.first(), address)) throw new IllegalArgumentException("host bits set in " + text);
        return c;
    }

    /** The block's canonical text: the writer's address form (RFC 5952 for IPv6) and the prefix length. */
    @Override
    public String toString() {
        return formatAddress(network) + "/" + prefix;
    }

    public int prefix() {
        return prefix;
    }

    /** 4 for IPv4, 16 for IPv6. */
    public int length() {
        return network.length;
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) return false;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) return false;
        }
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    /** Whether every address of {@code other} is in this block. */
    public boolean covers(Cidr other) {
        return other.network.length == network.length && other.prefix >= prefix && contains(other.network);
    }

    public byte[] first() {
        byte[] b = network.clone();
        for (int bit = prefix; bit < b.length * 8; bit++) b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        return b;
    }

    public byte[] last() {
        byte[] b = network.clone();
        for (int bit = prefix; bit < b.length * 8; bit++) b[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    // ---- address literals: parser and writer ----

    /** Parses an IPv4 dotted quad (4 bytes) or IPv6 text (16 bytes, RFC 4291 §2.2 forms 1 to 3). */
    public static byte[] parseAddress(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) throw new IllegalArgumentException("not an IP address");
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    }

    /** IPv4 as a dotted quad; IPv6 in the RFC 5952 canonical form (lower case, longest zero run as "::"). */
    public static String formatAddress(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        if (address.length != 16) throw new IllegalArgumentException("an address has 4 or 16 bytes");
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        // RFC 5952 §4.2: compress the longest run of two or more zero groups, the first if two are as long.
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') out.append(':');
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) throw new IllegalArgumentException("IPv4 address needs four parts: " + text);
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            // no leading zeros: "010" is octal to some parsers and decimal to others
            if (!parts[i].matches("0|[1-9][0-9]{0,2}")) throw new IllegalArgumentException("bad IPv4 part: " + text);
            int v = Integer.parseInt(parts[i]);
            if (v > 255) throw new IllegalArgumentException("IPv4 part over 255: " + text);
            b[i] = (byte) v;
        }
        return b;
    }

    private static byte[] parseIpv6(String text) {
        String head = text, tail = null;
        int gap = text.indexOf("::");
        if (gap >= 0) {
            if (text.indexOf("::", gap + 1) >= 0) throw new IllegalArgumentException("IPv6 address with two '::': " + text);
            head = text.substring(0, gap);
            tail = text.substring(gap + 2);
        }
        int[] front = groups(head, tail == null);
        int[] back = tail == null ? new int[0] : groups(tail, true);
        int count = front.length + back.length;
        if (tail == null ? count != 8 : count > 7) throw new IllegalArgumentException("IPv6 address needs eight groups: " + text);
        int[] all = new int[8];
        System.arraycopy(front, 0, all, 0, front.length);
        System.arraycopy(back, 0, all, 8 - back.length, back.length);
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[2 * i] = (byte) (all[i] >>> 8);
            b[2 * i + 1] = (byte) all[i];
        }
        return b;
    }

    /** Colon-separated groups; the last may be a dotted quad (two groups) when {@code lastPart}, RFC 4291 §2.2 form 3. */
    private static int[] groups(String text, boolean lastPart) {
        if (text.isEmpty()) return new int[0];
        String[] parts = text.split(":", -1);
        boolean dotted = lastPart && parts[parts.length - 1].indexOf('.') >= 0;
        int[] out = new int[parts.length + (dotted ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (dotted && i == parts.length - 1) {
                byte[] v4 = parseIpv4(p);
                out[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                out[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
            } else {
                if (!p.matches("[0-9A-Fa-f]{1,4}")) throw new IllegalArgumentException("bad IPv6 group '" + p + "'");
                out[i] = Integer.parseInt(p, 16);
            }
        }
        return out;
    }
}
