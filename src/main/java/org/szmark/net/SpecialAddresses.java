package org.szmark.net;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which IP addresses are not ordinary public destinations: the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries (RFC 6890 and the RFCs that updated them), multicast and reserved space, and, for IPv6,
 * everything outside global unicast. The registry posts webhooks only to addresses this class calls public,
 * so a URL cannot make it reach loopback, an internal network, a documentation range or a translator that
 * leads to either.
 *
 * <p>Blocks that embed an IPv4 address (IPv4-mapped, the NAT64 well-known prefix, 6to4) are judged by that
 * IPv4 address: {@code 2002:c0a8:101::} is 192.168.1.1 behind a 6to4 relay and is refused like it;
 * {@code 64:ff9b::a00:1} is 10.0.0.1 through a NAT64 gateway, which RFC 6052 §3.1 forbids for the
 * well-known prefix anyway. With a public IPv4 address inside they are public: an IPv6-only network reaches
 * the IPv4 internet through the well-known prefix, and a mapped address is the IPv4 address itself.
 */
public final class SpecialAddresses {

    private SpecialAddresses() {}

    /** What a block means for a destination. */
    public enum Rule {
        /** never a destination */
        REFUSE,
        /** judged by the IPv4 address it embeds */
        EMBEDDED_IPV4
    }

    /**
     * One block of the table. {@code ipv4At} is the byte offset of the embedded IPv4 address for
     * {@link Rule#EMBEDDED_IPV4}, otherwise -1.
     */
    public record Block(Cidr cidr, String name, String reference, Rule rule, int ipv4At) {
        @Override
        public String toString() {
            return cidr + " " + name + " (" + reference + ")";
        }
    }

    /**
     * IPv6 addresses outside 2000::/3 that no block names: not allocated as global unicast (RFC 4291 §2.4,
     * IANA IPv6 Address Space registry), so no public host has one.
     */
    public static final Block OUTSIDE_GLOBAL_UNICAST =
            new Block(Cidr.parse("2000::/3"), "outside IPv6 global unicast", "RFC 4291 §2.4", Rule.REFUSE, -1);

    /** The table, in the registries' order. The most specific block that contains an address decides. */
    public static final List<Block> BLOCKS = List.of(
            // ---- IPv4: IANA IPv4 Special-Purpose Address Registry (RFC 6890 §2.2.2, as updated) ----
            refuse("0.0.0.0/8", "this network", "RFC 1122 §3.2.1.3"),
            refuse("0.0.0.0/32", "this host on this network", "RFC 1122 §3.2.1.3"),
            refuse("10.0.0.0/8", "private-use", "RFC 1918 §3"),
            refuse("100.64.0.0/10", "shared address space (carrier-grade NAT)", "RFC 6598"),
            refuse("127.0.0.0/8", "loopback", "RFC 1122 §3.2.1.3"),
            refuse("169.254.0.0/16", "link-local (cloud metadata services live here)", "RFC 3927"),
            refuse("172.16.0.0/12", "private-use", "RFC 1918 §3"),
            refuse("192.0.0.0/24", "IETF protocol assignments", "RFC 6890 §2.1"),
            refuse("192.0.0.0/29", "IPv4 service continuity prefix (DS-Lite)", "RFC 7335"),
            refuse("192.0.0.8/32", "IPv4 dummy address", "RFC 7600"),
            refuse("192.0.0.9/32", "Port Control Protocol anycast", "RFC 7723"),
            refuse("192.0.0.10/32", "TURN anycast", "RFC 8155"),
            refuse("192.0.0.170/31", "NAT64/DNS64 discovery", "RFC 8880"),
            refuse("192.0.2.0/24", "documentation (TEST-NET-1)", "RFC 5737 §3"),
            refuse("192.31.196.0/24", "AS112-v4", "RFC 7535"),
            refuse("192.52.193.0/24", "AMT", "RFC 7450"),
            refuse("192.88.99.0/24", "deprecated 6to4 relay anycast", "RFC 7526"),
            refuse("192.168.0.0/16", "private-use", "RFC 1918 §3"),
            refuse("192.175.48.0/24", "direct delegation AS112 service", "RFC 7534"),
            refuse("198.18.0.0/15", "benchmarking", "RFC 2544"),
            refuse("198.51.100.0/24", "documentation (TEST-NET-2)", "RFC 5737 §3"),
            refuse("203.0.113.0/24", "documentation (TEST-NET-3)", "RFC 5737 §3"),
            refuse("224.0.0.0/4", "multicast", "RFC 5771"),
            refuse("240.0.0.0/4", "reserved", "RFC 1112 §4"),
            refuse("255.255.255.255/32", "limited broadcast", "RFC 919 §7"),

            // ---- IPv6: IANA IPv6 Special-Purpose Address Registry (RFC 6890 §2.2.3, as updated) ----
            refuse("::1/128", "loopback", "RFC 4291 §2.5.3"),
            refuse("::/128", "unspecified", "RFC 4291 §2.5.2"),
            embedded("::ffff:0:0/96", "IPv4-mapped", "RFC 4291 §2.5.5.2", 12),
            // Deprecated and routed nowhere (RFC 4291 §2.5.5.1): refused outright rather than judged.
            refuse("::/96", "IPv4-compatible (deprecated)", "RFC 4291 §2.5.5.1"),
            embedded("64:ff9b::/96", "IPv4/IPv6 translation, well-known prefix", "RFC 6052 §2.1", 12),
            // Local-use translation: where the IPv4 address sits and where it leads is each network's own choice.
            refuse("64:ff9b:1::/48", "IPv4/IPv6 translation, local use", "RFC 8215"),
            refuse("100::/64", "discard-only", "RFC 6666"),
            refuse("2001::/23", "IETF protocol assignments", "RFC 2928"),
            // Teredo relays to a client whose IPv4 address is obfuscated in the low bits: refused, not judged.
            refuse("2001::/32", "Teredo", "RFC 4380"),
            refuse("2001:2::/48", "benchmarking", "RFC 5180"),
            refuse("2001:3::/32", "AMT", "RFC 7450"),
            refuse("2001:4:112::/48", "AS112-v6", "RFC 7535"),
            refuse("2001:10::/28", "ORCHID (deprecated)", "RFC 4843"),
            refuse("2001:20::/28", "ORCHIDv2", "RFC 7343"),
            refuse("2001:30::/28", "Drone Remote ID entity tags", "RFC 9374"),
            refuse("2001:db8::/32", "documentation", "RFC 3849"),
            embedded("2002::/16", "6to4", "RFC 3056 §2", 2),
            refuse("2620:4f:8000::/48", "direct delegation AS112 service", "RFC 7534"),
            refuse("3fff::/20", "documentation", "RFC 9637"),
            refuse("5f00::/16", "segment routing (SRv6) SIDs", "RFC 9602"),
            refuse("fc00::/7", "unique local", "RFC 4193"),
            refuse("fe80::/10", "link-local unicast", "RFC 4291 §2.5.6"),
            refuse("fec0::/10", "site-local (deprecated)", "RFC 3879"),
            refuse("ff00::/8", "multicast", "RFC 4291 §2.7"));

    /** Whether an address is an ordinary public destination. */
    public static boolean isPublic(InetAddress address) {
        return refusal(address.getAddress()).isEmpty();
    }

    /** Whether every address is public; an empty answer is not. */
    public static boolean allPublic(List<InetAddress> addresses) {
        if (addresses.isEmpty()) return false;
        for (InetAddress a : addresses) {
            if (!isPublic(a)) return false;
        }
        return true;
    }

    /**
     * The block that makes an address (4 or 16 bytes) unfit as a destination, or empty when it is public. For
     * a block judged by its embedded IPv4 address, that block is the answer when the IPv4 address is refused.
     */
    public static Optional<Block> refusal(byte[] address) {
        if (address.length != 4 && address.length != 16) throw new IllegalArgumentException("an address has 4 or 16 bytes");
        Block decides = mostSpecific(address);
        if (decides == null) {
            return address.length == 16 && !OUTSIDE_GLOBAL_UNICAST.cidr().contains(address)
                    ? Optional.of(OUTSIDE_GLOBAL_UNICAST) : Optional.empty();
        }
        if (decides.rule() == Rule.REFUSE) return Optional.of(decides);
        byte[] v4 = new byte[4];
        System.arraycopy(address, decides.ipv4At(), v4, 0, 4);
        return refusal(v4).isPresent() ? Optional.of(decides) : Optional.empty();
    }

    /** The longest-prefix block containing the address, or null. */
    static Block mostSpecific(byte[] address) {
        Block best = null;
        for (Block b : BLOCKS) {
            if (b.cidr().contains(address) && (best == null || b.cidr().prefix() > best.cidr().prefix())) best = b;
        }
        return best;
    }

    private static Block refuse(String cidr, String name, String reference) {
        return new Block(Cidr.parse(cidr), name, reference, Rule.REFUSE, -1);
    }

    private static Block embedded(String cidr, String name, String reference, int ipv4At) {
        return new Block(Cidr.parse(cidr), name, reference, Rule.EMBEDDED_IPV4, ipv4At);
    }
}
