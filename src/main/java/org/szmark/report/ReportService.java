package org.szmark.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.szmark.account.Actor;
import org.szmark.account.NotPermitted;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateRepository;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.common.PageView;
import org.szmark.config.SzmarkConfig;
import org.szmark.limits.RateLimits;
import org.szmark.report.ReportViews.NumberSummary;
import org.szmark.report.ReportViews.Photo;
import org.szmark.report.ReportViews.ReportView;
import org.szmark.report.ReportViews.Submission;
import org.szmark.verify.Verification;
import org.szmark.verify.VerificationService;

/**
 * Reports of suspicious labels. Anyone may send one (no account; a budget per client address); only the
 * authority and the body that issued the certificate a report names may read it, so a reporter's contact
 * never reaches a public page, a feed or another body.
 */
@ApplicationScoped
public class ReportService {

    @Inject EntityManager em;
    @Inject CertificateRepository certificates;
    @Inject VerificationService verification;
    @Inject RateLimits limits;
    @Inject SzmarkConfig config;
    @Inject Clock clock;

    /** Checks, spends the sender's budget, checks the code as a scan would, and keeps the report. */
    public ReportViews.Received submit(Submission s, byte[] photo, String clientAddress) {
        String token = trim(s.token());
        String number = trim(s.certificateNumber());
        if (token == null && number == null) {
            throw InvalidInput.field("token", "give the scanned code (token) or the certificate number printed on the label");
        }
        long maxPhoto = config.reports().maxPhotoSize().asLongValue();
        String photoType = null;
        if (photo != null && photo.length > 0) {
            if (photo.length > maxPhoto) throw InvalidInput.field("photo", "must be at most " + maxPhoto + " bytes");
            photoType = PhotoType.sniff(photo)
                    .orElseThrow(() -> InvalidInput.field("photo", "must be a JPEG, PNG, WebP or HEIC image"));
        } else {
            photo = null;
        }
        limits.report(clientAddress);

        String verdict = null;
        String reasonCode = null;
        if (token != null) {
            Verification v = verification.verify(token);
            verdict = v.verdict().name();
            reasonCode = v.reasonCode();
            if (number == null && v.claims() != null) number = v.claims().certificateNumber();
        }
        String claimed = number == null ? null : number.toUpperCase(Locale.ROOT);
        CounterfeitReport r = new CounterfeitReport();
        r.receivedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        r.token = token;
        r.certificateNumber = claimed;
        r.verdict = verdict;
        r.reasonCode = reasonCode;
        r.whereBought = trim(s.whereBought());
        r.placeKey = placeKey(r.whereBought);
        r.note = trim(s.note());
        r.contact = trim(s.contact());
        r.photo = photo;
        r.photoType = photoType;
        QuarkusTransaction.requiringNew().run(() -> {
            // A counterfeit copies a real certificate's number: that certificate's body should see the report.
            Optional<Certificate> c = claimed == null ? Optional.empty() : certificates.findByNumber(claimed);
            c.ifPresent(cert -> {
                r.certificateId = cert.id;
                r.bodyId = cert.bodyId;
            });
            em.persist(r);
        });
        return new ReportViews.Received(r.id, r.receivedAt);
    }

    /** Newest first; the authority reads all, a certifier its own body's; {@code number} and {@code flagged} filter. */
    public PageView<ReportView> list(Actor actor, String number, boolean flaggedOnly, int page, int size) {
        Long body = scope(actor);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (body != null) where.append(" and r.bodyId = :body");
        if (number != null) where.append(" and r.certificateNumber = :number");
        if (flaggedOnly) where.append(" and r.certificateNumber in (").append(FLAGGED_NUMBERS).append(")");
        var q = em.createQuery("select r from CounterfeitReport r" + where + " order by r.id desc", CounterfeitReport.class);
        var count = em.createQuery("select count(r) from CounterfeitReport r" + where, Long.class);
        for (var query : List.of(q, count)) {
            if (body != null) query.setParameter("body", body);
            if (number != null) query.setParameter("number", number.toUpperCase(Locale.ROOT));
            if (flaggedOnly) {
                query.setParameter("flagAfter", (long) config.reports().flagAfter());
                query.setParameter("flagPlaces", (long) config.reports().flagPlaces());
            }
        }
        List<ReportView> items = q.setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(ReportView::of).toList();
        return new PageView<>(items, page, size, count.getSingleResult());
    }

    private static final String FLAGGED_NUMBERS = "select f.certificateNumber from CounterfeitReport f"
            + " where f.certificateNumber is not null group by f.certificateNumber"
            + " having count(f) >= :flagAfter or count(distinct f.placeKey) >= :flagPlaces";

    /** Counts per certificate number, the most reported first. */
    public List<NumberSummary> summary(Actor actor, int limit) {
        Long body = scope(actor);
        var q = em.createQuery("select r.certificateNumber, count(r), count(distinct r.placeKey), max(r.receivedAt)"
                + " from CounterfeitReport r where r.certificateNumber is not null" + (body != null ? " and r.bodyId = :body" : "")
                + " group by r.certificateNumber order by count(r) desc, max(r.receivedAt) desc", Object[].class);
        if (body != null) q.setParameter("body", body);
        int after = config.reports().flagAfter(), places = config.reports().flagPlaces();
        return q.setMaxResults(limit).getResultList().stream().map(row -> {
            long n = (Long) row[1], p = (Long) row[2];
            return new NumberSummary((String) row[0], n, p, (OffsetDateTime) row[3], n >= after || p >= places);
        }).toList();
    }

    public Photo photo(long id, Actor actor) {
        Long body = scope(actor);
        CounterfeitReport r = em.find(CounterfeitReport.class, id);
        // Another body's report is answered like a missing one: its existence is not another body's business.
        if (r == null || (body != null && !body.equals(r.bodyId)) || r.photoType == null) {
            throw new NotFound("No report photo " + id);
        }
        return new Photo(r.photo, r.photoType);
    }

    /** Null for the authority (every report), the body's id for a certifier; nobody else reads reports. */
    private static Long scope(Actor actor) {
        if (actor.isAuthority()) return null;
        if (actor.bodyId() != null && actor.role() == org.szmark.account.Role.CERTIFIER) return actor.bodyId();
        throw new NotPermitted("forbidden", "Only the authority and certification bodies read reports");
    }

    /** Places compare without case, width or spacing differences: "深圳 华强北" and "深圳华强北" are one place. */
    static String placeKey(String where) {
        if (where == null) return null;
        String folded = java.text.Normalizer.normalize(where, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String key = folded.replaceAll("[\\s\\p{Punct}\\p{IsPunctuation}]+", "");
        return key.isEmpty() ? null : key;
    }

    private static String trim(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
