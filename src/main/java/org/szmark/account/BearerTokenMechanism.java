package org.szmark.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Reads {@code Authorization: Bearer <token>} (RFC 6750 §2.1) and hands the token to the identity provider. */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    /** The type of the credential this mechanism hands on, which only {@link ApiTokenIdentityProvider} takes. */
    static final String CREDENTIAL_TYPE = "bearer";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Only bearer tokens are accepted"));
        }
        String token = header.substring(BEARER.length()).trim();
        if (!TokenCodec.plausible(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Malformed bearer token"));
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(token, CREDENTIAL_TYPE));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    /**
     * Pages for people (the console, the sign-in steps) send an unauthenticated browser to the sign-in page instead: no challenge
     * here, so the form mechanism's redirect answers. Everything else keeps the bearer challenge.
     */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (org.szmark.signin.SignInFilter.staffPage(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"szmark\""));
    }

    /** Tried before the sign-in cookie, so a request with a token is the token's account whatever cookie it carries. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
