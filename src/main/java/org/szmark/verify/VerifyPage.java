package org.szmark.verify;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * What the verification page shows, already worded in the page's language. {@code boundNote} explains,
 * when some row has a note, that the rows are the signed record and the notes today's registered data.
 * {@code asOf} is a ready {@code <time>} element (PageTimes); {@code help} is set for a code that is not
 * genuine, {@code successor} for a renewed certificate.
 */
@TemplateData
public record VerifyPage(String verdict, String verdictText, String hint, String reason, String statementLabel,
                         String statement, String suspendedUntil, Successor successor, Help help, String asOf,
                         List<Row> bound, String boundNote, List<Row> claims, List<HistoryRow> history, String logText,
                         String token, String authorityKey, boolean demo, String reportHref) {

    /** One fact of the signed record; {@code note} says what the registry holds now where that differs. */
    @TemplateData
    public record Row(String label, String value, String id, String note) {
        public Row(String label, String value, String id) {
            this(label, value, id, null);
        }
    }

    @TemplateData
    public record HistoryRow(String when, String event, String reason, String statement) {}

    /** The certificate that replaced a renewed one: its number, its verdict now (in words) and where to check it. */
    @TemplateData
    public record Successor(String number, String verdict, String verdictText, String href) {}

    /** What a consumer can do about a code that is not genuine. */
    @TemplateData
    public record Help(String complaintLine, String claimedNumber, String lookupHref) {}
}
