package org.szmark.report;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One report of a suspicious label (V12); written once, never changed. */
@Entity
@Table(name = "counterfeit_report")
public class CounterfeitReport {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(length = 1024)
    public String token;

    @Column(name = "certificate_number", length = 64)
    public String certificateNumber;

    @Column(name = "certificate_id")
    public Long certificateId;

    @Column(name = "body_id")
    public Long bodyId;

    @Column(length = 16)
    public String verdict;

    @Column(name = "reason_code", length = 48)
    public String reasonCode;

    @Column(name = "where_bought", length = 200)
    public String whereBought;

    @Column(name = "place_key", length = 200)
    public String placeKey;

    @Column(length = 2000)
    public String note;

    @Column(length = 200)
    public String contact;

    /** Read only when the photo itself is asked for, not with every listing. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] photo;

    @Column(name = "photo_type", length = 32)
    public String photoType;
}
