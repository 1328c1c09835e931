package org.szmark.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.szmark.account.Role;
import org.szmark.config.SzmarkConfig;

/** Which roles must use a second factor: {@code szmark.sign-in.totp-required-roles}, decided by the authority's operators. */
@ApplicationScoped
public class TotpPolicy {

    @Inject SzmarkConfig config;

    public boolean required(Role role) {
        Set<String> roles = config.signIn().totpRequiredRoles().orElse(Set.of());
        return roles.stream().anyMatch(r -> r.trim().equalsIgnoreCase(role.name()));
    }
}
