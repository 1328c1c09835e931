package org.szmark.standard;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.szmark.common.Likes;

@ApplicationScoped
public class StandardRepository implements PanacheRepository<Standard> {

    public Optional<Standard> findByNumber(String normalisedNumber) {
        return find("number", normalisedNumber).firstResultOptional();
    }

    public List<Standard> findByNumbers(Collection<String> normalisedNumbers) {
        return normalisedNumbers.isEmpty() ? List.of() : list("number in ?1", normalisedNumbers);
    }

    public PanacheQuery<Standard> search(String text, String kind, StandardStatus status, Boolean eligible, LocalDate today) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (text != null) {
            q.append(" and id in (").append(Likes.idsWhereAny("Standard", "s", "lower($.number) like :t escape '!'",
                    "lower($.titleZh) like :t escape '!'", "lower($.titleEn) like :t escape '!'")).append(')');
            p.and("t", Likes.containsLower(text));
        }
        if (kind != null) {
            q.append(" and kind = :kind");
            p.and("kind", kind);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (eligible != null) {
            String cond = "(status = :current and evaluationPassedOn is not null and evaluationPassedOn <= :today)";
            q.append(eligible ? " and " + cond : " and not " + cond);
            p.and("current", StandardStatus.CURRENT).and("today", today);
        }
        return find(q.toString(), Sort.by("number"), p);
    }
}
