package org.szmark.certificate;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.szmark.common.Likes;

@ApplicationScoped
public class CertificateRepository implements PanacheRepository<Certificate> {

    public Optional<Certificate> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    /** Which of these numbers are taken. */
    public List<String> takenNumbers(Collection<String> numbers) {
        return numbers.isEmpty() ? List.of()
                : getEntityManager().createQuery("select c.number from Certificate c where c.number in :n", String.class)
                        .setParameter("n", numbers).getResultList();
    }

    /** Status changes serialise on the certificate row so each gets the next sequence number. */
    public Optional<Certificate> lockByNumber(String number) {
        return find("number", number).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Locks the body's certificates among {@code numbers} in id order, so that callers which lock
     * several certificates always take them in the same order.
     */
    public java.util.List<Certificate> lockAllOfBody(Collection<String> numbers, long bodyId) {
        if (numbers.isEmpty()) return List.of();
        return find("number in ?1 and bodyId = ?2 order by id", numbers, bodyId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Filters of the listings; a null filter matches everything. {@code issuedBy} keeps the certificates whose
     * issuance the given account signed for (the console's "mine").
     */
    public record Filter(CertificateStatus status, Long bodyId, Long holderId, Long standardId, String text, Sort sort,
                         Long issuedBy) {
        public Filter(CertificateStatus status, Long bodyId, Long holderId, Long standardId) {
            this(status, bodyId, holderId, standardId, null, null, null);
        }

        public Filter(CertificateStatus status, Long bodyId, Long holderId, Long standardId, String text, Sort sort) {
            this(status, bodyId, holderId, standardId, text, sort, null);
        }
    }

    public PanacheQuery<Certificate> search(Filter f, LocalDate today) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (f.bodyId() != null) {
            q.append(" and bodyId = :body");
            p.and("body", f.bodyId());
        }
        if (f.holderId() != null) {
            q.append(" and holderId = :holder");
            p.and("holder", f.holderId());
        }
        if (f.standardId() != null) {
            q.append(" and standardId = :standard");
            p.and("standard", f.standardId());
        }
        if (f.issuedBy() != null) {
            q.append(" and id in (select e.certificateId from StatusEvent e where e.seq = 1 and e.actorAccount = :by)");
            p.and("by", f.issuedBy());
        }
        if (f.text() != null && !f.text().isBlank()) {
            // Number, holder name or credit code, product name or model: partial, case-insensitive. Unions of id
            // sets rather than ORs, so that on PostgreSQL each condition is answered from its own trigram index
            // (migration V8) and the holder and product parts through the certificate's holder_id and
            // product_id indexes; an OR over sub-queries would read every certificate (docs/performance.md).
            String holders = Likes.idsWhereAny("Enterprise", "e", "lower($.nameZh) like :t escape '!'",
                    "lower($.nameEn) like :t escape '!'", "$.creditCode like :tu escape '!'");
            String products = Likes.idsWhereAny("Product", "p", "lower($.nameZh) like :t escape '!'",
                    "lower($.nameEn) like :t escape '!'", "lower($.model) like :t escape '!'");
            q.append(" and id in (").append(Likes.idsWhereAny("Certificate", "c", "upper($.number) like :tu escape '!'",
                    "$.holderId in (" + holders + ")", "$.productId in (" + products + ")")).append(')');
            String t = f.text().trim();
            p.and("t", Likes.containsLower(t)).and("tu", Likes.containsUpper(t));
        }
        if (f.status() != null) {
            switch (f.status()) {
                case VALID, SUSPENDED -> {
                    q.append(" and status = :status and expiryDate >= :today");
                    p.and("status", f.status()).and("today", today);
                }
                case EXPIRED -> {
                    q.append(" and status in :open and expiryDate < :today");
                    p.and("open", java.util.List.of(CertificateStatus.VALID, CertificateStatus.SUSPENDED)).and("today", today);
                }
                default -> {
                    q.append(" and status = :status");
                    p.and("status", f.status());
                }
            }
        }
        return find(q.toString(), f.sort() == null ? Sort.by("id", Sort.Direction.Descending) : f.sort(), p);
    }
}
