package org.szmark.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "account")
public class Account {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Role role;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "body_id")
    public Long bodyId;

    @Column(name = "enterprise_id")
    public Long enterpriseId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** While set, the account's tokens answer 401 (every request reads it: AccountService.identify). */
    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;

    @Column(name = "disabled_reason", length = 500)
    public String disabledReason;

    /** The authority account that disabled it. */
    @Column(name = "disabled_by")
    public Long disabledBy;
}
