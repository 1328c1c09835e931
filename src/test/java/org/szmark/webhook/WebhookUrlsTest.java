package org.szmark.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.szmark.common.InvalidInput;

/**
 * The URL rules and the choice of where an attempt connects, without a running registry. Names resolve
 * through a fixed table, never DNS; the addresses are values given to the rules, nothing is sent to them.
 */
class WebhookUrlsTest {

    /**
     * The registry listens on 8080, 8443 and 9000; one of its interfaces has a public address; its public
     * base URL is https://registry.example.cn, which resolves to a load balancer's address.
     */
    static final Self SELF = new Self(Set.of(8080, 8443, 9000), Set.of("127.0.0.1", "93.184.216.99", "fe80::1"),
            "registry.example.cn", 443, Set.of("93.184.216.50"));

    static final Map<String, List<String>> DNS = Map.of(
            "hooks.example.com", List.of("93.184.216.34"),
            "intranet.example.com", List.of("10.1.2.3"),
            "metadata.example.com", List.of("169.254.169.254"),
            "cgnat.example.com", List.of("100.64.0.7"),
            "docs.example.com", List.of("192.0.2.7"),
            "v6.example.com", List.of("2606:2800:220:1:248:1893:25c8:1946"),
            "ula.example.com", List.of("fd12:3456::1"),
            "mixed.example.com", List.of("93.184.216.34", "10.0.0.1"),
            "lb.example.com", List.of("93.184.216.50"),
            "box.example.com", List.of("93.184.216.99"));

    static InetAddress[] lookup(String host) throws UnknownHostException {
        if (host.matches("[0-9.]+") || host.contains(":")) return new InetAddress[] {InetAddress.getByName(host)};
        List<String> ips = DNS.get(host);
        if (ips == null) throw new UnknownHostException(host);
        InetAddress[] out = new InetAddress[ips.size()];
        for (int i = 0; i < out.length; i++) out[i] = InetAddress.getByAddress(host, InetAddress.getByName(ips.get(i)).getAddress());
        return out;
    }

    static final Resolver RESOLVER = WebhookUrlsTest::lookup;

    static String refusal(String url, boolean allowPrivate) {
        try {
            WebhookUrls.check(url, SELF, allowPrivate, RESOLVER);
            return null;
        } catch (InvalidInput e) {
            assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("url");
            return e.fieldErrors().get(0).message();
        }
    }

    @Test
    void acceptsPublicHttpAndHttps() {
        assertThat(refusal("https://hooks.example.com/szmark?x=1", false)).isNull();
        assertThat(refusal("http://hooks.example.com:8080/szmark", false)).isNull();
        assertThat(refusal("HTTPS://HOOKS.example.com/", false)).isNull();
        assertThat(refusal("https://v6.example.com/", false)).isNull();
        assertThat(refusal("https://8.8.8.8/", false)).isNull();
        assertThat(WebhookUrls.check("  https://hooks.example.com/a  ", SELF, false, RESOLVER)).hasToString("https://hooks.example.com/a");
    }

    @Test
    void refusesMalformedUrls() {
        assertThat(refusal(null, true)).isEqualTo("is required");
        assertThat(refusal("  ", true)).isEqualTo("is required");
        assertThat(refusal("ftp://hooks.example.com/x", true)).contains("http or https");
        assertThat(refusal("file:///etc/passwd", true)).contains("http or https");
        assertThat(refusal("mailto:ops@example.com", true)).contains("http or https");
        assertThat(refusal("/relative/path", true)).contains("http or https");
        assertThat(refusal("http://", true)).isNotNull();
        assertThat(refusal("http:///path", true)).contains("host");
        assertThat(refusal("http://exa mple.com/", true)).isEqualTo("is not a valid URL");
        assertThat(refusal("https://user:pw@hooks.example.com/", true)).contains("user name or password");
        assertThat(refusal("https://hooks.example.com/#frag", true)).contains("fragment");
        assertThat(refusal("https://hooks.example.com:99999/", true)).contains("port");
        assertThat(refusal("https://hooks.example.com/" + "a".repeat(2000), true)).contains("2000");
        assertThatThrownBy(() -> WebhookUrls.check("gopher://x", SELF, true, RESOLVER)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void refusesTheRegistryItselfWithPrivateTargetsAllowedOrNot() {
        for (boolean allowPrivate : new boolean[] {true, false}) {
            for (String url : new String[] {"https://registry.example.cn/api/v1/webhooks", "https://REGISTRY.example.cn:443/",
                    "http://localhost:8080/", "http://api.localhost:8443/", "http://127.0.0.1:8080/", "http://127.0.0.2:8080/",
                    "http://[::1]:8080/", "http://0.0.0.0:8080/", "http://[::]:8443/", "http://127.0.0.1:9000/",
                    "http://93.184.216.99:8080/", "http://[fe80::1]:8080/", "http://[::ffff:127.0.0.1]:8080/",
                    "https://93.184.216.50/"}) {
                assertThat(refusal(url, allowPrivate)).as(url + " allowPrivate=" + allowPrivate).contains("registry itself");
            }
        }
        // Production resolves at registration: a name for the registry's own address is itself too.
        assertThat(refusal("https://lb.example.com/", false)).contains("registry itself");
        assertThat(refusal("http://box.example.com:9000/", false)).contains("registry itself");
        // another port, or the public host on plain http, is someone else
        assertThat(refusal("http://127.0.0.1:9001/", true)).isNull();
        assertThat(refusal("http://registry.example.cn/", true)).isNull();
        assertThat(refusal("http://93.184.216.99:8081/", false)).isNull();
        assertThat(refusal("http://127.1:8080/", true)).isNotNull();   // not a host name java.net.URI accepts either
    }

    @Test
    void refusesNonPublicAddressesUnlessAllowed() {
        for (String url : new String[] {"http://127.0.0.1:9001/", "http://localhost:9001/", "http://[::1]:9001/",
                "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/", "http://0.0.0.0/", "http://[fd00::1]/", "http://[fe80::2]/", "http://[::ffff:10.0.0.1]/",
                "http://224.0.0.1/", "http://192.0.2.1/", "http://198.51.100.1/", "http://203.0.113.1/", "http://198.18.0.1/",
                "http://[2001:db8::1]/", "http://[2002:c0a8:101::]/", "http://[64:ff9b::a00:1]/", "http://[3fff::1]/",
                "https://intranet.example.com/", "https://metadata.example.com/", "https://cgnat.example.com/",
                "https://ula.example.com/", "https://docs.example.com/", "https://mixed.example.com/"}) {
            String resolvable = url.contains("localhost") ? url.replace("localhost", "127.0.0.1") : url;
            String why = refusal(resolvable, false);
            assertThat(why).as(url).contains("non-public");
            assertThat(why).as("a refusal never names an address").doesNotContainPattern("[0-9]+\\.[0-9]+\\.[0-9]+");
            assertThat(refusal(resolvable, true)).as(url).isNull();
        }
        assertThat(refusal("https://no-such-host.example.com/", false)).contains("cannot be resolved");
        assertThat(refusal("https://no-such-host.example.com/", true)).as("names are not looked up when private targets are allowed").isNull();
    }

    // ---- where an attempt connects ----

    /** Counts lookups and answers from a script, one answer per call. */
    static final class Scripted implements Resolver {
        final List<String> asked = new ArrayList<>();
        final List<List<String>> answers;

        Scripted(List<List<String>> answers) {
            this.answers = answers;
        }

        @Override
        public synchronized InetAddress[] resolve(String host) throws UnknownHostException {
            asked.add(host);
            List<String> ips = answers.get(Math.min(asked.size(), answers.size()) - 1);
            InetAddress[] out = new InetAddress[ips.size()];
            for (int i = 0; i < out.length; i++) out[i] = InetAddress.getByAddress(host, InetAddress.getByName(ips.get(i)).getAddress());
            return out;
        }
    }

    static WebhookUrls.Pinned pinned(WebhookUrls.Target t) {
        assertThat(t).isInstanceOf(WebhookUrls.Pinned.class);
        return (WebhookUrls.Pinned) t;
    }

    @Test
    void anAttemptLooksTheNameUpOnceAndConnectsToTheCheckedAddress() {
        // A rebinding name: public for the first answer, loopback for every later one.
        Scripted dns = new Scripted(List.of(List.of("93.184.216.34"), List.of("127.0.0.1")));
        WebhookUrls.Pinned p = pinned(WebhookUrls.target("https://hooks.example.com/in", SELF, false, dns));
        assertThat(dns.asked).containsExactly("hooks.example.com");
        assertThat(p.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(p.address().toString()).as("the address carries no name to look up again").isEqualTo("/93.184.216.34");
        // the next attempt makes its own lookup, and that answer is refused rather than used
        assertThat(WebhookUrls.target("https://hooks.example.com/in", SELF, false, dns)).isEqualTo(WebhookUrls.REFUSED);
        assertThat(dns.asked).hasSize(2);
    }

    @Test
    void everyAddressOfTheAnswerIsChecked() {
        Scripted dns = new Scripted(List.of(List.of("93.184.216.34", "10.0.0.1")));
        assertThat(WebhookUrls.target("https://mixed.example.com/", SELF, false, dns)).isEqualTo(WebhookUrls.REFUSED);
        WebhookUrls.Pinned p = pinned(WebhookUrls.target("https://mixed.example.com/", SELF, true, dns));
        assertThat(p.address().getHostAddress()).as("the first of the checked addresses").isEqualTo("93.184.216.34");
        // with private targets allowed the registry itself is still refused, whichever address of the answer it is
        Scripted self = new Scripted(List.of(List.of("93.184.216.34", "127.0.0.1")));
        assertThat(WebhookUrls.target("http://loop.example.com:8080/", SELF, true, self)).isEqualTo(WebhookUrls.REFUSED);
        assertThat(WebhookUrls.target("http://loop.example.com:8081/", SELF, true, self)).isInstanceOf(WebhookUrls.Pinned.class);
        assertThat(WebhookUrls.target("https://registry.example.cn/", SELF, true, self)).isEqualTo(WebhookUrls.REFUSED);
    }

    @Test
    void aNameThatDoesNotResolveIsUnreachable() {
        assertThat(WebhookUrls.target("https://no-such-host.example.com/", SELF, true, RESOLVER)).isEqualTo(WebhookUrls.UNREACHABLE);
        assertThat(WebhookUrls.target("https://hooks.example.com/", SELF, true, h -> new InetAddress[0])).isEqualTo(WebhookUrls.UNREACHABLE);
        assertThat(WebhookUrls.target("https://hooks.example.com/", SELF, true, h -> {
            throw new IllegalStateException("resolver broke");
        })).isEqualTo(WebhookUrls.UNREACHABLE);
        assertThat(WebhookUrls.target("not a url", SELF, true, RESOLVER)).isEqualTo(WebhookUrls.REFUSED);
    }

    @Test
    void theRequestSpeaksToTheUrlsHost() {
        WebhookUrls.Pinned p = pinned(WebhookUrls.target("http://Hooks.Example.com:8088/a/b%20c?x=1&y=%20", SELF, false, RESOLVER));
        assertThat(p.host()).isEqualTo("hooks.example.com");
        assertThat(p.hostHeader()).isEqualTo("Hooks.Example.com:8088");
        assertThat(p.port()).isEqualTo(8088);
        assertThat(p.https()).isFalse();
        assertThat(p.requestUri()).isEqualTo("/a/b%20c?x=1&y=%20");
        WebhookUrls.Pinned q = pinned(WebhookUrls.target("https://hooks.example.com", SELF, false, RESOLVER));
        assertThat(q.hostHeader()).isEqualTo("hooks.example.com");
        assertThat(q.port()).isEqualTo(443);
        assertThat(q.https()).isTrue();
        assertThat(q.requestUri()).isEqualTo("/");
        WebhookUrls.Pinned v6 = pinned(WebhookUrls.target("http://[2606:2800:220:1:248:1893:25c8:1946]:8088/x", SELF, false, RESOLVER));
        assertThat(v6.host()).isEqualTo("2606:2800:220:1:248:1893:25c8:1946");
        assertThat(v6.hostHeader()).isEqualTo("[2606:2800:220:1:248:1893:25c8:1946]:8088");
    }

    @Test
    void selfIsJudgedByAddressAndPort() {
        assertThat(SELF.isSelf(new byte[] {127, 9, 9, 9}, 8080)).isTrue();
        assertThat(SELF.isSelf(new byte[] {127, 9, 9, 9}, 8081)).isFalse();
        assertThat(SELF.isSelf(new byte[] {0, 0, 0, 0}, 9000)).isTrue();
        assertThat(SELF.isSelf(new byte[] {93, (byte) 184, (byte) 216, 50}, 443)).as("the base URL's address on its port").isTrue();
        assertThat(SELF.isSelf(new byte[] {93, (byte) 184, (byte) 216, 50}, 8443)).isFalse();
        assertThat(SELF.isSelfName("registry.example.cn", 443)).isTrue();
        assertThat(SELF.isSelfName("registry.example.cn", 80)).isFalse();
        assertThat(SELF.isSelfName("hooks.example.com", 8080)).as("a name is not looked up here").isFalse();
    }
}
