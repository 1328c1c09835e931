package org.szmark.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;

/**
 * Turns a unique-key race lost at insert time into the same 409 a pre-check would give, and recognises
 * failures that mean the database cannot be reached at all.
 */
public final class Persistence {
    private Persistence() {}

    /**
     * Persists and flushes {@code entity}. Entities with IDENTITY keys are inserted by {@code persist}
     * itself, not at flush, so both calls must be inside the check for a concurrent duplicate to become
     * {@code conflict} rather than a 500.
     */
    public static void persistOrConflict(EntityManager em, Object entity, Supplier<Conflict> conflict) {
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) throw conflict.get();
            throw e;
        }
    }

    public static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) return true;
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException) return true;
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure, anywhere in its cause chain or among the exceptions suppressed along it, means the
     * database is out of reach rather than that the request was wrong: SQLState class 08 (connection
     * exception), 57P01 to 57P03 (PostgreSQL admin or crash shutdown, server starting up or shutting down), the
     * JDBC 4 connection exception categories, Hibernate's translation of them, or the pool giving up on a
     * connection. A failed commit carries the driver's exception only as a suppressed one of the transaction
     * manager's rollback exception, hence the suppressed ones.
     */
    public static boolean isDatabaseUnavailable(Throwable e) {
        return anyAlong(e, Persistence::signalsUnreachableDatabase);
    }

    /** Whether {@code test} holds for a throwable in {@code e}'s cause chain or among those suppressed along it. */
    private static boolean anyAlong(Throwable e, java.util.function.Predicate<Throwable> test) {
        java.util.Deque<Throwable> pending = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (e != null) pending.add(e);
        while (!pending.isEmpty() && seen.size() < 64) {
            Throwable t = pending.poll();
            if (!seen.add(t)) continue;
            if (test.test(t)) return true;
            if (t.getCause() != null) pending.add(t.getCause());
            pending.addAll(java.util.Arrays.asList(t.getSuppressed()));
        }
        return false;
    }

    /**
     * Whether the failure means the database is busy rather than unreachable or the request wrong: a lock
     * not granted in time (PostgreSQL 55P03 lock_not_available, H2's lock timeout HYT00/50200), a deadlock
     * (40P01) or a serialization failure (40001) that chose this transaction as the victim. Retrying later
     * succeeds; nothing of the request was committed.
     */
    public static boolean isBusy(Throwable e) {
        return anyAlong(e, Persistence::signalsBusyDatabase);
    }

    private static boolean signalsBusyDatabase(Throwable t) {
        if (t instanceof jakarta.persistence.PessimisticLockException || t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof org.hibernate.PessimisticLockException || t instanceof org.hibernate.exception.LockAcquisitionException) {
            return true;
        }
        if (!(t instanceof java.sql.SQLException s)) return false;
        String state = s.getSQLState();
        return s.getErrorCode() == 50200
                || (state != null && java.util.Set.of("55P03", "40P01", "40001", "HYT00").contains(state));
    }

    private static boolean signalsUnreachableDatabase(Throwable t) {
        if (t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException
                || t instanceof java.sql.SQLRecoverableException) {
            return true;
        }
        if (t instanceof java.sql.SQLException s) {
            String state = s.getSQLState();
            if (state != null) return state.startsWith("08") || state.matches("57P0[123]");
            // Agroal gives up on a connection with a bare SQLException without SQLState ("Sorry, acquisition
            // timeout!", "Acquisition timeout while waiting for new connection").
            return s.getMessage() != null && s.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
        }
        return false;
    }
}
