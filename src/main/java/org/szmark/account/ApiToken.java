package org.szmark.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A bearer token, kept only as its SHA-256 and a short readable prefix. */
@Entity
@Table(name = "api_token")
public class ApiToken {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(nullable = false, length = 16)
    public String prefix;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(length = 100)
    public String label;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}
