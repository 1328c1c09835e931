package org.szmark.webhook;

import io.quarkus.runtime.LaunchMode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.szmark.common.InvalidInput;
import org.szmark.config.SzmarkConfig;

/**
 * Which URLs may receive webhooks. The registry POSTs to whatever an enterprise registers, so a URL must
 * not turn the registry against itself (a request loop through its own API) and, in production, must not
 * reach addresses that only the registry's own network can reach.
 */
@Singleton
public class WebhookUrls {

    public static final int MAX_LENGTH = 2000;

    /** Looks host names up; a seam so the rules can be tested without DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A host (lower case, IPv6 without brackets) and port the registry itself answers on. */
    record Origin(String host, int port) {}

    @Inject SzmarkConfig config;

    /** Checks a URL an enterprise registers; returns it trimmed, or throws a 400 naming the field {@code url}. */
    public String check(String raw) {
        return check(raw, selfOrigins(), config.webhooks().allowPrivateTargets(), InetAddress::getAllByName).toString();
    }

    /**
     * Whether a registered URL may still be called right now. DNS may have changed since registration, so
     * without private targets every attempt looks the name up again.
     */
    public boolean targetAllowed(URI uri) {
        if (config.webhooks().allowPrivateTargets()) return true;
        try {
            return allPublic(InetAddress.getAllByName(bare(uri.getHost())));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static URI check(String raw, Set<Origin> self, boolean allowPrivate, Resolver resolver) {
        if (raw == null || raw.isBlank()) throw bad("is required");
        String s = raw.strip();
        if (s.length() > MAX_LENGTH) throw bad("must be at most " + MAX_LENGTH + " characters");
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw bad("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw bad("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) throw bad("must not contain a user name or password");
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw bad("must name a host (international names in their xn-- form)");
        }
        if (uri.getRawFragment() != null) throw bad("must not contain a fragment (#...): it is never sent");
        int port = effectivePort(uri);
        if (port < 1 || port > 65535) throw bad("must have a port between 1 and 65535");
        String host = bare(uri.getHost()).toLowerCase(Locale.ROOT);
        if (pointsAtSelf(host, port, self)) throw bad("must not point at the registry itself");
        if (!allowPrivate) {
            InetAddress[] addresses;
            try {
                addresses = resolver.resolve(host);
            } catch (UnknownHostException e) {
                throw bad("names a host that cannot be resolved");
            }
            if (!allPublic(addresses)) {
                throw bad("must not point at a loopback, private, link-local or otherwise non-public address");
            }
        }
        return uri;
    }

    private static boolean pointsAtSelf(String host, int port, Set<Origin> self) {
        if (self.contains(new Origin(host, port))) return true;
        // The registry listens on every local interface: any loopback spelling of its port is itself.
        if (!isLoopbackName(host)) return false;
        for (Origin o : self) {
            if (o.host().equals("*") && o.port() == port) return true;
        }
        return false;
    }

    private static boolean isLoopbackName(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) return true;
        // Only literals are parsed here; names are not looked up when private targets are allowed.
        if (!host.matches("[0-9.]+") && !host.contains(":")) return false;
        try {
            InetAddress a = InetAddress.getByName(host);
            return a.isLoopbackAddress() || a.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The registry's public origin, plus its listening ports on any loopback name (host {@code *}). */
    Set<Origin> selfOrigins() {
        Set<Origin> self = new HashSet<>();
        try {
            URI base = new URI(config.publicBaseUrl().strip());
            if (base.getHost() != null) self.add(new Origin(bare(base.getHost()).toLowerCase(Locale.ROOT), effectivePort(base)));
        } catch (URISyntaxException e) {
            // a malformed base URL is reported where it is used for links; nothing to match here
        }
        var cfg = ConfigProvider.getConfig();
        boolean test = LaunchMode.current() == LaunchMode.TEST;
        String http = test ? "quarkus.http.test-port" : "quarkus.http.port";
        String https = test ? "quarkus.http.test-ssl-port" : "quarkus.http.ssl-port";
        self.add(new Origin("*", cfg.getOptionalValue(http, Integer.class).orElse(test ? 8081 : 8080)));
        cfg.getOptionalValue(https, Integer.class).filter(x -> x > 0).ifPresent(x -> self.add(new Origin("*", x)));
        return self;
    }

    static int effectivePort(URI uri) {
        if (uri.getPort() != -1) return uri.getPort();
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean allPublic(InetAddress[] addresses) {
        if (addresses.length == 0) return false;
        for (InetAddress a : addresses) {
            if (!isPublic(a)) return false;
        }
        return true;
    }

    /** Whether an address is reachable on the public internet rather than only from inside a network or host. */
    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff, b1 = b[1] & 0xff, b2 = b[2] & 0xff;
            if (b0 == 0) return false;                                   // 0.0.0.0/8 "this network"
            if (b0 == 100 && (b1 & 0xc0) == 64) return false;            // 100.64.0.0/10 carrier-grade NAT
            if (b0 == 192 && b1 == 0 && b2 == 0) return false;           // 192.0.0.0/24 protocol assignments
            if (b0 == 198 && (b1 & 0xfe) == 18) return false;            // 198.18.0.0/15 benchmarking
            return b0 < 240;                                             // 240.0.0.0/4 reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return false;                     // fc00::/7 unique local
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) zeroPrefix &= b[i] == 0;
            if (zeroPrefix && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
                // IPv4-compatible or IPv4-mapped: judge the embedded IPv4 address
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) return false; // NAT64
        }
        return true;
    }

    private static InvalidInput bad(String message) {
        return InvalidInput.field("url", message);
    }
}
