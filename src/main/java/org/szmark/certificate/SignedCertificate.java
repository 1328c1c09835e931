package org.szmark.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * What a certificate record says, read back from the signed bytes ({@link Certificate#payload}, written by
 * {@link SignedRecords#certificate}; format in docs/records.md). Pages, the API and webhooks show these
 * values rather than the enterprise, product and standard rows as they are now, which may have changed
 * since the body signed. The reader holds no state and needs no container: it reads one payload into
 * plain values.
 */
public record SignedCertificate(String number, Issuer issuer, Holder holder, Product product, Standard standard) {

    public record Issuer(String code, String approvalNumber, String nameZh, String nameEn) {}

    /** {@code address} is the Chinese address; the English one is not part of the record. */
    public record Holder(String creditCode, String nameZh, String nameEn, String address) {}

    public record Product(String nameZh, String nameEn, String model, String trademark, String gtin) {}

    /** The English title is not part of the record. */
    public record Standard(String number, String titleZh) {}

    /** Shared and thread-safe; the payload is the registry's own canonical JSON, so no leniency is needed. */
    private static final ObjectReader READER = JsonMapper.builder().build().reader();

    /**
     * Reads a {@code szmark.certificate.v1} record.
     *
     * @throws IllegalArgumentException if the bytes are not such a record (a member the writer always
     *     puts is missing)
     */
    public static SignedCertificate parse(byte[] payload) {
        JsonNode r;
        try {
            r = READER.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the certificate record is not JSON", e);
        }
        if (r == null || !SignedRecords.CERTIFICATE_TYPE.equals(r.path("type").asText(null))) {
            throw new IllegalArgumentException("not a " + SignedRecords.CERTIFICATE_TYPE + " record");
        }
        JsonNode i = object(r, "issuer");
        JsonNode h = object(r, "holder");
        JsonNode p = object(r, "product");
        JsonNode s = object(r, "standard");
        return new SignedCertificate(required(r, "number"),
                new Issuer(required(i, "code"), required(i, "approvalNumber"), required(i, "nameZh"), optional(i, "nameEn")),
                new Holder(required(h, "creditCode"), required(h, "nameZh"), optional(h, "nameEn"), optional(h, "address")),
                new Product(required(p, "nameZh"), optional(p, "nameEn"), required(p, "model"), optional(p, "trademark"),
                        optional(p, "gtin")),
                new Standard(required(s, "number"), required(s, "titleZh")));
    }

    private static JsonNode object(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isObject()) throw new IllegalArgumentException("the record has no " + name + " object");
        return n;
    }

    private static String required(JsonNode parent, String name) {
        String v = optional(parent, name);
        if (v == null) throw new IllegalArgumentException("the record has no " + name);
        return v;
    }

    /** The writer leaves out members without a value (docs/records.md), so absent means none. */
    private static String optional(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        return n == null || !n.isTextual() ? null : n.textValue();
    }
}
