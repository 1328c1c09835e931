package org.szmark.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import org.szmark.config.SzmarkConfig;

/**
 * What sign-in leaves behind and no longer needs, for the retention purge (limits/RetentionJob): failure counts that
 * no longer count, and sessions that ended long ago. Without it every name anyone ever tried, known or not, would
 * keep a row forever.
 */
@ApplicationScoped
public class SignInRetention {

    @Inject EntityManager em;
    @Inject SignInTime time;
    @Inject SzmarkConfig config;

    /**
     * Up to {@code limit} failure rows that neither lock their name nor still count towards a lock: no lock in force
     * and the last failure longer ago than {@code lockout} (a new failure would start the count again).
     */
    public int purgeSpentFailures(int limit) {
        OffsetDateTime cutoff = time.now().minus(config.signIn().lockout());
        List<String> names = em.createQuery("select f.nameHash from SignInFailure f where f.lastFailure < :c"
                        + " and (f.lockedUntil is null or f.lockedUntil < :c)", String.class)
                .setParameter("c", cutoff).setMaxResults(limit).getResultList();
        if (names.isEmpty()) return 0;
        return em.createQuery("delete from SignInFailure f where f.nameHash in :n and f.lastFailure < :c"
                        + " and (f.lockedUntil is null or f.lockedUntil < :c)")
                .setParameter("n", names).setParameter("c", cutoff).executeUpdate();
    }

    /**
     * Up to {@code limit} sessions ended more than {@code szmark.retention.staff-sessions} ago: signed out or ended
     * by a disable then, or unused since (a session is never used again after its idle timeout or maximum age,
     * both far shorter).
     */
    public int purgeEndedSessions(int limit) {
        OffsetDateTime cutoff = time.now().minus(config.retention().staffSessions());
        List<Long> ids = em.createQuery("select s.id from StaffSession s where s.lastSeenAt < :c"
                        + " or (s.revokedAt is not null and s.revokedAt < :c)", Long.class)
                .setParameter("c", cutoff).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) return 0;
        return em.createQuery("delete from StaffSession s where s.id in :ids").setParameter("ids", ids).executeUpdate();
    }
}
