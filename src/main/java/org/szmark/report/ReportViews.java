package org.szmark.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import org.szmark.text.FreeText;
import java.time.OffsetDateTime;

/** What reports are sent as and shown as. */
public final class ReportViews {
    private ReportViews() {}

    public static final int MAX_TOKEN = 1024;
    public static final int MAX_NUMBER = 64;
    public static final int MAX_PLACE = 200;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_CONTACT = 200;

    /** A report as sent; {@code token} (the scanned code) or {@code certificateNumber} (as printed) is needed. */
    public record Submission(@Size(max = MAX_TOKEN) String token, @Size(max = MAX_NUMBER) String certificateNumber,
                             @Size(max = MAX_PLACE) String whereBought, @FreeText @Size(max = MAX_NOTE) String note,
                             @Size(max = MAX_CONTACT) String contact) {}

    /** What the sender gets back: that it arrived, and nothing of what others reported. */
    public record Received(long id, OffsetDateTime receivedAt) {}

    /** A report as the authority and the issuing body read it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportView(long id, OffsetDateTime receivedAt, String token, String certificateNumber, String verdict,
                             String reasonCode, String whereBought, String note, String contact, String photoUrl) {
        static ReportView of(CounterfeitReport r) {
            return new ReportView(r.id, r.receivedAt, r.token, r.certificateNumber, r.verdict, r.reasonCode, r.whereBought,
                    r.note, r.contact, r.photoType == null ? null : "/api/v1/reports/" + r.id + "/photo");
        }
    }

    /**
     * Reports per certificate number: how many, from how many different places, the latest, and whether the
     * number is flagged (szmark.reports.flag-after, flag-places).
     */
    public record NumberSummary(String certificateNumber, long reports, long places, OffsetDateTime latest, boolean flagged) {}

    /** A photo and its media type. */
    public record Photo(byte[] bytes, String mediaType) {}
}
