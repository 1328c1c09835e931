package org.szmark.verify;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * What the verification page shows, already worded in the page's language. {@code boundNote} explains,
 * when some row has a note, that the rows are the signed record and the notes today's registered data.
 */
@TemplateData
public record VerifyPage(String verdict, String verdictText, String hint, String reasonCode, String reason, String asOf,
                         List<Row> bound, String boundNote, List<Row> claims, List<HistoryRow> history, String logText, String token,
                         String authorityKey) {

    /** One fact of the signed record; {@code note} says what the registry holds now where that differs. */
    @TemplateData
    public record Row(String label, String value, String id, String note) {
        public Row(String label, String value, String id) {
            this(label, value, id, null);
        }
    }

    @TemplateData
    public record HistoryRow(String when, String event, String reason) {}
}
