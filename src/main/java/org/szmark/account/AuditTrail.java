package org.szmark.account;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.szmark.common.PageView;

/**
 * The append-only trail of account-level and registry writes: who (account and role), what action, on which
 * target, when, and a short detail. Certificates need none of it: their records and status events carry
 * their actor already, signed ({@code certificate.created_by}, {@code status_event.actor_account}).
 *
 * <p>The actor is never passed in: it is the account that authenticated the current request, so a service
 * cannot record anyone else. Outside any request (the first authority account and the demo dataset at
 * start-up) it is the registry itself, role {@value AuditEvent#SYSTEM}. The record joins the write's
 * transaction, so it commits and rolls back with it.
 */
@ApplicationScoped
public class AuditTrail {

    static final int MAX_DETAIL = 500;
    static final int MAX_TARGET_ID = 64;

    @Inject AuditRepository events;
    @Inject CurrentActor caller;
    @Inject Clock clock;

    /**
     * @param action     what was done, {@code <target type>.<verb>} by convention (e.g. {@code account.disable})
     * @param targetType what kind of record it was done to (e.g. {@code account}, {@code body}, {@code enterprise})
     * @param targetId   which one, as the API names it (account id, body code, credit code, standard number)
     * @param detail     a short human note (a reason, the new status); cut to 500 characters
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String targetType, Object targetId, String detail) {
        Optional<Actor> actor = Arc.container().requestContext().isActive() ? caller.find() : Optional.empty();
        AuditEvent e = new AuditEvent();
        e.recordedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        e.actorAccount = actor.map(Actor::accountId).orElse(null);
        e.actorRole = actor.map(a -> a.role().name()).orElse(AuditEvent.SYSTEM);
        e.action = action;
        e.targetType = targetType;
        e.targetId = cut(String.valueOf(targetId), MAX_TARGET_ID);
        e.detail = detail == null ? null : cut(detail, MAX_DETAIL);
        events.persist(e);
    }

    /** Newest first; each filter may be null. */
    public PageView<AuditEvent> search(Long account, String targetType, String targetId, int page, int size) {
        var q = events.search(account, targetType, targetId).page(page, size);
        return new PageView<>(q.list(), page, size, q.count());
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) return s;
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--; // never half a character
        return s.substring(0, end) + "…";
    }
}
