package org.szmark.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * "Now" for every sign-in decision (lockouts, idle sessions, link expiry, TOTP steps), from the registry's
 * clock. Normal-scoped so a test can move it forward (QuarkusMock) without touching the rest of the registry.
 */
@ApplicationScoped
public class SignInTime {

    @Inject Clock clock;

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
