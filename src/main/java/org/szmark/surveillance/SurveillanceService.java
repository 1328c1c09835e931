package org.szmark.surveillance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.szmark.account.Actor;
import org.szmark.body.CertificationBody;
import org.szmark.body.CertifierWrites;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateRepository;
import org.szmark.certificate.CertificateService;
import org.szmark.certificate.CertificateStatus;
import org.szmark.certificate.CertificateViews.StatusRequest;
import org.szmark.certificate.ReasonCode;
import org.szmark.certificate.StatusChange;
import org.szmark.common.Conflict;
import org.szmark.common.DomainException;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.common.PageView;
import org.szmark.common.Persistence;
import org.szmark.common.TryAgainLater;
import org.szmark.config.SzmarkConfig;
import org.szmark.surveillance.SurveillanceViews.Action;
import org.szmark.surveillance.SurveillanceViews.ActionItem;
import org.szmark.surveillance.SurveillanceViews.ActionResult;
import org.szmark.surveillance.SurveillanceViews.ApplyResult;
import org.szmark.surveillance.SurveillanceViews.AuditDue;
import org.szmark.surveillance.SurveillanceViews.AuditRequest;
import org.szmark.surveillance.SurveillanceViews.AuditsDue;
import org.szmark.surveillance.SurveillanceViews.Candidate;
import org.szmark.surveillance.SurveillanceViews.CandidateList;
import org.szmark.surveillance.SurveillanceViews.Candidates;
import org.szmark.surveillance.SurveillanceViews.CertificateRef;
import org.szmark.surveillance.SurveillanceViews.Dashboard;
import org.szmark.surveillance.SurveillanceViews.Outcome;
import org.szmark.surveillance.SurveillanceViews.Suspension;
import org.szmark.surveillance.SurveillanceViews.SuspensionsEnded;
import org.szmark.surveillance.SurveillanceViews.SuspensionsEnding;
import org.szmark.web.Problem;

/**
 * Surveillance audits of certificates, a body's dashboard, and the scheme rules that follow from them
 * (docs/surveillance.md): overdue surveillance leads to suspension, a suspension that ends without
 * reinstatement to revocation. Those rules are only ever offered: {@link #candidates} lists what they would
 * change and {@link #apply} changes what the body chose, each through {@link CertificateService#changeStatus}
 * (signed, logged, announced to webhooks) after checking it anew. Nothing here changes a status by itself.
 */
@ApplicationScoped
public class SurveillanceService {

    private static final List<CertificateStatus> OPEN = List.of(CertificateStatus.VALID, CertificateStatus.SUSPENDED);

    @Inject CertificateRepository certificates;
    @Inject CertificateService certificateService;
    @Inject SurveillanceIntervals intervals;
    @Inject SzmarkConfig config;
    @Inject EntityManager em;
    @Inject Clock clock;
    @Inject org.szmark.log.LogService log;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- audits ----

    /**
     * Records an audit of one of the caller's body's certificates. The certificate row is locked, as for a
     * status change, so its count and latest audit stay exact and an apply re-checking it sees this audit.
     */
    @Transactional
    public SurveillanceAudit record(String rawNumber, AuditRequest r, Actor actor) {
        Certificate c = certificates.lockByNumber(CertificateService.normaliseNumber(rawNumber))
                .filter(x -> actor.isCertifierOf(x.bodyId))
                .orElseThrow(() -> new NotFound("No certificate " + rawNumber + " of your body"));
        CertifierWrites.recordSurveillance(em.find(CertificationBody.class, c.bodyId));
        LocalDate today = today();
        CertificateStatus status = c.statusOn(today);
        if (status.isFinal()) {
            throw new Conflict("certificate-ended", "Certificate " + c.number + " is " + status
                    + ": surveillance audits are recorded only for VALID or SUSPENDED certificates");
        }
        if (r.auditedOn().isAfter(today)) throw InvalidInput.field("auditedOn", "must not lie in the future");
        if (r.auditedOn().isBefore(c.issueDate)) {
            throw InvalidInput.field("auditedOn", "must not be before the issue date " + c.issueDate);
        }
        Conflict sameDay = new Conflict("duplicate-audit", "Certificate " + c.number + " has an audit on "
                + r.auditedOn() + " already");
        Long taken = em.createQuery("select count(a) from SurveillanceAudit a where a.certificateId = :c and a.auditDate = :d", Long.class)
                .setParameter("c", c.id).setParameter("d", r.auditedOn()).getSingleResult();
        if (taken > 0) throw sameDay;
        SurveillanceAudit a = new SurveillanceAudit();
        a.certificateId = c.id;
        a.auditDate = r.auditedOn();
        a.result = r.result();
        a.notes = r.notes() == null || r.notes().isBlank() ? null : r.notes().strip();
        a.recordedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        a.recordedBy = actor.accountId();
        Persistence.persistOrConflict(em, a, () -> sameDay);
        c.surveillanceCount++;
        // An audit entered late for an earlier day counts, but does not move the latest audit back.
        if (c.lastSurveillanceOn == null || a.auditDate.isAfter(c.lastSurveillanceOn)) {
            c.lastSurveillanceOn = a.auditDate;
            c.lastSurveillanceResult = a.result.name();
        }
        em.flush();
        return a;
    }

    public SurveillanceViews.AuditView view(long auditId) {
        SurveillanceAudit a = em.find(SurveillanceAudit.class, auditId);
        return SurveillanceViews.AuditView.of(a, em.find(Certificate.class, a.certificateId).number);
    }

    /** A certificate's audits, latest first: for its body's certifiers and the authority. */
    public PageView<SurveillanceViews.AuditView> audits(String rawNumber, Actor actor, int page, int size) {
        Certificate c = certificates.findByNumber(CertificateService.normaliseNumber(rawNumber))
                .filter(x -> actor.isAuthority() || actor.isCertifierOf(x.bodyId))
                .orElseThrow(() -> new NotFound("No certificate " + rawNumber + " of your body"));
        List<SurveillanceAudit> rows = em.createQuery("from SurveillanceAudit a where a.certificateId = :c"
                        + " order by a.auditDate desc, a.id desc", SurveillanceAudit.class)
                .setParameter("c", c.id).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new PageView<>(rows.stream().map(a -> SurveillanceViews.AuditView.of(a, c.number)).toList(), page, size,
                c.surveillanceCount);
    }

    // ---- dashboard ----

    /** The dashboard's windows and list length, as asked for or configured. */
    public record Window(int dueWithinDays, int suspensionEndsWithinDays, int limit) {}

    public Window defaultWindow() {
        return new Window(config.surveillance().dueWithinDays(), config.surveillance().suspensionEndsWithinDays(), 50);
    }

    @Transactional
    public Dashboard dashboard(long bodyId, Window w) {
        CertificationBody body = em.find(CertificationBody.class, bodyId);
        LocalDate today = today();
        Period interval = intervals.forBody(body.code);

        Map<CertificateStatus, Long> byStatus = new EnumMap<>(CertificateStatus.class);
        for (CertificateStatus s : CertificateStatus.values()) byStatus.put(s, 0L);
        em.createQuery("select c.status, count(c) from Certificate c where c.bodyId = :b"
                        + " and (c.status not in :open or c.expiryDate >= :today) group by c.status", Object[].class)
                .setParameter("b", body.id).setParameter("open", OPEN).setParameter("today", today)
                .getResultList().forEach(r -> byStatus.put((CertificateStatus) r[0], (Long) r[1]));
        byStatus.put(CertificateStatus.EXPIRED, em.createQuery("select count(c) from Certificate c where c.bodyId = :b"
                        + " and c.status in :open and c.expiryDate < :today", Long.class)
                .setParameter("b", body.id).setParameter("open", OPEN).setParameter("today", today).getSingleResult());

        LocalDate dueBy = SurveillanceSchedule.latestBaseDueBy(today.plusDays(w.dueWithinDays()), interval);
        LocalDate overdueBy = SurveillanceSchedule.latestBaseDueBy(today.minusDays(1), interval);
        long dueTotal = countDue(body.id, OPEN, dueBy, today);
        long overdue = countDue(body.id, OPEN, overdueBy, today);
        List<AuditDue> due = new ArrayList<>();
        for (Object[] r : due(body.id, OPEN, dueBy, today, w.limit())) {
            Certificate c = (Certificate) r[0];
            LocalDate next = SurveillanceSchedule.nextDue(c.issueDate, c.lastSurveillanceOn, interval);
            due.add(new AuditDue(ref(r, today), c.surveillanceCount, c.lastSurveillanceOn, next,
                    SurveillanceSchedule.overdue(next, today)));
        }

        LocalDate endsBy = today.plusDays(w.suspensionEndsWithinDays());
        String ending = " and c.suspendedUntil >= :today and c.suspendedUntil <= :until";
        String ended = " and c.suspendedUntil < :today";
        return new Dashboard(body.code, today, byStatus,
                new AuditsDue(w.dueWithinDays(), interval, dueTotal, overdue, due),
                new SuspensionsEnding(w.suspensionEndsWithinDays(), countSuspended(body.id, ending, today, endsBy),
                        suspended(body.id, ending, today, endsBy, w.limit())),
                new SuspensionsEnded(countSuspended(body.id, ended, today, null), suspended(body.id, ended, today, null, w.limit())));
    }

    // ---- the scheme rules, offered ----

    /** What the scheme rules would change today; nothing is changed. */
    @Transactional
    public Candidates candidates(long bodyId, int limit) {
        CertificationBody body = em.find(CertificationBody.class, bodyId);
        LocalDate today = today();
        Period interval = intervals.forBody(body.code);
        LocalDate overdueBy = SurveillanceSchedule.latestBaseDueBy(today.minusDays(1), interval);
        List<CertificateStatus> valid = List.of(CertificateStatus.VALID);
        List<Candidate> suspend = new ArrayList<>();
        for (Object[] r : due(body.id, valid, overdueBy, today, limit)) {
            Certificate c = (Certificate) r[0];
            suspend.add(new Candidate(ref(r, today), Action.SUSPEND, ReasonCode.SURVEILLANCE_OVERDUE.name(),
                    SurveillanceSchedule.nextDue(c.issueDate, c.lastSurveillanceOn, interval), null));
        }
        String ended = " and c.suspendedUntil < :today";
        List<Candidate> revoke = suspendedRows(body.id, ended, today, null, limit).stream()
                .map(r -> new Candidate(ref(r, today), Action.REVOKE, ReasonCode.NOT_CORRECTED.name(), null,
                        ((Certificate) r[0]).suspendedUntil))
                .toList();
        return new Candidates(body.code, today,
                new CandidateList(countDue(body.id, valid, overdueBy, today), suspend),
                new CandidateList(countSuspended(body.id, ended, today, null), revoke));
    }

    /**
     * Applies the chosen actions one by one, each in a transaction of its own: the certificate is locked,
     * checked to be a candidate still (a reinstatement, audit or other change since the list was read wins,
     * and the item is reported SKIPPED), and changed through the status-change service. A refusal of one
     * item (its body withdrawn, say) is reported with its problem and leaves the others be. A busy log
     * refuses the rest of the request with 503; what was applied stays, and sending the request again skips it.
     */
    public ApplyResult apply(List<ActionItem> items, String reasonText, Actor actor) {
        int max = config.certificates().maxBatchSize();
        if (items.size() > max) throw InvalidInput.field("actions", "must hold 1 to " + max + " actions");
        String text = reasonText == null || reasonText.isBlank() ? null : reasonText.strip();
        List<ActionResult> results = new ArrayList<>(items.size());
        int applied = 0;
        int skipped = 0;
        for (int i = 0; i < items.size(); i++) {
            ActionItem item = items.get(i);
            ActionResult result;
            try {
                int index = i;
                result = QuarkusTransaction.requiringNew().call(() -> {
                    ActionResult r = applyOne(index, item, text, actor);
                    log.writeAppends();
                    return r;
                });
            } catch (TryAgainLater e) {
                throw e;
            } catch (DomainException e) {
                result = new ActionResult(i, item.certificate(), item.action(), Outcome.REFUSED, null, null,
                        Problem.of(e.type(), e.title(), e.status(), e.getMessage(), e.fieldErrors()));
            }
            if (result.outcome() == Outcome.APPLIED) applied++;
            if (result.outcome() == Outcome.SKIPPED) skipped++;
            results.add(result);
        }
        return new ApplyResult(applied, skipped, items.size() - applied - skipped, results);
    }

    private ActionResult applyOne(int index, ActionItem item, String text, Actor actor) {
        String number = CertificateService.normaliseNumber(item.certificate());
        Certificate c = certificates.lockByNumber(number)
                .filter(x -> actor.isCertifierOf(x.bodyId))
                .orElseThrow(() -> new NotFound("No certificate " + item.certificate() + " of your body"));
        LocalDate today = today();
        CertificateStatus status = c.statusOn(today);
        String why = switch (item.action()) {
            case SUSPEND -> {
                if (status != CertificateStatus.VALID) yield "it is " + status + ", not VALID";
                LocalDate due = SurveillanceSchedule.nextDue(c.issueDate, c.lastSurveillanceOn,
                        intervals.forBody(em.find(CertificationBody.class, c.bodyId).code));
                yield SurveillanceSchedule.overdue(due, today) ? null : "its next surveillance audit is due on " + due
                        + ", not overdue";
            }
            case REVOKE -> {
                if (status != CertificateStatus.SUSPENDED) yield "it is " + status + ", not SUSPENDED";
                yield c.suspendedUntil != null && c.suspendedUntil.isBefore(today) ? null
                        : "its suspension lasts until " + c.suspendedUntil;
            }
        };
        if (why != null) {
            return new ActionResult(index, c.number, item.action(), Outcome.SKIPPED, status, "No longer a candidate: " + why, null);
        }
        Certificate changed = switch (item.action()) {
            case SUSPEND -> certificateService.changeStatus(number, StatusChange.SUSPENDED, new StatusRequest(
                    ReasonCode.SURVEILLANCE_OVERDUE, text != null ? text : "Surveillance audit due on "
                    + SurveillanceSchedule.nextDue(c.issueDate, c.lastSurveillanceOn,
                            intervals.forBody(em.find(CertificationBody.class, c.bodyId).code)) + " was not made",
                    null, null), actor);
            case REVOKE -> certificateService.changeStatus(number, StatusChange.REVOKED, new StatusRequest(
                    ReasonCode.NOT_CORRECTED, text != null ? text : "Suspension ended on " + c.suspendedUntil
                    + " without reinstatement", null, null), actor);
        };
        return new ActionResult(index, changed.number, item.action(), Outcome.APPLIED, changed.statusOn(today), null, null);
    }

    // ---- queries ----

    private static final String WITH_HOLDER = "select c, e.creditCode, e.nameZh from Certificate c join Enterprise e on e.id = c.holderId";
    private static final String DUE = " where c.bodyId = :b and c.status in :statuses and c.expiryDate >= :today"
            + " and coalesce(c.lastSurveillanceOn, c.issueDate) <= :bound";

    private long countDue(long bodyId, List<CertificateStatus> statuses, LocalDate bound, LocalDate today) {
        return em.createQuery("select count(c) from Certificate c" + DUE, Long.class)
                .setParameter("b", bodyId).setParameter("statuses", statuses).setParameter("today", today)
                .setParameter("bound", bound).getSingleResult();
    }

    /** Most overdue first. */
    private List<Object[]> due(long bodyId, List<CertificateStatus> statuses, LocalDate bound, LocalDate today, int limit) {
        return em.createQuery(WITH_HOLDER + DUE + " order by coalesce(c.lastSurveillanceOn, c.issueDate), c.id", Object[].class)
                .setParameter("b", bodyId).setParameter("statuses", statuses).setParameter("today", today)
                .setParameter("bound", bound).setMaxResults(limit).getResultList();
    }

    private static final String SUSPENDED = " where c.bodyId = :b and c.status = :suspended and c.expiryDate >= :today";

    private long countSuspended(long bodyId, String condition, LocalDate today, LocalDate until) {
        return suspendedQuery("select count(c) from Certificate c" + SUSPENDED + condition, Long.class, bodyId, today, until)
                .getSingleResult();
    }

    /** Soonest (or longest ended) first. */
    private List<Suspension> suspended(long bodyId, String condition, LocalDate today, LocalDate until, int limit) {
        return suspendedRows(bodyId, condition, today, until, limit).stream().map(r -> {
            Certificate c = (Certificate) r[0];
            return new Suspension(ref(r, today), c.statusReasonCode, c.statusChangedAt, c.suspendedUntil);
        }).toList();
    }

    private List<Object[]> suspendedRows(long bodyId, String condition, LocalDate today, LocalDate until, int limit) {
        return suspendedQuery(WITH_HOLDER + SUSPENDED + condition + " order by c.suspendedUntil, c.id", Object[].class,
                bodyId, today, until).setMaxResults(limit).getResultList();
    }

    private <T> TypedQuery<T> suspendedQuery(String q, Class<T> type, long bodyId, LocalDate today, LocalDate until) {
        TypedQuery<T> query = em.createQuery(q, type).setParameter("b", bodyId)
                .setParameter("suspended", CertificateStatus.SUSPENDED).setParameter("today", today);
        return until == null ? query : query.setParameter("until", until);
    }

    private static CertificateRef ref(Object[] row, LocalDate today) {
        Certificate c = (Certificate) row[0];
        return new CertificateRef(c.number, c.statusOn(today), (String) row[1], (String) row[2]);
    }
}
