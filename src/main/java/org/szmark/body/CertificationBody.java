package org.szmark.body;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

@Entity
@Table(name = "certification_body")
public class CertificationBody {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Short code used in certificate numbers ({@code SZBZ-<code>-...}). */
    @Column(nullable = false, length = 16)
    public String code;

    @Column(name = "name_zh", nullable = false, length = 200)
    public String nameZh;

    @Column(name = "name_en", length = 200)
    public String nameEn;

    @Column(name = "approval_number", nullable = false, length = 32)
    public String approvalNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public BodyStatus status;

    @Column(name = "status_reason", length = 500)
    public String statusReason;

    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;

    @Column(name = "contact_email", length = 254)
    public String contactEmail;

    @Column(name = "contact_phone", length = 40)
    public String contactPhone;

    @Column(length = 300)
    public String website;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
