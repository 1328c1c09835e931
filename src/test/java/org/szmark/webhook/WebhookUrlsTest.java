package org.szmark.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.szmark.common.InvalidInput;
import org.szmark.webhook.WebhookUrls.Origin;

/** The URL rules without a running registry; names resolve through a fixed table, never DNS. */
class WebhookUrlsTest {

    static final Set<Origin> SELF = Set.of(new Origin("registry.example.cn", 443), new Origin("*", 8080));

    static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "intranet.example.com", "10.1.2.3",
            "metadata.example.com", "169.254.169.254",
            "cgnat.example.com", "100.64.0.7",
            "v6.example.com", "2606:2800:220:1:248:1893:25c8:1946",
            "ula.example.com", "fd12:3456::1");

    static final WebhookUrls.Resolver RESOLVER = host -> {
        if (host.matches("[0-9.]+") || host.contains(":")) return new InetAddress[] {InetAddress.getByName(host)};
        String ip = DNS.get(host);
        if (ip == null) throw new UnknownHostException(host);
        return new InetAddress[] {InetAddress.getByName(ip)};
    };

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
    }

    @Test
    void refusesTheRegistryItself() {
        assertThat(refusal("https://registry.example.cn/api/v1/webhooks", true)).contains("registry itself");
        assertThat(refusal("https://REGISTRY.example.cn:443/", true)).contains("registry itself");
        assertThat(refusal("http://localhost:8080/", true)).contains("registry itself");
        assertThat(refusal("http://127.0.0.1:8080/", true)).contains("registry itself");
        assertThat(refusal("http://127.1:8080/", true)).isNotNull();   // not a host name java.net.URI accepts either
        assertThat(refusal("http://[::1]:8080/", true)).contains("registry itself");
        assertThat(refusal("http://0.0.0.0:8080/", true)).contains("registry itself");
        assertThat(refusal("http://api.localhost:8080/", true)).contains("registry itself");
        // another port on the same machine or the public host on plain http is someone else
        assertThat(refusal("http://127.0.0.1:9000/", true)).isNull();
        assertThat(refusal("http://registry.example.cn/", true)).isNull();
    }

    @Test
    void refusesNonPublicAddressesUnlessAllowed() {
        for (String url : new String[] {"http://127.0.0.1:9000/", "http://localhost:9000/", "http://[::1]:9000/",
                "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/", "http://0.0.0.0/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/",
                "http://224.0.0.1/", "https://intranet.example.com/", "https://metadata.example.com/",
                "https://cgnat.example.com/", "https://ula.example.com/"}) {
            String resolvable = url.contains("localhost") ? url.replace("localhost", "127.0.0.1") : url;
            assertThat(refusal(resolvable, false)).as(url).contains("non-public");
            assertThat(refusal(resolvable, true)).as(url).isNull();
        }
        assertThat(refusal("https://no-such-host.example.com/", false)).contains("cannot be resolved");
        assertThat(refusal("https://no-such-host.example.com/", true)).isNull();
    }

    @Test
    void classifiesAddresses() throws Exception {
        assertThat(WebhookUrls.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
        assertThat(WebhookUrls.isPublic(InetAddress.getByName("198.18.0.1"))).isFalse();
        assertThat(WebhookUrls.isPublic(InetAddress.getByName("255.255.255.255"))).isFalse();
        assertThat(WebhookUrls.allPublic(new InetAddress[0])).isFalse();
        assertThat(WebhookUrls.allPublic(new InetAddress[] {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1")}))
                .as("one private address among public ones is enough to refuse").isFalse();
        assertThatThrownBy(() -> WebhookUrls.check("gopher://x", SELF, true, RESOLVER)).isInstanceOf(InvalidInput.class);
    }
}
