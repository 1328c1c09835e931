package org.szmark.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;

/** Turns a unique-key race lost at flush time into the same 409 a pre-check would give. */
public final class Persistence {
    private Persistence() {}

    public static void flushOrConflict(EntityManager em, Supplier<Conflict> conflict) {
        try {
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
