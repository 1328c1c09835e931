package org.szmark.web;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.szmark.config.SzmarkConfig;

/**
 * Headers every response carries, whoever writes it: resources, problem mappers, static files, the
 * operations endpoints, and refusals written straight to Vert.x (web/RequestLimits, the REST layer's own
 * 413). They are added when the response's headers are about to be sent, by a handler that runs before
 * every other one of the main router and of the management interface's router.
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: a browser treats JSON, SVG and Atom as the type they are
 *       declared, never as script or HTML it guessed.</li>
 *   <li>{@code Referrer-Policy: no-referrer} (W3C Referrer Policy §3.1): the address of a verification page
 *       carries the label's token, and pages link out to holders' websites and standards' disclosures; no
 *       part of the registry reads the Referer header, so nothing is lost by never sending it.</li>
 *   <li>{@code Strict-Transport-Security} (RFC 6797) only when {@code szmark.public-base-url} is https: TLS
 *       ends in front of the registry, so the scheme callers use is the public one, not the one this
 *       process sees. Browsers ignore the header on plain http (§8.1), and over http it would be a lie.</li>
 * </ul>
 */
@Singleton
public class SecurityHeaders {

    private final Map<String, String> headers;

    SecurityHeaders(SzmarkConfig config) {
        this.headers = forBaseUrl(config.publicBaseUrl(), config.http().hstsMaxAge());
    }

    /** The headers for a registry served at {@code publicBaseUrl}, in the order they are set. */
    static Map<String, String> forBaseUrl(String publicBaseUrl, Duration hstsMaxAge) {
        if (hstsMaxAge.isNegative()) {
            throw new IllegalArgumentException("szmark.http.hsts-max-age must not be negative: " + hstsMaxAge);
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        String scheme = URI.create(publicBaseUrl.trim()).getScheme();
        if (scheme != null && scheme.toLowerCase(Locale.ROOT).equals("https")) {
            // RFC 6797 §6.1.1: delta-seconds; subdomains are not included, as they may be served otherwise.
            h.put("Strict-Transport-Security", "max-age=" + hstsMaxAge.toSeconds());
        }
        return Collections.unmodifiableMap(h);
    }

    void onMainRouter(@Observes Router router) {
        install(router);
    }

    void onManagementInterface(@Observes ManagementInterface management) {
        install(management.router());
    }

    private void install(Router router) {
        // Quarkus' own first handlers (access log, request start time) share this order; they only record
        // and pass the request on, so none answers before the headers are attached.
        router.route().order(Integer.MIN_VALUE).handler(this::attach);
    }

    private void attach(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap response = ctx.response().headers();
            headers.forEach(response::set);
        });
        ctx.next();
    }
}
