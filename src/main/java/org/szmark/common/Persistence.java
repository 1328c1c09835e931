package org.szmark.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;

/** Turns a unique-key race lost at insert time into the same 409 a pre-check would give. */
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
}
