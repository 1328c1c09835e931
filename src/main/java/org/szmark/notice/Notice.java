package org.szmark.notice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.qute.TemplateData;
import java.time.OffsetDateTime;

/** One public notice (公告): a certificate suspended, revoked or cancelled, or a standard abolished. */
@TemplateData
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notice(String id, Kind kind, OffsetDateTime effectiveAt, OffsetDateTime publishedAt,
                     String certificateNumber, String holderNameZh, String holderNameEn, String holderCreditCode,
                     String productNameZh, String model, String bodyCode, String bodyNameZh, String bodyNameEn,
                     String standardNumber, String standardTitleZh, String reasonCode, String reasonText, String link) {

    /** The day the change took effect, for pages. */
    public String day() {
        return effectiveAt.toLocalDate().toString();
    }

    public enum Kind { CERTIFICATE_SUSPENDED, CERTIFICATE_REVOKED, CERTIFICATE_CANCELLED, STANDARD_ABOLISHED }
}
