package org.szmark.account;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The caller of the current request, resolved from the Quarkus security identity. */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityIdentity identity;

    public Optional<Actor> find() {
        if (identity == null || identity.isAnonymous()) return Optional.empty();
        return Optional.ofNullable(identity.getAttribute(Actor.ATTRIBUTE));
    }

    /** For operations behind {@code @RolesAllowed}: the security layer has already required a caller. */
    public Actor get() {
        return find().orElseThrow(UnauthorizedException::new);
    }
}
