package org.szmark.signin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.szmark.account.Actor;

/**
 * The two halves of form sign-in. The password request (POST /j_security_check) opens a session whose secret
 * becomes the principal name, which Quarkus seals into the encrypted cookie; every later request's cookie comes
 * back as a trusted request, whose secret is checked against the session's row (see {@link SignInService#session}).
 */
public final class StaffIdentityProviders {
    private StaffIdentityProviders() {}

    /** Marks a sign-in refused for a lock, for the page the browser is sent to (web/SignInFilter). */
    public static final String LOCKED_UNTIL = "szmark.sign-in.locked-until";

    @ApplicationScoped
    public static class Password implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
        @Inject SignInService signIn;

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
            RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
            String address = rc == null || rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().hostAddress();
            String name = request.getUsername();
            String password = new String(request.getPassword().getPassword());
            return context.runBlocking(() -> {
                try {
                    String secret = signIn.signIn(name, password, address);
                    // Only the principal's name goes into the cookie; the next request is authenticated from the row.
                    return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(secret)).build();
                } catch (SignInRefused e) {
                    if (rc != null && e.lockedUntil != null) rc.put(LOCKED_UNTIL, e.lockedUntil);
                    throw new AuthenticationFailedException(e.getMessage());
                }
            });
        }
    }

    @ApplicationScoped
    public static class Session implements IdentityProvider<TrustedAuthenticationRequest> {
        @Inject SignInService signIn;

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
            String secret = request.getPrincipal();
            return context.runBlocking(() -> {
                StaffSignIn s = QuarkusTransaction.requiringNew().call(() -> signIn.session(secret))
                        .orElseThrow(() -> new AuthenticationFailedException("Session ended"));
                var b = QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(secret))
                        .addAttribute(StaffSignIn.ATTRIBUTE, s);
                if (s.stage() == StaffSignIn.Stage.SIGNED_IN) {
                    // The same role and Actor as a token of the person's account: every ownership rule applies alike.
                    b.addRole(s.actor().role().name()).addAttribute(Actor.ATTRIBUTE, s.actor());
                }
                return b.build();
            });
        }
    }
}
