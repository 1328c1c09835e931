package org.szmark.account;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.szmark.body.BodyStatus;

@ApplicationScoped
public class AccountRepository implements PanacheRepository<Account> {

    public boolean anyAuthority() {
        return count("role", Role.AUTHORITY) > 0;
    }

    public List<Account> ofBody(long bodyId) {
        return list("bodyId", bodyId);
    }

    /**
     * The caller behind a token hash, in one query: the token must be unrevoked and its account enabled; a
     * certifier comes with its body's status as it is now.
     */
    public Optional<Actor> actorOfToken(String tokenHash) {
        List<Object[]> rows = getEntityManager().createQuery(
                        "select a, b.status from ApiToken t join Account a on a.id = t.accountId"
                                + " left join CertificationBody b on b.id = a.bodyId"
                                + " where t.tokenHash = :hash and t.revokedAt is null and a.disabledAt is null", Object[].class)
                .setParameter("hash", tokenHash).getResultList();
        return rows.stream().findFirst().map(r -> Actor.of((Account) r[0], (BodyStatus) r[1]));
    }

    /**
     * Locks every authority account row, in id order, so that two authorities disabling each other at once
     * cannot both find the other still enabled.
     */
    public void lockAuthorities() {
        find("role = ?1 order by id", Role.AUTHORITY).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public long enabledAuthoritiesOtherThan(long accountId) {
        return count("role = ?1 and disabledAt is null and id <> ?2", Role.AUTHORITY, accountId);
    }
}
