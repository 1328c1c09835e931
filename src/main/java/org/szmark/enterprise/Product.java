package org.szmark.enterprise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A product model of an enterprise; certificates bind to one. */
@Entity
@Table(name = "product")
public class Product {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "enterprise_id", nullable = false)
    public Long enterpriseId;

    @Column(name = "name_zh", nullable = false, length = 200)
    public String nameZh;

    @Column(name = "name_en", length = 200)
    public String nameEn;

    @Column(nullable = false, length = 100)
    public String model;

    @Column(length = 100)
    public String trademark;

    @Column(length = 14)
    public String gtin;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
