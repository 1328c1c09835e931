package org.szmark.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.szmark.certificate.StatusChange;
import java.util.Map;
import org.szmark.certificate.CertificateStatus;

/** Counts of certificates for the statistics page, computed by the database. */
@ApplicationScoped
public class StatsService {

    @Inject EntityManager em;
    @Inject Clock clock;

    public record Count(String key, String name, long count) {}

    public Map<CertificateStatus, Long> byStatus() {
        LocalDate today = LocalDate.now(clock);
        Map<CertificateStatus, Long> m = new EnumMap<>(CertificateStatus.class);
        for (CertificateStatus s : CertificateStatus.values()) m.put(s, 0L);
        // Two grouped counts, before and after today, so the grouping is a plain column on every database.
        for (Object[] r : em.createQuery("select c.status, count(*) from Certificate c where c.expiryDate < :today group by c.status",
                Object[].class).setParameter("today", today).getResultList()) {
            CertificateStatus s = (CertificateStatus) r[0];
            m.merge(s.isFinal() ? s : CertificateStatus.EXPIRED, ((Number) r[1]).longValue(), Long::sum);
        }
        for (Object[] r : em.createQuery("select c.status, count(*) from Certificate c where c.expiryDate >= :today group by c.status",
                Object[].class).setParameter("today", today).getResultList()) {
            m.merge((CertificateStatus) r[0], ((Number) r[1]).longValue(), Long::sum);
        }
        return m;
    }

    /** Certificates of each body and how many of them are valid today, for the /bodies page. */
    public record BodyCounts(long total, long valid) {
        public static final BodyCounts NONE = new BodyCounts(0, 0);
    }

    /** Everything the statistics page shows, read together. */
    public record Summary(Map<CertificateStatus, Long> byStatus, List<Count> byBody, List<Count> byStandard,
                          Map<YearMonth, Long> issuedPerMonth, Map<YearMonth, Map<StatusChange, Long>> changesPerMonth) {}

    public Summary summary() {
        return new Summary(byStatus(), byBody(), byStandard(), issuedPerMonth(), changesPerMonth());
    }

    /**
     * Status events of each kind recorded in each of the last twelve months (UTC), oldest first: what the registry
     * did when, whatever dates the certificates carry (certificates imported today may have been issued years ago).
     */
    public Map<YearMonth, Map<StatusChange, Long>> changesPerMonth() {
        YearMonth now = YearMonth.now(clock.withZone(java.time.ZoneOffset.UTC));
        Map<YearMonth, Map<StatusChange, Long>> m = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            Map<StatusChange, Long> kinds = new java.util.EnumMap<>(StatusChange.class);
            for (StatusChange c : StatusChange.values()) kinds.put(c, 0L);
            m.put(now.minusMonths(i), kinds);
        }
        java.time.OffsetDateTime from = now.minusMonths(11).atDay(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
        for (Object[] r : em.createQuery("select year(e.recordedAt), month(e.recordedAt), e.event, count(*) from StatusEvent e"
                + " where e.recordedAt >= :from group by year(e.recordedAt), month(e.recordedAt), e.event", Object[].class)
                .setParameter("from", from).getResultList()) {
            YearMonth ym = YearMonth.of(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
            Map<StatusChange, Long> kinds = m.get(ym);
            if (kinds != null) kinds.merge((StatusChange) r[2], ((Number) r[3]).longValue(), Long::sum);
        }
        return m;
    }

    /**
     * One grouped pass over the certificates, answered from the (body_id, status, expiry_date) index where the
     * database can (migration V8), instead of two filtered counts per body.
     */
    public Map<Long, BodyCounts> countsByBody() {
        Map<Long, BodyCounts> m = new java.util.HashMap<>();
        for (Object[] r : em.createQuery("select c.bodyId, count(*),"
                        + " sum(case when c.status = :valid and c.expiryDate >= :today then 1 else 0 end)"
                        + " from Certificate c group by c.bodyId", Object[].class)
                .setParameter("valid", CertificateStatus.VALID).setParameter("today", LocalDate.now(clock)).getResultList()) {
            m.put((Long) r[0], new BodyCounts(((Number) r[1]).longValue(), r[2] == null ? 0 : ((Number) r[2]).longValue()));
        }
        return m;
    }

    /**
     * Counted on the certificate table alone (an index-only pass over its body index where the database can)
     * and named afterwards: bodies are few, so naming the counts costs nothing, while joining the bodies to
     * every certificate before grouping would.
     */
    public List<Count> byBody() {
        return top(grouped("bodyId"), "select b.id, b.code, b.nameZh from CertificationBody b", 50);
    }

    /** As {@link #byBody()}: counted per standard, named from the catalogue, the top 20. */
    public List<Count> byStandard() {
        return top(grouped("standardId"), "select s.id, s.number, s.titleZh from Standard s", 20);
    }

    private Map<Long, Long> grouped(String attribute) {
        Map<Long, Long> m = new java.util.HashMap<>();
        for (Object[] r : em.createQuery("select c." + attribute + ", count(*) from Certificate c group by c." + attribute,
                Object[].class).getResultList()) {
            m.put((Long) r[0], ((Number) r[1]).longValue());
        }
        return m;
    }

    /** Names the counted ids from {@code names} (id, key, name); most certificates first, then by key. */
    private List<Count> top(Map<Long, Long> counts, String names, int n) {
        List<Count> out = new ArrayList<>();
        if (counts.isEmpty()) return out;
        for (Object[] r : em.createQuery(names, Object[].class).getResultList()) {
            Long count = counts.get((Long) r[0]);
            if (count != null) out.add(new Count((String) r[1], (String) r[2], count));
        }
        return out.stream().sorted(java.util.Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key))
                .limit(n).toList();
    }

    /** Certificates issued in each of the last twelve months, oldest first. */
    public Map<YearMonth, Long> issuedPerMonth() {
        YearMonth now = YearMonth.now(clock);
        Map<YearMonth, Long> m = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) m.put(now.minusMonths(i), 0L);
        LocalDate from = now.minusMonths(11).atDay(1);
        for (Object[] r : em.createQuery("select year(c.issueDate), month(c.issueDate), count(*) from Certificate c"
                + " where c.issueDate >= :from group by year(c.issueDate), month(c.issueDate)", Object[].class)
                .setParameter("from", from).getResultList()) {
            YearMonth ym = YearMonth.of(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
            m.computeIfPresent(ym, (k, v) -> v + ((Number) r[2]).longValue());
        }
        return m;
    }
}
