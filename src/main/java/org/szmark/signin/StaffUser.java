package org.szmark.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A person who signs in. Role, body, enterprise and whether it is disabled are those of its own account
 * ({@code account_id}), so a signed-in person is an {@link org.szmark.account.Actor} like a token of that account.
 */
@Entity
@Table(name = "staff_user")
public class StaffUser {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "user_name", nullable = false, length = 64)
    public String userName;

    @Column(nullable = false)
    public boolean admin;

    @Column(name = "password_hash", length = 200)
    public String passwordHash;

    @Column(name = "password_changed_at")
    public OffsetDateTime passwordChangedAt;

    @Column(name = "totp_secret", length = 64)
    public String totpSecret;

    @Column(name = "totp_confirmed_at")
    public OffsetDateTime totpConfirmedAt;

    @Column(name = "totp_last_step")
    public Long totpLastStep;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public Long createdBy;

    /** The OpenID Connect provider's issuer and subject this user was linked to at its first sign-in there. */
    @Column(name = "oidc_issuer", length = 255)
    public String oidcIssuer;

    @Column(name = "oidc_subject", length = 255)
    public String oidcSubject;

    public boolean hasTotp() {
        return totpConfirmedAt != null && totpSecret != null;
    }
}
