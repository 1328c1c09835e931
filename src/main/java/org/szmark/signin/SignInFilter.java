package org.szmark.signin;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.szmark.config.SzmarkConfig;

/**
 * What the HTTP layer adds to sign-in, before Quarkus' form authentication sees the request:
 * <ul>
 *   <li>A POST (or other unsafe method) to a sign-in or console path must come from this site: a browser names the
 *       page's origin in {@code Origin} (and {@code Sec-Fetch-Site}) on every POST, so another site's form is refused
 *       with 403 before any password is checked. This is the login form's CSRF guard ({@code /j_security_check} is
 *       not a REST endpoint); the other forms also carry a token ({@link FormTokens}).</li>
 *   <li>A refused sign-in that hit a lock is sent to {@code /sign-in?locked=<epoch seconds>} rather than the plain
 *       error page, so the page can say until when.</li>
 *   <li>Signed-in pages are never stored ({@code Cache-Control: no-store}), so the back button after sign-out
 *       cannot show them again.</li>
 *   <li>The session cookie is {@code Secure} when {@code szmark.public-base-url} is https: TLS ends in front of the
 *       registry, so Quarkus, which sees plain http, would not mark it.</li>
 * </ul>
 */
@Singleton
public class SignInFilter {

    private static final List<String> GUARDED = List.of("/j_security_check", "/sign-in", "/sign-out", "/console");

    private final String publicOrigin;
    private final boolean secureCookie;
    private final String cookieName;

    SignInFilter(SzmarkConfig config, @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        URI base = URI.create(config.publicBaseUrl().trim());
        this.publicOrigin = origin(base.getScheme(), base.getRawAuthority());
        this.secureCookie = "https".equalsIgnoreCase(base.getScheme());
        this.cookieName = cookieName;
    }

    void install(@Observes Router router) {
        // After SecurityHeaders (MIN_VALUE), before authentication (order -200) and form sign-in (-150).
        router.route().order(Integer.MIN_VALUE + 10).handler(this::handle);
    }

    static boolean guarded(String path) {
        for (String p : GUARDED) {
            if (path.equals(p) || path.startsWith(p + "/")) return true;
        }
        return false;
    }

    /** Pages only people use, past the sign-in form: without a live session they send the browser to sign in. */
    public static boolean staffPage(String path) {
        return path.equals("/console") || path.startsWith("/console/") || path.startsWith("/sign-in/") || path.equals("/sign-out");
    }

    private void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean guarded = guarded(path);
        if (guarded && unsafe(ctx.request().method()) && !sameSite(ctx)) {
            ctx.response().setStatusCode(403).putHeader("Content-Type", "application/problem+json")
                    .putHeader("Cache-Control", "no-store")
                    .end("{\"type\":\"" + org.szmark.web.Problem.typeUri("cross-site-form") + "\",\"title\":\"Form not sent from this site\","
                            + "\"status\":403,\"detail\":\"This form was sent from another site or without its origin;"
                            + " open the sign-in page of the registry and try again.\"}");
            return;
        }
        if (guarded || secureCookie) {
            ctx.addHeadersEndHandler(ignored -> {
                var headers = ctx.response().headers();
                if (guarded) {
                    headers.set("Cache-Control", "no-store");
                    OffsetDateTime locked = ctx.get(StaffIdentityProviders.LOCKED_UNTIL);
                    if (locked != null && ctx.response().getStatusCode() == 302) {
                        headers.set("Location", "/sign-in?locked=" + locked.toEpochSecond());
                    }
                }
                if (secureCookie) {
                    List<String> cookies = headers.getAll("Set-Cookie");
                    if (cookies.stream().anyMatch(c -> c.startsWith(cookieName + "="))) {
                        headers.remove("Set-Cookie");
                        for (String c : cookies) {
                            boolean mark = c.startsWith(cookieName + "=") && !c.toLowerCase(Locale.ROOT).contains("; secure");
                            headers.add("Set-Cookie", mark ? c + "; Secure" : c);
                        }
                    }
                }
            });
        }
        ctx.next();
    }

    private static boolean unsafe(HttpMethod m) {
        return !(m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS);
    }

    /**
     * {@code Sec-Fetch-Site} when sent (same-origin, or none for a typed address); else {@code Origin} must be this
     * registry's, public or as addressed. A request with neither comes from no browser that could be misled (every
     * current browser sends Origin on POST), and SameSite=Strict keeps the cookie off cross-site requests anyway.
     */
    private boolean sameSite(RoutingContext ctx) {
        String site = ctx.request().getHeader("Sec-Fetch-Site");
        if (site != null) {
            String s = site.trim().toLowerCase(Locale.ROOT);
            // Set by the browser itself, never by a page. The registry's Referrer-Policy: no-referrer makes browsers
            // send "Origin: null" on its own forms, so for them this header is the one that tells.
            if (s.equals("same-origin")) return true;
            if (!s.equals("none")) return false;
        }
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) return true;
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.equals(publicOrigin) || o.equals(origin(ctx.request().scheme(), ctx.request().authority() == null ? null
                : ctx.request().authority().toString()));
    }

    private static String origin(String scheme, String authority) {
        if (scheme == null || authority == null) return "";
        String a = authority.toLowerCase(Locale.ROOT);
        String s = scheme.toLowerCase(Locale.ROOT);
        if (s.equals("http") && a.endsWith(":80")) a = a.substring(0, a.length() - 3);
        if (s.equals("https") && a.endsWith(":443")) a = a.substring(0, a.length() - 4);
        return s + "://" + a;
    }
}
