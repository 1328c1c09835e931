package org.szmark.webhook;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.szmark.common.InvalidInput;
import org.szmark.config.SzmarkConfig;
import org.szmark.net.SpecialAddresses;

/**
 * Which URLs may receive webhooks, and where exactly an attempt connects. The registry POSTs to whatever an
 * enterprise registers, so a URL must not turn the registry against itself (a request loop through its own
 * API) and, in production, must not reach addresses that only the registry's own network can reach
 * ({@link SpecialAddresses}).
 *
 * <p>Names are looked up once per attempt, through {@link Resolver}: the addresses of that one answer are
 * checked, and the attempt connects to the first of them and to nothing else. A name that answers a public
 * address to the check and a private one to the connection (DNS rebinding) therefore cannot get past it: there
 * is no second lookup.
 */
@Singleton
public class WebhookUrls {

    public static final int MAX_LENGTH = 2000;

    /** Where an attempt goes: a checked address, or why it is not sent. */
    sealed interface Target {}

    /**
     * Connect to {@code address} on {@code port}; speak to it as {@code host} (TLS server name and certificate
     * check) with the URL's own authority as the Host header (RFC 9110 §7.2) and its path and query.
     */
    record Pinned(InetAddress address, int port, String host, boolean https, String hostHeader, String requestUri)
            implements Target {}

    /** The target is not allowed: the registry itself, or (in production) a special-purpose address. */
    record Refused() implements Target {}

    /** The name cannot be resolved. */
    record Unreachable() implements Target {}

    static final Refused REFUSED = new Refused();
    static final Unreachable UNREACHABLE = new Unreachable();

    @Inject SzmarkConfig config;
    @Inject Resolver resolver;
    @Inject SelfAddresses self;

    /** Checks a URL an enterprise registers; returns it trimmed, or throws a 400 naming the field {@code url}. */
    public String check(String raw) {
        return check(raw, self.current(), config.webhooks().allowPrivateTargets(), resolver).toString();
    }

    /** Resolves a registered URL's host once and decides where this attempt connects. */
    Target target(String url) {
        return target(url, self.current(), config.webhooks().allowPrivateTargets(), resolver);
    }

    static URI check(String raw, Self self, boolean allowPrivate, Resolver resolver) {
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
        if (self.isSelfName(host, port)) throw bad("must not point at the registry itself");
        if (!allowPrivate) {
            // Checked now so a mistake is told at once; every attempt checks again with its own lookup.
            InetAddress[] addresses;
            try {
                addresses = resolver.resolve(host);
            } catch (UnknownHostException e) {
                throw bad("names a host that cannot be resolved");
            }
            // The refusal never says which address the name resolved to.
            if (anySelf(addresses, port, self)) throw bad("must not point at the registry itself");
            if (!SpecialAddresses.allPublic(Arrays.asList(addresses))) {
                throw bad("must not point at a loopback, private, link-local or otherwise non-public address");
            }
        }
        return uri;
    }

    static Target target(String url, Self self, boolean allowPrivate, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return REFUSED;   // stored URLs were checked at registration; a row edited by hand is not sent
        }
        if (uri.getHost() == null) return REFUSED;
        String host = bare(uri.getHost()).toLowerCase(Locale.ROOT);
        int port = effectivePort(uri);
        if (self.isSelfName(host, port)) return REFUSED;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | RuntimeException e) {
            return UNREACHABLE;
        }
        if (addresses == null || addresses.length == 0) return UNREACHABLE;
        if (anySelf(addresses, port, self)) return REFUSED;
        if (!allowPrivate && !SpecialAddresses.allPublic(Arrays.asList(addresses))) return REFUSED;
        InetAddress chosen;
        try {
            // Only the bytes: the connection must not carry a name that something could look up again.
            chosen = InetAddress.getByAddress(addresses[0].getAddress());
        } catch (UnknownHostException e) {
            return UNREACHABLE;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestUri = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Pinned(chosen, port, host, "https".equalsIgnoreCase(uri.getScheme()), uri.getRawAuthority(), requestUri);
    }

    private static boolean anySelf(InetAddress[] addresses, int port, Self self) {
        for (InetAddress a : addresses) {
            if (self.isSelf(a.getAddress(), port)) return true;
        }
        return false;
    }

    static int effectivePort(URI uri) {
        if (uri.getPort() != -1) return uri.getPort();
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static InvalidInput bad(String message) {
        return InvalidInput.field("url", message);
    }
}
