package org.szmark.webhook;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.szmark.config.SzmarkConfig;
import org.szmark.net.Cidr;

/**
 * Builds {@link Self} from the configuration, the machine's interfaces and the public base URL. Interfaces
 * and the base URL's addresses change rarely (a new lease, a moved load balancer), so a snapshot is reused for
 * a minute rather than enumerated for every attempt.
 */
@ApplicationScoped
public class SelfAddresses {

    private static final Duration REFRESH = Duration.ofMinutes(1);

    @Inject SzmarkConfig config;
    @Inject Resolver resolver;

    private record Snapshot(Self self, long takenAt) {}

    private volatile Snapshot snapshot;

    Self current() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s == null || now - s.takenAt() > REFRESH.toNanos()) {
            s = new Snapshot(build(), now);
            snapshot = s;
        }
        return s.self();
    }

    private Self build() {
        String baseHost = "";
        int basePort = -1;
        Set<String> baseAddresses = new HashSet<>();
        try {
            URI base = new URI(config.publicBaseUrl().strip());
            if (base.getHost() != null) {
                baseHost = WebhookUrls.bare(base.getHost()).toLowerCase(Locale.ROOT);
                basePort = WebhookUrls.effectivePort(base);
                for (InetAddress a : resolver.resolve(baseHost)) baseAddresses.add(Cidr.formatAddress(a.getAddress()));
            }
        } catch (URISyntaxException | UnknownHostException e) {
            // a malformed or unresolvable base URL is reported where it is used for links; its name still counts
        }
        return new Self(Set.copyOf(ports()), Set.copyOf(interfaceAddresses()), baseHost, basePort, Set.copyOf(baseAddresses));
    }

    /** http and https, and the management interface when it is on (quarkus.management.*), as this run uses them. */
    static Set<Integer> ports() {
        Config cfg = ConfigProvider.getConfig();
        boolean test = LaunchMode.current() == LaunchMode.TEST;
        Set<Integer> ports = new HashSet<>();
        ports.add(port(cfg, test ? "quarkus.http.test-port" : "quarkus.http.port", test ? 8081 : 8080));
        ports.add(port(cfg, test ? "quarkus.http.test-ssl-port" : "quarkus.http.ssl-port", test ? 8444 : 8443));
        if (cfg.getOptionalValue("quarkus.management.enabled", Boolean.class).orElse(false)) {
            ports.add(port(cfg, test ? "quarkus.management.test-port" : "quarkus.management.port", test ? 9001 : 9000));
        }
        ports.removeIf(p -> p < 1 || p > 65535);
        return ports;
    }

    private static int port(Config cfg, String key, int fallback) {
        return cfg.getOptionalValue(key, Integer.class).orElse(fallback);
    }

    private static Set<String> interfaceAddresses() {
        Set<String> out = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) out.add(Cidr.formatAddress(a.getAddress()));
            }
        } catch (SocketException e) {
            // no interface list: loopback and the unspecified address are still recognised by Self itself
        }
        return out;
    }
}
