package org.szmark.signin;

import io.quarkus.oidc.OidcSession;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cookies of a sign-in through the OpenID Connect provider. The provider's own session (quarkus-oidc's
 * {@code q_session} cookie, sent to {@code /sign-in/oidc} only) ends as soon as the person is known; what stays is
 * the registry's session cookie, sealed exactly as form sign-in seals it (same key, name, lifetime and attributes),
 * so that Quarkus' form authentication and {@link StaffIdentityProviders.Session} read it like any other.
 */
@ApplicationScoped
public class ProviderSessions {

    @Inject OidcSession oidcSession;

    private final PersistentLoginManager cookies;
    private final String cookieName;

    ProviderSessions(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String key,
                     @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
                     @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
                     @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval") Duration newCookieInterval,
                     @ConfigProperty(name = "quarkus.http.auth.form.http-only-cookie") boolean httpOnly,
                     @ConfigProperty(name = "quarkus.http.auth.form.cookie-same-site") String sameSite,
                     @ConfigProperty(name = "quarkus.http.auth.form.cookie-path") Optional<String> path,
                     @ConfigProperty(name = "quarkus.http.auth.form.cookie-max-age") Optional<Duration> maxAge,
                     @ConfigProperty(name = "quarkus.http.auth.form.cookie-domain") Optional<String> domain) {
        this.cookieName = cookieName;
        this.cookies = new PersistentLoginManager(key, cookieName, timeout.toMillis(), newCookieInterval.toMillis(), httpOnly,
                sameSite.trim().toUpperCase(Locale.ROOT), path.orElse("/"), maxAge.map(Duration::toSeconds).orElse(-1L),
                domain.orElse(null));
    }

    /** Ends the provider's session in this browser: the registry's session is the only one that counts. */
    void endProviderSession() {
        oidcSession.logout().await().indefinitely();
    }

    /** Sets the registry's session cookie for a session's secret; {@code Secure} is added by {@link SignInFilter}. */
    void open(RoutingContext context, String secret) {
        cookies.save(secret, context, cookieName, null, false);
    }
}
