package org.szmark.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The CIDR and address-literal parser against its writer, and every malformed shape it must refuse. */
class CidrTest {

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void parsesAndWritesIpv4() {
        assertThat(hex(Cidr.parseAddress("192.0.2.1"))).isEqualTo("c0000201");
        assertThat(hex(Cidr.parseAddress("0.0.0.0"))).isEqualTo("00000000");
        assertThat(hex(Cidr.parseAddress("255.255.255.255"))).isEqualTo("ffffffff");
        assertThat(Cidr.formatAddress(new byte[] {(byte) 198, 51, 100, 7})).isEqualTo("198.51.100.7");
    }

    @Test
    void parsesEveryIpv6TextForm() {
        // RFC 4291 §2.2: full, compressed, and with a dotted IPv4 tail
        assertThat(hex(Cidr.parseAddress("2001:db8:0:0:8:800:200c:417a"))).isEqualTo("20010db80000000000080800200c417a");
        assertThat(hex(Cidr.parseAddress("2001:DB8::8:800:200C:417A"))).isEqualTo("20010db80000000000080800200c417a");
        assertThat(hex(Cidr.parseAddress("::"))).isEqualTo("0".repeat(32));
        assertThat(hex(Cidr.parseAddress("::1"))).isEqualTo("0".repeat(31) + "1");
        assertThat(hex(Cidr.parseAddress("ff02::"))).isEqualTo("ff02" + "0".repeat(28));
        assertThat(hex(Cidr.parseAddress("::ffff:192.0.2.1"))).isEqualTo("0".repeat(20) + "ffffc0000201");
        assertThat(hex(Cidr.parseAddress("64:ff9b::10.0.0.1"))).isEqualTo("0064ff9b" + "0".repeat(16) + "0a000001");
        assertThat(hex(Cidr.parseAddress("1:2:3:4:5:6:7:8"))).isEqualTo("00010002000300040005000600070008");
        assertThat(hex(Cidr.parseAddress("1:2:3:4:5:6:1.2.3.4"))).isEqualTo("00010002000300040005000601020304");
    }

    @Test
    void writesIpv6InTheCanonicalForm() {
        // RFC 5952 §4: lower case, no leading zeros, the longest zero run compressed (the first of equals), never one group
        assertThat(w("2001:0db8:0000:0000:0000:0000:0002:0001")).isEqualTo("2001:db8::2:1");
        assertThat(w("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(w("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1");
        assertThat(w("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(w("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(w("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(w("fe80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
        assertThat(w("::ffff:0:0")).isEqualTo("::ffff:0:0");
    }

    private static String w(String text) {
        return Cidr.formatAddress(Cidr.parseAddress(text));
    }

    @Test
    void agreesWithTheJdkOnLiterals() throws Exception {
        for (String s : new String[] {"2606:2800:220:1:248:1893:25c8:1946", "fd12:3456::1", "2002:c0a8:101::", "1::", "::2:3",
                "a:b:c:d:e:f:1:2", "93.184.216.34", "8.8.4.4"}) {
            assertThat(Cidr.parseAddress(s)).as(s).isEqualTo(InetAddress.getByName(s).getAddress());
        }
    }

    @Test
    void roundTripsBlocks() {
        for (String s : new String[] {"0.0.0.0/0", "10.0.0.0/8", "100.64.0.0/10", "192.0.0.170/31", "255.255.255.255/32",
                "::/0", "::/128", "::1/128", "::ffff:0:0/96", "64:ff9b:1::/48", "2001::/23", "2001:db8::/32", "3fff::/20",
                "fc00::/7", "fe80::/10"}) {
            assertThat(Cidr.parse(s)).as(s).hasToString(s);
            assertThat(Cidr.parse(Cidr.parse(s).toString())).isEqualTo(Cidr.parse(s));
        }
        assertThat(Cidr.parse("FE80::/10")).hasToString("fe80::/10");
    }

    @Test
    void knowsItsBounds() {
        Cidr c = Cidr.parse("100.64.0.0/10");
        assertThat(Cidr.formatAddress(c.first())).isEqualTo("100.64.0.0");
        assertThat(Cidr.formatAddress(c.last())).isEqualTo("100.127.255.255");
        assertThat(c.contains(Cidr.parseAddress("100.127.255.255"))).isTrue();
        assertThat(c.contains(Cidr.parseAddress("100.128.0.0"))).isFalse();
        assertThat(c.contains(Cidr.parseAddress("100.63.255.255"))).isFalse();
        assertThat(c.contains(Cidr.parseAddress("::ffff:100.64.0.1"))).as("another family never matches").isFalse();
        Cidr v6 = Cidr.parse("2001::/23");
        assertThat(Cidr.formatAddress(v6.last())).isEqualTo("2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff");
        assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.parseAddress("203.0.113.9"))).isTrue();
        assertThat(Cidr.parse("2001::/23").covers(Cidr.parse("2001:db8::/32"))).isFalse();
        assertThat(Cidr.parse("2001::/23").covers(Cidr.parse("2001:20::/28"))).isTrue();
    }

    @Test
    void refusesMalformedText() {
        for (String bad : new String[] {"", "10.0.0.0", "10.0.0.0/", "/8", "10.0.0.0/8/8", "10.0.0.0/33", "10.0.0.0/-1",
                "10.0.0.0/08", "10.0.0.1/8", "10.0.0/8", "10.0.0.0.0/8", "010.0.0.0/8", "256.0.0.0/8", "1e.0.0.0/8",
                " 10.0.0.0/8", "::/129", "fe80::1/10", ":::/0", "1:::2/128", "1::2::3/128", "12345::/16", "g::/16",
                "1:2:3:4:5:6:7:8:9/128", "1:2:3:4:5:6:7/128", "::ffff:1.2.3/128", "1.2.3.4::/128", ":1::/128", "localhost/8",
                "x".repeat(100)}) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Cidr.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parseAddress("example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.formatAddress(new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }
}
