package org.szmark.account;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {

    public Optional<ApiToken> findByHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    public List<ApiToken> ofAccount(long accountId) {
        return list("accountId = ?1 order by id", accountId);
    }
}
