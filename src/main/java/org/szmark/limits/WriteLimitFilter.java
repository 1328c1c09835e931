package org.szmark.limits;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.szmark.account.Actor;

/**
 * The one place where writes are counted against their account's budget ({@link RateLimits#write}): every
 * authenticated API request with a method other than GET, HEAD or OPTIONS, before its body is read or any
 * work is done. A filter rather than a check in each service, so no write endpoint, present or future, is
 * forgotten, and a refused request costs no database work. Anonymous requests and unknown tokens are left
 * to the security layer, which refuses them anyway, so they never count against an account.
 */
public class WriteLimitFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject CurrentIdentityAssociation identities;
    @Inject RateLimits limits;

    @ServerRequestFilter
    public Uni<Void> limitWrites(ContainerRequestContext request) {
        if (READS.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        // Authentication is lazy (quarkus.http.auth.proactive=false): ask for the identity without blocking
        // the I/O thread; a failed authentication is the security layer's to answer.
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .invoke(identity -> {
                    Actor actor = actorOf(identity);
                    if (actor != null) limits.write(actor.accountId());
                })
                .replaceWithVoid();
    }

    private static Actor actorOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) return null;
        return identity.getAttribute(Actor.ATTRIBUTE);
    }
}
