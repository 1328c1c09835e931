package org.szmark.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.szmark.body.BodyStatus;
import org.szmark.body.CertificationBody;
import org.szmark.certificate.CertificateViews.CertificateView;
import org.szmark.certificate.CertificateViews.EventView;
import org.szmark.certificate.CertificateViews.Party;
import org.szmark.certificate.CertificateViews.ProductView;
import org.szmark.certificate.CertificateViews.ProductionSite;
import org.szmark.certificate.CertificateViews.RegisteredNow;
import org.szmark.certificate.CertificateViews.Signature;
import org.szmark.certificate.CertificateViews.StandardRef;
import org.szmark.certificate.CertificateViews.StatusReason;
import org.szmark.crypto.SignedEnvelope;
import org.szmark.enterprise.Enterprise;
import org.szmark.enterprise.Product;
import org.szmark.keys.BodyKeyService;
import org.szmark.keys.KeyTrust;
import org.szmark.standard.Standard;

/** Assembles what the public sees of a certificate: bound data, live status, signed records, history. */
@ApplicationScoped
public class CertificateViewer {

    @Inject EntityManager em;
    @Inject CertificateService service;
    @Inject BodyKeyService keys;
    @Inject org.szmark.qr.QrCodes qr;
    @Inject org.szmark.surveillance.SurveillanceIntervals intervals;

    public CertificateView view(Certificate c, boolean withHistory) {
        List<EventView> history = withHistory ? service.history(c).stream().map(CertificateViewer::event).toList() : null;
        Long logIndex = latestLogIndex(c, history);
        KeyTrust trust = keys.find(c.keyId).map(k -> k.trustAt(c.signedAt.toInstant())).orElse(KeyTrust.UNKNOWN_KEY);
        return build(c, history, logIndex, trust);
    }

    /**
     * Views without history of many certificates (a batch issuance's answer): the holders, products,
     * keys and latest log indexes are read with one query each rather than per certificate.
     */
    public List<CertificateView> views(List<Certificate> certificates) {
        if (certificates.isEmpty()) return List.of();
        List<Long> ids = certificates.stream().map(c -> c.id).toList();
        // Loaded into the persistence context, where the em.find calls of build() then find them.
        em.createQuery("from Enterprise where id in :ids", Enterprise.class)
                .setParameter("ids", certificates.stream().map(c -> c.holderId).distinct().toList()).getResultList();
        em.createQuery("from Product where id in :ids", Product.class)
                .setParameter("ids", certificates.stream().map(c -> c.productId).distinct().toList()).getResultList();
        Map<Long, Long> logIndexes = new java.util.HashMap<>();
        em.createQuery("select e.certificateId, e.logIndex from StatusEvent e where e.certificateId in :ids order by e.seq", Object[].class)
                .setParameter("ids", ids).getResultList().forEach(r -> logIndexes.put((Long) r[0], (Long) r[1]));
        Map<String, java.util.Optional<org.szmark.keys.BodyKey>> keysById = new java.util.HashMap<>();
        List<CertificateView> out = new java.util.ArrayList<>(certificates.size());
        for (Certificate c : certificates) {
            KeyTrust trust = keysById.computeIfAbsent(c.keyId, keys::find).map(k -> k.trustAt(c.signedAt.toInstant()))
                    .orElse(KeyTrust.UNKNOWN_KEY);
            out.add(build(c, null, logIndexes.get(c.id), trust));
        }
        return out;
    }

    private CertificateView build(Certificate c, List<EventView> history, Long logIndex, KeyTrust trust) {
        LocalDate today = service.today();
        CertificationBody body = em.find(CertificationBody.class, c.bodyId);
        Enterprise holder = em.find(Enterprise.class, c.holderId);
        Product product = em.find(Product.class, c.productId);
        Standard standard = em.find(Standard.class, c.standardId);
        CertificateStatus status = c.statusOn(today);
        // The mark may be used only on a valid certificate of an active body, signed by a trustworthy key.
        boolean usable = status == CertificateStatus.VALID && body.status == BodyStatus.ACTIVE && trust.trusted();
        StatusReason reason = c.statusReasonCode == null && status != CertificateStatus.EXPIRED ? null
                : new StatusReason(status == CertificateStatus.EXPIRED ? "EXPIRED" : c.statusReasonCode,
                        status == CertificateStatus.EXPIRED ? "Expired on " + c.expiryDate : c.statusReasonText,
                        status == CertificateStatus.EXPIRED ? c.expiryDate.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC) : c.statusChangedAt,
                        c.suspendedUntil);
        // Holder, product and standard as the body signed them (docs/trust-model.md); the rows as they are
        // now only say where they differ. The issuer is the body as registered: its status is live by nature.
        SignedCertificate signed = SignedCertificate.parse(c.payload);
        SignedCertificate.Holder sh = signed.holder();
        SignedCertificate.Product sp = signed.product();
        SignedCertificate.Standard ss = signed.standard();
        return new CertificateView(
                c.number, status, usable, reason,
                new Party(body.code, body.approvalNumber, null, body.nameZh, body.nameEn, null, body.status.name(), null),
                new Party(null, null, sh.creditCode(), sh.nameZh(), sh.nameEn(), sh.address(), null,
                        RegisteredNow.ofHolder(sh, holder.nameZh, holder.nameEn, holder.addressZh)),
                new ProductView(sp.nameZh(), sp.nameEn(), sp.model(), sp.trademark(), sp.gtin(),
                        RegisteredNow.ofProduct(sp, product.nameZh, product.nameEn, product.model, product.trademark, product.gtin)),
                new ProductionSite(c.siteName, c.siteAddress),
                new StandardRef(ss.number(), ss.titleZh(), ss.titleZh().equals(standard.titleZh) ? standard.titleEn : null,
                        standard.eligibleOn(today), RegisteredNow.ofStandard(ss, standard.titleZh)),
                c.scope, c.certificationMode, c.issueDate, c.expiryDate, c.firstIssueDate,
                numberOf(c.predecessorId), numberOf(c.successorId),
                intervals.summary(c, status, body.code, today),
                OffsetDateTime.now(java.time.Clock.systemUTC()).withNano(0),
                c.qrSignature == null ? null : qr.url(qr.token(c, sh.creditCode(), ss.number())),
                logIndex,
                new Signature(c.keyId, trust.name()),
                envelope(c.payload, c.signature, c.keyId),
                history);
    }

    /** Log index of the certificate's latest event (docs/log.md). */
    private Long latestLogIndex(Certificate c, List<EventView> history) {
        if (history != null) {
            return history.isEmpty() ? null : history.get(history.size() - 1).logIndex();
        }
        return em.createQuery("select e.logIndex from StatusEvent e where e.certificateId = :c and e.seq = :s", Long.class)
                .setParameter("c", c.id).setParameter("s", c.eventCount).getResultStream().findFirst().orElse(null);
    }

    private String numberOf(Long id) {
        return id == null ? null : em.find(Certificate.class, id).number;
    }

    static EventView event(StatusEvent e) {
        return new EventView(e.seq, e.event, e.fromStatus, e.toStatus, e.reasonCode, e.reasonText, e.effectiveAt,
                e.suspendedUntil, e.recordedAt, e.logIndex, envelope(e.payload, e.signature, e.keyId));
    }

    static Map<String, String> envelope(byte[] payload, byte[] signature, String keyId) {
        return new SignedEnvelope(payload, signature, keyId).toMap();
    }
}
