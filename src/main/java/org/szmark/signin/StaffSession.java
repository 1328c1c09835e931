package org.szmark.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A browser's sign-in; the cookie holds its secret, the row only the secret's SHA-256. */
@Entity
@Table(name = "staff_session")
public class StaffSession {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "staff_user_id", nullable = false)
    public Long staffUserId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    public String secretHash;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public OffsetDateTime lastSeenAt;

    @Column(name = "awaiting_code", nullable = false)
    public boolean awaitingCode;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "client_address", length = 64)
    public String clientAddress;

    /** {@value #PASSWORD} or {@value #OIDC}: an OpenID Connect session owes no second factor of the registry. */
    @Column(nullable = false, length = 16)
    public String method = PASSWORD;

    public static final String PASSWORD = "password";
    public static final String OIDC = "oidc";
}
