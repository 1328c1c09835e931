package org.szmark.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

@Entity
@Table(name = "standard")
public class Standard {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Normalised number, e.g. {@code T/SZWD 004-2019}. */
    @Column(nullable = false, length = 64)
    public String number;

    @Column(nullable = false, length = 32)
    public String kind;

    @Column(name = "title_zh", nullable = false, length = 300)
    public String titleZh;

    @Column(name = "title_en", length = 300)
    public String titleEn;

    @Column(name = "issuing_organisation", nullable = false, length = 300)
    public String issuingOrganisation;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "implemented_on")
    public LocalDate implementedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public StandardStatus status;

    @Column(name = "replaced_by", length = 64)
    public String replacedBy;

    @Column(name = "abolished_on")
    public LocalDate abolishedOn;

    @Column(name = "abolition_notice", length = 500)
    public String abolitionNotice;

    @Column(name = "declared_on")
    public LocalDate declaredOn;

    @Column(name = "declaration_url", length = 500)
    public String declarationUrl;

    @Column(name = "evaluation_item", length = 300)
    public String evaluationItem;

    @Column(name = "evaluation_passed_on")
    public LocalDate evaluationPassedOn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Eligible for the mark: current, and its advancedness evaluation has passed by {@code day}. */
    public boolean eligibleOn(LocalDate day) {
        return status == StandardStatus.CURRENT && evaluationPassedOn != null && !evaluationPassedOn.isAfter(day);
    }
}
