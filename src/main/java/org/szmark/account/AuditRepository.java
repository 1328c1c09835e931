package org.szmark.account;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** Audit records are inserted and read, never updated or deleted: no method here does either. */
@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEvent> {

    /** Newest first; each filter may be null. */
    public PanacheQuery<AuditEvent> search(Long account, String targetType, String targetId) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (account != null) {
            q.append(" and actorAccount = :account");
            p.and("account", account);
        }
        if (targetType != null) {
            q.append(" and targetType = :type");
            p.and("type", targetType);
        }
        if (targetId != null) {
            q.append(" and targetId = :id");
            p.and("id", targetId);
        }
        return find(q.toString(), Sort.descending("id"), p);
    }
}
