package org.szmark.certificate;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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
            @NotBlank @Size(max = 1000) String scope,
            @NotBlank @Size(max = 200) String certificationMode,
            LocalDate issueDate,
            LocalDate expiryDate,
            LocalDate firstIssueDate,
            @Size(max = 40) String predecessor) {}

    public record BatchRequest(@NotNull List<IssueRequest> certificates) {}

    /** A status change. {@code effectiveAt} defaults to now and may not lie in the future. */
    public record StatusRequest(@NotNull ReasonCode reasonCode, @Size(max = 1000) String reasonText,
                                LocalDate suspendedUntil, OffsetDateTime effectiveAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Party(String code, String approvalNumber, String creditCode, String nameZh, String nameEn,
                        String address, String status) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProductView(String nameZh, String nameEn, String model, String trademark, String gtin) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StandardRef(String number, String titleZh, String titleEn, boolean eligible) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusReason(String code, String text, OffsetDateTime since, LocalDate suspendedUntil) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventView(int seq, StatusChange event, CertificateStatus from, CertificateStatus to,
                            String reasonCode, String reasonText, OffsetDateTime effectiveAt, LocalDate suspendedUntil,
                            OffsetDateTime recordedAt, Long logIndex, Map<String, String> signed) {}

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
            OffsetDateTime asOf,
            String qrUrl,
            Long logIndex,
            Signature signature,
            Map<String, String> signed,
            List<EventView> history) {

        public CertificateView asOf(OffsetDateTime t) {
            return new CertificateView(number, status, markUsable, statusReason, issuer, holder, product, productionSite, standard,
                    scope, certificationMode, issueDate, expiryDate, firstIssueDate, predecessor, successor, t, qrUrl, logIndex,
                    signature, signed, history);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchItem(int index, int status, CertificateView certificate, Object problem) {}

    public record BatchResult(int issued, int failed, List<BatchItem> results) {}
}
