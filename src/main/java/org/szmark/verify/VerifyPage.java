package org.szmark.verify;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** What the verification page shows, already worded in the page's language. */
@TemplateData
public record VerifyPage(String verdict, String verdictText, String hint, String reasonCode, String reason, String asOf,
                         List<Row> bound, List<Row> claims, List<HistoryRow> history, String logText, String token,
                         String authorityKey) {

    @TemplateData
    public record Row(String label, String value, String id) {}

    @TemplateData
    public record HistoryRow(String when, String event, String reason) {}
}
