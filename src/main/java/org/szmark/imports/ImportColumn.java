package org.szmark.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.szmark.text.TextRule.Kind;

/**
 * The columns of an import file (docs/import.md): one row is one certificate with its holder and product. Each
 * column is headed by its English or its Chinese name, either accepted in any column; the order is free.
 */
public enum ImportColumn {
    CREDIT_CODE("creditCode", "统一社会信用代码", true, "the holder's unified social credit code (GB 32100-2015, 18 characters)",
            "获证组织的统一社会信用代码（18 位）"),
    HOLDER_NAME_ZH("holderNameZh", "企业名称", true, "the holder's registered name in Chinese", "获证组织名称"),
    HOLDER_NAME_EN("holderNameEn", "企业英文名称", false, "the holder's name in English", "获证组织英文名称"),
    HOLDER_ADDRESS_ZH("holderAddressZh", "企业地址", false, "the holder's address in Chinese", "获证组织地址"),
    HOLDER_ADDRESS_EN("holderAddressEn", "企业英文地址", false, "the holder's address in English", "获证组织英文地址"),
    PRODUCT_MODEL("productModel", "产品型号", true, "the product's model, unique per holder; how the certificate names it",
            "产品型号规格，同一企业内唯一"),
    PRODUCT_NAME_ZH("productNameZh", "产品名称", true, "the product's name in Chinese", "产品名称"),
    PRODUCT_NAME_EN("productNameEn", "产品英文名称", false, "the product's name in English", "产品英文名称"),
    TRADEMARK("trademark", "商标", false, "the product's trademark", "商标"),
    GTIN("gtin", "商品条码", false, "GTIN-8, -12, -13 or -14 with its check digit", "商品条码（GTIN，含校验位）"),
    CERTIFICATE_NUMBER("certificateNumber", "证书编号", false,
            "the body's own certificate number; empty: SZBZ-<body>-<year>-<serial> is made", "证书编号；留空则由登记系统编号"),
    STANDARD("standard", "认证依据", true, "number of an eligible standard in the catalogue, e.g. T/SZWD 012-2020",
            "认证依据标准编号，须为目录内有效标准"),
    SCOPE("scope", "认证范围", true, "the certification scope (free text, may have line breaks)", "认证范围"),
    CERTIFICATION_MODE("certificationMode", "认证模式", true, "the certification mode", "认证模式"),
    SITE_NAME("siteName", "生产场所名称", false, "name of the production site", "生产场所（工厂）名称"),
    SITE_ADDRESS("siteAddress", "生产场所地址", true, "address of the production site", "生产场所地址"),
    ISSUE_DATE("issueDate", "发证日期", true, "issue date, YYYY-MM-DD (at most 30 days ahead)", "发证日期，格式 YYYY-MM-DD"),
    EXPIRY_DATE("expiryDate", "有效期至", false, "expiry date, YYYY-MM-DD; empty: issue date + 3 years − 1 day",
            "有效期截止日期；留空则为发证日期起 3 年减 1 天"),
    FIRST_ISSUE_DATE("firstIssueDate", "初次发证日期", false, "first issue date, YYYY-MM-DD; empty: the issue date",
            "初次发证日期；留空则同发证日期");

    /** Longest cell read; no member of a request is longer (scope: 1,000). */
    static final int MAX_CELL_LENGTH = 1000;

    final String en;
    final String zh;
    final boolean required;
    final String descriptionEn;
    final String descriptionZh;

    ImportColumn(String en, String zh, boolean required, String descriptionEn, String descriptionZh) {
        this.en = en;
        this.zh = zh;
        this.required = required;
        this.descriptionEn = descriptionEn;
        this.descriptionZh = descriptionZh;
    }

    /** The scope is prose; every other cell is a name, number, code or date and must be one line. */
    Kind kind() {
        return this == SCOPE ? Kind.FREE_TEXT : Kind.ONE_LINE;
    }

    boolean isDate() {
        return this == ISSUE_DATE || this == EXPIRY_DATE || this == FIRST_ISSUE_DATE;
    }

    public String header(boolean chinese) {
        return chinese ? zh : en;
    }

    private static final Map<String, ImportColumn> BY_HEADER = new HashMap<>();

    static {
        for (ImportColumn c : values()) {
            BY_HEADER.put(c.en.toLowerCase(Locale.ROOT), c);
            BY_HEADER.put(c.zh, c);
        }
    }

    /** The column a header names, in English (any case) or Chinese, surrounding spaces ignored; null if none. */
    static ImportColumn byHeader(String header) {
        return header == null ? null : BY_HEADER.get(header.strip().toLowerCase(Locale.ROOT));
    }
}
