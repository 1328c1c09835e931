package org.szmark.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.szmark.body.CertificationBody;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateViews.RegisteredNow;
import org.szmark.certificate.SignedCertificate;
import org.szmark.certificate.StatusChange;
import org.szmark.certificate.StatusEvent;
import org.szmark.common.PageView;
import org.szmark.enterprise.Enterprise;
import org.szmark.qr.QrCodes;
import org.szmark.standard.Standard;
import org.szmark.standard.StandardStatus;

/**
 * Notices are read from the signed history itself, so nothing can be published that did not happen and
 * nothing that happened can be left out. Renewals (SUPERSEDED) are routine and not notices.
 */
@ApplicationScoped
public class NoticeService {

    private static final List<StatusChange> NOTICED = List.of(StatusChange.SUSPENDED, StatusChange.REVOKED, StatusChange.CANCELLED);

    @Inject EntityManager em;
    @Inject QrCodes qr;
    @Inject org.szmark.body.BodyService bodies;
    @Inject org.szmark.standard.StandardService standards;

    /** Filters: a body, a standard; either may be null. Unknown values simply match nothing. */
    public record Filter(Long bodyId, Long standardId) {}

    /** A filter from a body code and a standard number; an unknown value matches nothing, as a search should. */
    public Filter filter(String bodyCode, String standardNumber) {
        return new Filter(org.szmark.common.FilterIds.of(bodyCode, c -> bodies.get(c).id),
                org.szmark.common.FilterIds.of(standardNumber, n -> standards.get(n).id));
    }

    public PageView<Notice> list(Filter f, int page, int size) {
        int window = (page + 1) * size;
        StringBuilder jpql = new StringBuilder("select e, c from StatusEvent e, Certificate c where c.id = e.certificateId and e.event in :kinds");
        if (f.bodyId() != null) jpql.append(" and c.bodyId = :body");
        if (f.standardId() != null) jpql.append(" and c.standardId = :standard");
        TypedQuery<Object[]> events = em.createQuery(jpql + " order by e.effectiveAt desc, e.id desc", Object[].class)
                .setParameter("kinds", NOTICED).setMaxResults(window);
        if (f.bodyId() != null) events.setParameter("body", f.bodyId());
        if (f.standardId() != null) events.setParameter("standard", f.standardId());
        String count = "select count(e) from StatusEvent e, Certificate c where c.id = e.certificateId and e.event in :kinds"
                + (f.bodyId() != null ? " and c.bodyId = :body" : "") + (f.standardId() != null ? " and c.standardId = :standard" : "");
        TypedQuery<Long> countQuery = em.createQuery(count, Long.class).setParameter("kinds", NOTICED);
        if (f.bodyId() != null) countQuery.setParameter("body", f.bodyId());
        if (f.standardId() != null) countQuery.setParameter("standard", f.standardId());
        long total = countQuery.getSingleResult();

        List<Notice> notices = new ArrayList<>();
        Map<Long, CertificationBody> bodies = new HashMap<>();
        for (Object[] row : events.getResultList()) {
            notices.add(certificateNotice((StatusEvent) row[0], (Certificate) row[1], bodies));
        }
        // A standard abolished by notice belongs to no body, so a body filter leaves those out.
        if (f.bodyId() == null) {
            String sj = "from Standard s where s.status = :abolished" + (f.standardId() != null ? " and s.id = :standard" : "");
            TypedQuery<Standard> std = em.createQuery(sj + " order by s.abolishedOn desc, s.id desc", Standard.class)
                    .setParameter("abolished", StandardStatus.ABOLISHED).setMaxResults(window);
            if (f.standardId() != null) std.setParameter("standard", f.standardId());
            for (Standard s : std.getResultList()) notices.add(standardNotice(s));
            String sc = "select count(s) from Standard s where s.status = :abolished" + (f.standardId() != null ? " and s.id = :standard" : "");
            TypedQuery<Long> c = em.createQuery(sc, Long.class).setParameter("abolished", StandardStatus.ABOLISHED);
            if (f.standardId() != null) c.setParameter("standard", f.standardId());
            total += c.getSingleResult();
        }
        notices.sort(Comparator.comparing(Notice::effectiveAt).reversed().thenComparing(Notice::id, Comparator.reverseOrder()));
        int from = Math.min(page * size, notices.size());
        int to = Math.min(from + size, notices.size());
        return new PageView<>(notices.subList(from, to), page, size, total);
    }

    private Notice certificateNotice(StatusEvent e, Certificate c, Map<Long, CertificationBody> bodies) {
        CertificationBody b = bodies.computeIfAbsent(c.bodyId, id -> em.find(CertificationBody.class, id));
        Enterprise h = em.find(Enterprise.class, c.holderId);
        Standard s = em.find(Standard.class, c.standardId);
        Notice.Kind kind = switch (e.event) {
            case SUSPENDED -> Notice.Kind.CERTIFICATE_SUSPENDED;
            case REVOKED -> Notice.Kind.CERTIFICATE_REVOKED;
            default -> Notice.Kind.CERTIFICATE_CANCELLED;
        };
        // What the certificate says is its signed record; the rows as they are now only say where they differ.
        SignedCertificate signed = SignedCertificate.parse(c.payload);
        SignedCertificate.Holder sh = signed.holder();
        String link = c.qrSignature == null ? "/api/v1/certificates/" + c.number
                : "/v/" + qr.token(c, sh.creditCode(), signed.standard().number());
        return new Notice("event-" + e.id, kind, e.effectiveAt, e.recordedAt, c.number, sh.nameZh(), sh.nameEn(), sh.creditCode(),
                RegisteredNow.ofHolderName(sh, h.nameZh, h.nameEn),
                signed.product().nameZh(), signed.product().model(), b.code, b.nameZh, b.nameEn,
                signed.standard().number(), signed.standard().titleZh(), RegisteredNow.ofStandard(signed.standard(), s.titleZh),
                e.reasonCode, e.reasonText, link);
    }

    private static Notice standardNotice(Standard s) {
        OffsetDateTime at = (s.abolishedOn != null ? s.abolishedOn.atStartOfDay() : s.updatedAt.toLocalDateTime()).atOffset(ZoneOffset.UTC);
        return new Notice("standard-" + s.id, Notice.Kind.STANDARD_ABOLISHED, at, s.updatedAt, null, null, null, null, null,
                null, null, null, null, null, s.number, s.titleZh, null, null, s.abolitionNotice, "/api/v1/standards/" + s.number);
    }
}
