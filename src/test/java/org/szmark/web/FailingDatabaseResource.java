package org.szmark.web;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Test-only endpoint that fails the way the persistence stack fails when the database goes away, so
 * the problem mapping can be checked without stopping the database the other tests use.
 */
@Path("/test-only/database-failure")
public class FailingDatabaseResource {

    @GET
    @Path("{kind}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String fail(@PathParam("kind") String kind) {
        throw switch (kind) {
            // What Hibernate makes of the driver refusing to connect while the server is down.
            case "refused" -> new PersistenceException("could not prepare statement",
                    new JDBCConnectionException("Unable to acquire JDBC Connection",
                            new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
            // A pooled connection ended by a fast shutdown, surfacing through the transaction layer.
            case "shutdown" -> new IllegalStateException("commit failed",
                    new SQLException("terminating connection due to administrator command", "57P01"));
            // A commit cut off by a fast shutdown: the driver's exception is only a suppressed one.
            case "commit" -> commitFailure();
            // The pool gave up waiting for a connection: a bare SQLException without SQLState.
            case "pool" -> new RuntimeException(new GenericJDBCException("Unable to acquire JDBC Connection",
                    new SQLException("Acquisition timeout while waiting for new connection")));
            // A fault of the registry itself, not of the database's reachability: stays a 500.
            default -> new PersistenceException("could not execute statement",
                    new GenericJDBCException("bad grammar", new SQLException("syntax error at or near \"selec\"", "42601")));
        };
    }

    private static RuntimeException commitFailure() {
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException("Could not commit transaction.");
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException("Error trying to commit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        return new RuntimeException(rollback);
    }
}
