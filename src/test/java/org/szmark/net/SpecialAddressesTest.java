package org.szmark.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.szmark.net.SpecialAddresses.Block;

/**
 * Every block of the special-purpose table: its first and last address refused, and the addresses just outside
 * either accepted ({@code +}) or refused for another reason ({@code x}: a neighbouring block, or IPv6 outside
 * global unicast). The expectations are written out by hand here, not derived from the table. The addresses are
 * values given to the classifier only; nothing is ever sent to them.
 */
class SpecialAddressesTest {

    // block | first | last | below and its verdict | above and its verdict ("-" where there is none)
    static final String TABLE = """
            0.0.0.0/8          | 0.0.0.0         | 0.255.255.255   | -                  | 1.0.0.0 +
            0.0.0.0/32         | 0.0.0.0         | 0.0.0.0         | -                  | 0.0.0.1 x
            10.0.0.0/8         | 10.0.0.0        | 10.255.255.255  | 9.255.255.255 +    | 11.0.0.0 +
            100.64.0.0/10      | 100.64.0.0      | 100.127.255.255 | 100.63.255.255 +   | 100.128.0.0 +
            127.0.0.0/8        | 127.0.0.0       | 127.255.255.255 | 126.255.255.255 +  | 128.0.0.0 +
            169.254.0.0/16     | 169.254.0.0     | 169.254.255.255 | 169.253.255.255 +  | 169.255.0.0 +
            172.16.0.0/12      | 172.16.0.0      | 172.31.255.255  | 172.15.255.255 +   | 172.32.0.0 +
            192.0.0.0/24       | 192.0.0.0       | 192.0.0.255     | 191.255.255.255 +  | 192.0.1.0 +
            192.0.0.0/29       | 192.0.0.0       | 192.0.0.7       | -                  | 192.0.0.8 x
            192.0.0.8/32       | 192.0.0.8       | 192.0.0.8       | 192.0.0.7 x        | 192.0.0.9 x
            192.0.0.9/32       | 192.0.0.9       | 192.0.0.9       | 192.0.0.8 x        | 192.0.0.10 x
            192.0.0.10/32      | 192.0.0.10      | 192.0.0.10      | 192.0.0.9 x        | 192.0.0.11 x
            192.0.0.170/31     | 192.0.0.170     | 192.0.0.171     | 192.0.0.169 x      | 192.0.0.172 x
            192.0.2.0/24       | 192.0.2.0       | 192.0.2.255     | 192.0.1.255 +      | 192.0.3.0 +
            192.31.196.0/24    | 192.31.196.0    | 192.31.196.255  | 192.31.195.255 +   | 192.31.197.0 +
            192.52.193.0/24    | 192.52.193.0    | 192.52.193.255  | 192.52.192.255 +   | 192.52.194.0 +
            192.88.99.0/24     | 192.88.99.0     | 192.88.99.255   | 192.88.98.255 +    | 192.88.100.0 +
            192.168.0.0/16     | 192.168.0.0     | 192.168.255.255 | 192.167.255.255 +  | 192.169.0.0 +
            192.175.48.0/24    | 192.175.48.0    | 192.175.48.255  | 192.175.47.255 +   | 192.175.49.0 +
            198.18.0.0/15      | 198.18.0.0      | 198.19.255.255  | 198.17.255.255 +   | 198.20.0.0 +
            198.51.100.0/24    | 198.51.100.0    | 198.51.100.255  | 198.51.99.255 +    | 198.51.101.0 +
            203.0.113.0/24     | 203.0.113.0     | 203.0.113.255   | 203.0.112.255 +    | 203.0.114.0 +
            224.0.0.0/4        | 224.0.0.0       | 239.255.255.255 | 223.255.255.255 +  | 240.0.0.0 x
            240.0.0.0/4        | 240.0.0.0       | 255.255.255.255 | 239.255.255.255 x  | -
            255.255.255.255/32 | 255.255.255.255 | 255.255.255.255 | 255.255.255.254 x  | -
            ::1/128            | ::1             | ::1             | :: x               | ::2 x
            ::/128             | ::              | ::              | -                  | ::1 x
            ::ffff:0:0/96      | ::ffff:0:0      | ::ffff:ffff:ffff | ::fffe:ffff:ffff x | 0:0:0:1:: x
            ::/96              | ::              | ::ffff:ffff     | -                  | ::1:0:0 x
            64:ff9b::/96       | 64:ff9b::       | 64:ff9b::ffff:ffff | 64:ff9a:ffff:ffff:ffff:ffff:ffff:ffff x | 64:ff9b::1:0:0 x
            64:ff9b:1::/48     | 64:ff9b:1::     | 64:ff9b:1:ffff:ffff:ffff:ffff:ffff | 64:ff9b:0:ffff:ffff:ffff:ffff:ffff x | 64:ff9b:2:: x
            100::/64           | 100::           | 100::ffff:ffff:ffff:ffff | ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff x | 100:0:0:1:: x
            2001::/23          | 2001::          | 2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff | 2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff + | 2001:200:: +
            2001::/32          | 2001::          | 2001:0:ffff:ffff:ffff:ffff:ffff:ffff | 2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff + | 2001:1:: x
            2001:2::/48        | 2001:2::        | 2001:2:0:ffff:ffff:ffff:ffff:ffff | 2001:1:ffff:ffff:ffff:ffff:ffff:ffff x | 2001:2:1:: x
            2001:3::/32        | 2001:3::        | 2001:3:ffff:ffff:ffff:ffff:ffff:ffff | 2001:2:ffff:ffff:ffff:ffff:ffff:ffff x | 2001:4:: x
            2001:4:112::/48    | 2001:4:112::    | 2001:4:112:ffff:ffff:ffff:ffff:ffff | 2001:4:111:ffff:ffff:ffff:ffff:ffff x | 2001:4:113:: x
            2001:10::/28       | 2001:10::       | 2001:1f:ffff:ffff:ffff:ffff:ffff:ffff | 2001:f:ffff:ffff:ffff:ffff:ffff:ffff x | 2001:20:: x
            2001:20::/28       | 2001:20::       | 2001:2f:ffff:ffff:ffff:ffff:ffff:ffff | 2001:1f:ffff:ffff:ffff:ffff:ffff:ffff x | 2001:30:: x
            2001:30::/28       | 2001:30::       | 2001:3f:ffff:ffff:ffff:ffff:ffff:ffff | 2001:2f:ffff:ffff:ffff:ffff:ffff:ffff x | 2001:40:: x
            2001:db8::/32      | 2001:db8::      | 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff | 2001:db7:ffff:ffff:ffff:ffff:ffff:ffff + | 2001:db9:: +
            2002::/16          | 2002::          | 2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff + | 2003:: +
            2620:4f:8000::/48  | 2620:4f:8000::  | 2620:4f:8000:ffff:ffff:ffff:ffff:ffff | 2620:4f:7fff:ffff:ffff:ffff:ffff:ffff + | 2620:4f:8001:: +
            3fff::/20          | 3fff::          | 3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff | 3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff + | 3fff:1000:: +
            5f00::/16          | 5f00::          | 5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff x | 5f01:: x
            fc00::/7           | fc00::          | fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff x | fe00:: x
            fe80::/10          | fe80::          | febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff | fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff x | fec0:: x
            fec0::/10          | fec0::          | feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff x | ff00:: x
            ff00::/8           | ff00::          | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff x | -
            """;

    record Row(Cidr block, String first, String last, String below, String above) {}

    static List<Row> rows() {
        return TABLE.lines().filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split("\\|");
            return new Row(Cidr.parse(f[0].strip()), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip());
        }).toList();
    }

    static Optional<Block> refusal(String address) {
        return SpecialAddresses.refusal(Cidr.parseAddress(address));
    }

    @Test
    void theTableHasEveryBlockAndOnlyThose() {
        Set<Cidr> expected = new HashSet<>();
        for (Row r : rows()) expected.add(r.block());
        Set<Cidr> actual = new HashSet<>();
        for (Block b : SpecialAddresses.BLOCKS) actual.add(b.cidr());
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(SpecialAddresses.BLOCKS).hasSize(expected.size());
        assertThat(SpecialAddresses.BLOCKS).allSatisfy(b -> assertThat(b.reference()).matches("RFC [0-9]{3,4}( §[0-9.A-Z]+)?"));
    }

    @Test
    void firstAndLastAddressOfEveryBlockAreRefused() {
        for (Row r : rows()) {
            assertThat(Cidr.formatAddress(r.block().first())).as(r.block() + " first").isEqualTo(r.first());
            assertThat(Cidr.formatAddress(r.block().last())).as(r.block() + " last").isEqualTo(r.last());
            for (String a : List.of(r.first(), r.last())) {
                Optional<Block> why = refusal(a);
                assertThat(why).as(a + " in " + r.block()).isPresent();
                // the block itself decides, or one nested inside it (0.0.0.0 is "this host" within "this network")
                assertThat(r.block().covers(why.get().cidr())).as(a + " refused by " + why.get()).isTrue();
            }
        }
    }

    @Test
    void neighboursJustOutsideAreJudgedOnTheirOwn() {
        int accepted = 0;
        for (Row r : rows()) {
            for (String n : List.of(r.below(), r.above())) {
                if (n.equals("-")) continue;
                String[] parts = n.split(" ");
                byte[] address = Cidr.parseAddress(parts[0]);
                assertThat(r.block().contains(address)).as(parts[0] + " lies outside " + r.block()).isFalse();
                Optional<Block> why = SpecialAddresses.refusal(address);
                if (parts[1].equals("+")) {
                    assertThat(why).as(parts[0] + " next to " + r.block()).isEmpty();
                    accepted++;
                } else {
                    assertThat(why).as(parts[0] + " next to " + r.block()).isPresent();
                    assertThat(why.get().cidr()).as(parts[0] + " is refused by another rule").isNotEqualTo(r.block());
                }
            }
        }
        assertThat(accepted).isGreaterThan(40);
    }

    @Test
    void ipv6OutsideGlobalUnicastIsRefused() {
        assertThat(refusal("1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).contains(SpecialAddresses.OUTSIDE_GLOBAL_UNICAST);
        assertThat(refusal("4000::")).contains(SpecialAddresses.OUTSIDE_GLOBAL_UNICAST);
        assertThat(refusal("::1:2:3:4")).contains(SpecialAddresses.OUTSIDE_GLOBAL_UNICAST);
        assertThat(refusal("2000::")).isEmpty();
        assertThat(refusal("3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isEmpty();
        assertThat(refusal("2606:2800:220:1:248:1893:25c8:1946")).isEmpty();
    }

    @Test
    void embeddedIpv4AddressesAreJudgedByWhatTheyEmbed() {
        // 6to4 (RFC 3056 §2): bits 16-47
        assertThat(refusal("2002:c0a8:101::")).as("192.168.1.1").isPresent();
        assertThat(refusal("2002:a00:1:1::1")).as("10.0.0.1").isPresent();
        assertThat(refusal("2002:7f00:1::")).as("127.0.0.1").isPresent();
        assertThat(refusal("2002:a9fe:a9fe::")).as("169.254.169.254").isPresent();
        assertThat(refusal("2002:cb00:7101::")).as("203.0.113.1, TEST-NET-3").isPresent();
        assertThat(refusal("2002:5db8:d822::1")).as("93.184.216.34").isEmpty();
        // NAT64 well-known prefix (RFC 6052 §2.1): the last 32 bits
        assertThat(refusal("64:ff9b::a00:1")).as("10.0.0.1").isPresent();
        assertThat(refusal("64:ff9b::192.168.1.1")).isPresent();
        assertThat(refusal("64:ff9b::198.18.0.1")).as("benchmarking").isPresent();
        assertThat(refusal("64:ff9b::93.184.216.34")).as("a public IPv4 address through NAT64 is allowed").isEmpty();
        assertThat(refusal("64:ff9b:1::93.184.216.34")).as("local-use prefix: refused whatever it embeds").isPresent();
        // IPv4-mapped (RFC 4291 §2.5.5.2), as raw bytes: the JDK would turn them into IPv4 addresses
        assertThat(refusal("::ffff:10.0.0.1")).isPresent();
        assertThat(refusal("::ffff:127.0.0.1")).isPresent();
        assertThat(refusal("::ffff:93.184.216.34")).isEmpty();
        // IPv4-compatible is deprecated and refused even with a public address inside
        assertThat(refusal("::93.184.216.34")).isPresent();
        // Teredo is refused outright
        assertThat(refusal("2001:0:5db8:d822::1")).isPresent();
    }

    @Test
    void judgesJdkAddresses() throws Exception {
        assertThat(SpecialAddresses.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
        assertThat(SpecialAddresses.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(SpecialAddresses.isPublic(InetAddress.getByName("::ffff:10.0.0.1"))).isFalse();
        assertThat(SpecialAddresses.isPublic(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(SpecialAddresses.isPublic(InetAddress.getByName("fe80::1%1"))).isFalse();
        assertThat(SpecialAddresses.allPublic(List.of())).as("no address is not a public address").isFalse();
        assertThat(SpecialAddresses.allPublic(List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("198.51.100.1"))))
                .as("one special address among public ones is enough to refuse").isFalse();
        assertThat(SpecialAddresses.allPublic(List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("2606:4700::1"))))
                .isTrue();
    }
}
