package org.szmark.surveillance;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.szmark.certificate.CertificateStatus;
import org.szmark.text.FreeText;
import org.szmark.web.Problem;

/** JSON shapes of surveillance audits, the body dashboard and the offered scheme actions. */
public final class SurveillanceViews {
    private SurveillanceViews() {}

    /** A surveillance audit as the body records it: the day it was made, its result, notes. */
    public record AuditRequest(@NotNull LocalDate auditedOn, @NotNull AuditResult result,
                               @Size(max = 2000) @FreeText String notes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditView(long id, String certificate, LocalDate auditedOn, AuditResult result, String notes,
                            OffsetDateTime recordedAt, long recordedBy) {

        static AuditView of(SurveillanceAudit a, String number) {
            return new AuditView(a.id, number, a.auditDate, a.result, a.notes, a.recordedAt, a.recordedBy);
        }
    }

    /** A certificate in one of the dashboard's lists, with its holder as registered now. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificateRef(String number, CertificateStatus status, String holderCreditCode, String holderName) {}

    /** A certificate whose next audit is due soon or overdue. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditDue(CertificateRef certificate, int audits, LocalDate lastAudit, LocalDate nextDue, boolean overdue) {}

    /** A suspended certificate: since when, why, and its last day. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suspension(CertificateRef certificate, String reasonCode, OffsetDateTime since, LocalDate suspendedUntil) {}

    /** The dashboard's lists each hold how many match and the first {@code limit} of them, most urgent first. */
    @Schema(name = "AuditsDue")
    public record AuditsDue(int withinDays, Period interval, long total, long overdue, List<AuditDue> items) {}

    @Schema(name = "SuspensionsEnding")
    public record SuspensionsEnding(int withinDays, long total, List<Suspension> items) {}

    @Schema(name = "SuspensionsEnded")
    public record SuspensionsEnded(long total, List<Suspension> items) {}

    /**
     * What a body's console shows: its certificates by live status, audits due within {@code withinDays} or
     * overdue, suspensions ending within their window, and suspensions that ended without reinstatement.
     */
    public record Dashboard(String body, LocalDate asOf, Map<CertificateStatus, Long> certificatesByStatus,
                            AuditsDue auditsDue, SuspensionsEnding suspensionsEnding, SuspensionsEnded suspensionsEnded) {}

    /** The scheme rules' actions: suspend for overdue surveillance, revoke a suspension that ended. */
    public enum Action {
        /** VALID and its surveillance audit overdue: suspend (SURVEILLANCE_OVERDUE). */
        SUSPEND,
        /** SUSPENDED past its last day without reinstatement: revoke (NOT_CORRECTED). */
        REVOKE
    }

    /** A certificate a scheme rule says should change, with the day that makes it so. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(CertificateRef certificate, Action action, String reasonCode, LocalDate nextDue,
                            LocalDate suspendedUntil) {}

    @Schema(name = "CandidateList")
    public record CandidateList(long total, List<Candidate> items) {}

    /** Nothing here is applied: each candidate changes only when {@code POST /api/v1/surveillance/actions} names it. */
    public record Candidates(String body, LocalDate asOf, CandidateList suspend, CandidateList revoke) {}

    public record ActionItem(@NotBlank @Size(max = 40) String certificate, @NotNull Action action) {}

    /** The chosen candidates; {@code reasonText} goes into every change's signed event, else a standard one does. */
    public record ApplyRequest(@NotNull @Size(min = 1) List<@Valid @NotNull ActionItem> actions,
                               @Size(max = 1000) @FreeText String reasonText) {}

    /** APPLIED: changed; SKIPPED: no longer a candidate when re-checked; REFUSED: the change was refused. */
    public enum Outcome { APPLIED, SKIPPED, REFUSED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActionResult(int index, String certificate, Action action, Outcome outcome, CertificateStatus status,
                               String detail, Problem problem) {}

    public record ApplyResult(int applied, int skipped, int refused, List<ActionResult> results) {}
}
