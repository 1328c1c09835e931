package org.szmark.certificate;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.szmark.text.FreeText;

/** JSON shapes of the certificates API. */
public final class CertificateViews {
    private CertificateViews() {}

    public record ProductionSite(@Size(max = 200) String name, @NotBlank @Size(max = 300) String address) {}

    /**
     * Issuance. {@code number} is optional (the registry makes {@code SZBZ-<body>-<year>-<serial>});
     * {@code predecessor} makes this a renewal of that certificate.
     */
    public record IssueRequest(
            @Size(max = 40) String number,
            @NotBlank @Size(max = 40) String holder,
            @NotBlank @Size(max = 100) String productModel,
            @NotNull @Valid ProductionSite productionSite,
            @NotBlank @Size(max = 64) String standard,
            @NotBlank @Size(max = 1000) @FreeText String scope,
            @NotBlank @Size(max = 200) String certificationMode,
            LocalDate issueDate,
            LocalDate expiryDate,
            LocalDate firstIssueDate,
            @Size(max = 40) String predecessor) {}

    public record BatchRequest(@NotNull List<IssueRequest> certificates) {}

    /** A status change. {@code effectiveAt} defaults to now and may not lie in the future. */
    @Schema(name = "CertificateStatusRequest")
    public record StatusRequest(@NotNull ReasonCode reasonCode, @Size(max = 1000) @FreeText String reasonText,
                                LocalDate suspendedUntil, OffsetDateTime effectiveAt) {}

    /**
     * The issuer or the holder. The holder's names, address and credit code are those of the signed record;
     * {@code registeredNow} says what the registry holds now where that differs.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Party(String code, String approvalNumber, String creditCode, String nameZh, String nameEn,
                        String address, String status, RegisteredNow registeredNow) {}

    /** The product as signed; {@code registeredNow} as for {@link Party}. */
    @Schema(name = "CertifiedProduct")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProductView(String nameZh, String nameEn, String model, String trademark, String gtin,
                              RegisteredNow registeredNow) {}

    /**
     * The standard: number and Chinese title as signed; the English title (not in the record) only while
     * the registered Chinese title is still the signed one; {@code eligible} as of today.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StandardRef(String number, String titleZh, String titleEn, boolean eligible, RegisteredNow registeredNow) {}

    /**
     * What the registry holds now where it differs from what the certificate's signed record says: absent
     * when nothing differs, and then only with the members that differ. A value removed since signing is
     * the empty string. Changing a holder never changes a signed certificate; this says so openly instead.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RegisteredNow(String nameZh, String nameEn, String address, String model, String trademark,
                                String gtin, String titleZh) {

        public static RegisteredNow ofHolder(SignedCertificate.Holder signed, String nameZh, String nameEn, String addressZh) {
            return orNull(new RegisteredNow(differs(signed.nameZh(), nameZh), differs(signed.nameEn(), nameEn),
                    differs(signed.address(), addressZh), null, null, null, null));
        }

        /** For places that name the holder but show no address (notices, webhooks): the names only. */
        public static RegisteredNow ofHolderName(SignedCertificate.Holder signed, String nameZh, String nameEn) {
            return ofHolder(signed, nameZh, nameEn, signed.address());
        }

        public static RegisteredNow ofProduct(SignedCertificate.Product signed, String nameZh, String nameEn, String model,
                                              String trademark, String gtin) {
            return orNull(new RegisteredNow(differs(signed.nameZh(), nameZh), differs(signed.nameEn(), nameEn), null,
                    differs(signed.model(), model), differs(signed.trademark(), trademark), differs(signed.gtin(), gtin), null));
        }

        public static RegisteredNow ofStandard(SignedCertificate.Standard signed, String titleZh) {
            return orNull(new RegisteredNow(null, null, null, null, null, null, differs(signed.titleZh(), titleZh)));
        }

        /** The registered value now, given the signed one and this record's member for it. */
        public static String now(String signed, String member) {
            return member == null ? signed : member.isEmpty() ? null : member;
        }

        private static String differs(String signed, String now) {
            String n = now == null || now.isEmpty() ? null : now;
            return java.util.Objects.equals(signed, n) ? null : n == null ? "" : n;
        }

        private static RegisteredNow orNull(RegisteredNow r) {
            return r.equals(new RegisteredNow(null, null, null, null, null, null, null)) ? null : r;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusReason(String code, String text, OffsetDateTime since, LocalDate suspendedUntil) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventView(int seq, StatusChange event, CertificateStatus from, CertificateStatus to,
                            String reasonCode, String reasonText, OffsetDateTime effectiveAt, LocalDate suspendedUntil,
                            OffsetDateTime recordedAt, Long logIndex, Map<String, String> signed) {}

    /**
     * A certificate's surveillance (docs/surveillance.md): audits recorded, the latest one's day and result, the
     * last day on which the next audit is on time (its latest audit, or issue date, plus its scheme's interval)
     * and whether that day has passed. No next due date once the certificate has ended.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SurveillanceSummary(int audits, LocalDate lastAudit, String lastResult, LocalDate nextDue, boolean overdue) {}

    /** Whether the signature key was trustworthy when the record was signed. */
    public record Signature(String keyId, String keyTrust) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificateView(
            String number,
            CertificateStatus status,
            boolean markUsable,
            StatusReason statusReason,
            Party issuer,
            Party holder,
            ProductView product,
            ProductionSite productionSite,
            StandardRef standard,
            String scope,
            String certificationMode,
            LocalDate issueDate,
            LocalDate expiryDate,
            LocalDate firstIssueDate,
            String predecessor,
            String successor,
            SurveillanceSummary surveillance,
            OffsetDateTime asOf,
            String qrUrl,
            Long logIndex,
            Signature signature,
            Map<String, String> signed,
            List<EventView> history) {

        public CertificateView asOf(OffsetDateTime t) {
            return new CertificateView(number, status, markUsable, statusReason, issuer, holder, product, productionSite, standard,
                    scope, certificationMode, issueDate, expiryDate, firstIssueDate, predecessor, successor, surveillance, t, qrUrl, logIndex,
                    signature, signed, history);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchItem(int index, int status, CertificateView certificate, Object problem) {}

    public record BatchResult(int issued, int failed, List<BatchItem> results) {}
}
