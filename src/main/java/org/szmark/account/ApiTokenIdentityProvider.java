package org.szmark.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a bearer token into the identity of its account; tokens are looked up by their hash only. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    AccountService accounts;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // Only the registry's own bearer tokens (BearerTokenMechanism); the OpenID Connect provider's tokens are its own.
        if (!BearerTokenMechanism.CREDENTIAL_TYPE.equals(request.getToken().getType())) return Uni.createFrom().nullItem();
        String token = request.getToken().getToken();
        return context.runBlocking(() -> {
            Actor actor = QuarkusTransaction.requiringNew().call(() -> accounts.identify(token))
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked token"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("account:" + actor.accountId()))
                    .addRole(actor.role().name())
                    .addAttribute(Actor.ATTRIBUTE, actor)
                    .build();
        });
    }
}
