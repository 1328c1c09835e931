package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Certificates and status events take their ids from sequences that hand out blocks of 50 instead of
 * identity columns: identity keys are fetched one insert at a time, which keeps a batch issuance from
 * sending its rows to the database in JDBC batches. Each sequence continues after the rows already
 * there, which plain SQL cannot say portably (H2 and PostgreSQL), hence a Java migration.
 */
public class V6__certificate_id_sequences extends BaseJavaMigration {

    /**
     * Must equal the allocationSize of the entities' @SequenceGenerator: Hibernate's schema validation
     * compares the two at start and refuses to run if they differ.
     */
    static final int BLOCK = 50;

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        for (String table : List.of("certificate", "status_event")) {
            long next;
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement st = db.createStatement()) {
                // Dropping the identity also drops its own sequence (on PostgreSQL named <table>_id_seq).
                st.execute("ALTER TABLE " + table + " ALTER COLUMN id DROP IDENTITY");
                st.execute("CREATE SEQUENCE " + table + "_id_seq START WITH " + next + " INCREMENT BY " + BLOCK);
            }
        }
    }
}
