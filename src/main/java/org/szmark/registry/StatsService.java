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
        for (Object[] r : em.createQuery("select c.status, count(c) from Certificate c where c.expiryDate < :today group by c.status",
                Object[].class).setParameter("today", today).getResultList()) {
            CertificateStatus s = (CertificateStatus) r[0];
            m.merge(s.isFinal() ? s : CertificateStatus.EXPIRED, ((Number) r[1]).longValue(), Long::sum);
        }
        for (Object[] r : em.createQuery("select c.status, count(c) from Certificate c where c.expiryDate >= :today group by c.status",
                Object[].class).setParameter("today", today).getResultList()) {
            m.merge((CertificateStatus) r[0], ((Number) r[1]).longValue(), Long::sum);
        }
        return m;
    }

    public List<Count> byBody() {
        List<Count> out = new ArrayList<>();
        for (Object[] r : em.createQuery("select b.code, b.nameZh, count(c) from CertificationBody b, Certificate c where c.bodyId = b.id"
                + " group by b.code, b.nameZh order by count(c) desc, b.code", Object[].class).setMaxResults(50).getResultList()) {
            out.add(new Count((String) r[0], (String) r[1], ((Number) r[2]).longValue()));
        }
        return out;
    }

    public List<Count> byStandard() {
        List<Count> out = new ArrayList<>();
        for (Object[] r : em.createQuery("select s.number, s.titleZh, count(c) from Standard s, Certificate c where c.standardId = s.id"
                + " group by s.number, s.titleZh order by count(c) desc, s.number", Object[].class).setMaxResults(20).getResultList()) {
            out.add(new Count((String) r[0], (String) r[1], ((Number) r[2]).longValue()));
        }
        return out;
    }

    /** Certificates issued in each of the last twelve months, oldest first. */
    public Map<YearMonth, Long> issuedPerMonth() {
        YearMonth now = YearMonth.now(clock);
        Map<YearMonth, Long> m = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) m.put(now.minusMonths(i), 0L);
        LocalDate from = now.minusMonths(11).atDay(1);
        for (Object[] r : em.createQuery("select year(c.issueDate), month(c.issueDate), count(c) from Certificate c"
                + " where c.issueDate >= :from group by year(c.issueDate), month(c.issueDate)", Object[].class)
                .setParameter("from", from).getResultList()) {
            YearMonth ym = YearMonth.of(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
            m.computeIfPresent(ym, (k, v) -> v + ((Number) r[2]).longValue());
        }
        return m;
    }
}
