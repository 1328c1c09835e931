package org.szmark.enterprise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A certificate holder (获证组织), identified by its unified social credit code. */
@Entity
@Table(name = "enterprise")
public class Enterprise {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "credit_code", nullable = false, length = 18)
    public String creditCode;

    @Column(name = "name_zh", nullable = false, length = 200)
    public String nameZh;

    @Column(name = "name_en", length = 200)
    public String nameEn;

    @Column(name = "address_zh", length = 300)
    public String addressZh;

    @Column(name = "address_en", length = 300)
    public String addressEn;

    /**
     * The body whose certifier registered the holder; null when the authority did (or before this was
     * recorded). Decides who may change a holder that has no certificate yet (docs/trust-model.md).
     */
    @Column(name = "registered_by_body_id")
    public Long registeredByBodyId;

    /** Contact data: the holder's own account may change these, and only these. */
    @Column(length = 300)
    public String website;

    @Column(name = "contact_email", length = 254)
    public String contactEmail;

    @Column(name = "contact_phone", length = 40)
    public String contactPhone;

    /** Imported by the authority with a pre-2016 code whose check character does not verify. */
    @Column(name = "legacy_code", nullable = false)
    public boolean legacyCode;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
