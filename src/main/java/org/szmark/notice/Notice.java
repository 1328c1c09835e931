package org.szmark.notice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.qute.TemplateData;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.szmark.certificate.CertificateViews.RegisteredNow;

/**
 * One public notice (公告): a certificate suspended, revoked or cancelled, or a standard abolished. The
 * holder, product and standard of a certificate notice are those of its signed record;
 * {@code holderRegisteredNow} and {@code standardRegisteredNow} say what the registry holds now where it
 * differs. The body is the body as registered.
 */
@TemplateData
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notice(String id, Kind kind, OffsetDateTime effectiveAt, OffsetDateTime publishedAt,
                     String certificateNumber, String holderNameZh, String holderNameEn, String holderCreditCode,
                     RegisteredNow holderRegisteredNow,
                     String productNameZh, String model, String bodyCode, String bodyNameZh, String bodyNameEn,
                     String standardNumber, String standardTitleZh, RegisteredNow standardRegisteredNow,
                     String reasonCode, String reasonText, String link) {

    /** The day the change took effect, for pages. */
    public String day() {
        return effectiveAt.toLocalDate().toString();
    }

    /** The holder's registered name now ("zh / en"), where it differs from the signed one; else null. */
    @JsonIgnore
    public String registeredHolderName() {
        RegisteredNow r = holderRegisteredNow;
        if (r == null || r.nameZh() == null && r.nameEn() == null) return null;
        String zh = RegisteredNow.now(holderNameZh, r.nameZh());
        String en = RegisteredNow.now(holderNameEn, r.nameEn());
        return en == null ? zh : zh + " / " + en;
    }

    @Schema(name = "NoticeKind")
    public enum Kind { CERTIFICATE_SUSPENDED, CERTIFICATE_REVOKED, CERTIFICATE_CANCELLED, STANDARD_ABOLISHED }
}
