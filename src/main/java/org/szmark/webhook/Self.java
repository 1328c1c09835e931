package org.szmark.webhook;

import java.util.Locale;
import java.util.Set;
import org.szmark.net.Cidr;

/**
 * Where the registry itself answers: its listening ports on any of its own addresses (every local interface,
 * loopback and the unspecified address), and its public origin (the public base URL's host and port, and the
 * addresses that host resolves to). A webhook aimed there would run a request through the registry's own API,
 * which is never useful and may be harmful, so it is refused with private targets allowed or not.
 *
 * @param ports         the registry's listening ports (http, https, management)
 * @param localAddresses this machine's interface addresses, in {@link Cidr#formatAddress} form
 * @param baseHost      the public base URL's host, lower case, IPv6 without brackets
 * @param basePort      the public base URL's effective port
 * @param baseAddresses the addresses {@code baseHost} resolved to, in {@link Cidr#formatAddress} form
 */
record Self(Set<Integer> ports, Set<String> localAddresses, String baseHost, int basePort, Set<String> baseAddresses) {

    /** Whether a URL's host (lower case, bare) and port name the registry without looking anything up. */
    boolean isSelfName(String host, int port) {
        if (host.equals(baseHost) && port == basePort) return true;
        if (host.equals("localhost") || host.endsWith(".localhost")) return ports.contains(port);   // RFC 6761 §6.3
        byte[] literal = literal(host);
        return literal != null && isSelf(literal, port);
    }

    /** Whether connecting to {@code address} (4 or 16 bytes) on {@code port} reaches the registry. */
    boolean isSelf(byte[] address, int port) {
        byte[] a = unmapped(address);
        String key = Cidr.formatAddress(a);
        if (port == basePort && baseAddresses.contains(key)) return true;
        if (!ports.contains(port)) return false;
        return isLoopback(a) || isUnspecified(a) || localAddresses.contains(key);
    }

    /** An IP literal host as bytes, or null for a name. Never a lookup. */
    static byte[] literal(String host) {
        if (!host.matches("[0-9.]+") && !host.contains(":")) return null;
        try {
            return Cidr.parseAddress(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address (RFC 4291 §2.5.5.2), else the address itself. */
    static byte[] unmapped(byte[] a) {
        if (a.length != 16) return a;
        for (int i = 0; i < 10; i++) if (a[i] != 0) return a;
        if (a[10] != (byte) 0xff || a[11] != (byte) 0xff) return a;
        return new byte[] {a[12], a[13], a[14], a[15]};
    }

    // Every 127/8 address and ::1 reach a listener on the loopback interface (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3).
    private static boolean isLoopback(byte[] a) {
        if (a.length == 4) return a[0] == 127;
        for (int i = 0; i < 15; i++) if (a[i] != 0) return false;
        return a[15] == 1;
    }

    // Connecting to 0.0.0.0 or :: reaches the local host on Linux and others.
    private static boolean isUnspecified(byte[] a) {
        for (byte b : a) if (b != 0) return false;
        return true;
    }
}
