package org.szmark.enterprise;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.szmark.common.Likes;

@ApplicationScoped
public class EnterpriseRepository implements PanacheRepository<Enterprise> {

    public Optional<Enterprise> findByCreditCode(String code) {
        return find("creditCode", code).firstResultOptional();
    }

    public List<Enterprise> findByCreditCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : list("creditCode in ?1", codes);
    }

    public PanacheQuery<Enterprise> search(String text) {
        if (text == null) return findAll(Sort.by("creditCode"));
        // A union, not an OR, so each condition is answered from its trigram index (Likes.idsWhereAny).
        return find("id in (" + Likes.idsWhereAny("Enterprise", "e", "lower($.nameZh) like :t escape '!'",
                        "lower($.nameEn) like :t escape '!'", "$.creditCode like :c escape '!'") + ")",
                Sort.by("creditCode"),
                Parameters.with("t", Likes.containsLower(text)).and("c", Likes.prefixUpper(text)));
    }
}
