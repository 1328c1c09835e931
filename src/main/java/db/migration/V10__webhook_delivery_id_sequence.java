package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Webhook deliveries take their ids from a sequence handing out blocks of 50, like certificates and status
 * events (V6): with identity keys every delivery row was inserted on its own the moment it was written, so a
 * batch issuance to a holder with many endpoints sent thousands of single inserts. The sequence continues
 * after the rows already there, which plain SQL cannot say portably, hence a Java migration.
 */
public class V10__webhook_delivery_id_sequence extends BaseJavaMigration {

    /** Must equal the allocationSize of WebhookDelivery's @SequenceGenerator (Hibernate validates it). */
    static final int BLOCK = 50;

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        long next;
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM webhook_delivery")) {
            rs.next();
            next = rs.getLong(1);
        }
        try (Statement st = db.createStatement()) {
            st.execute("ALTER TABLE webhook_delivery ALTER COLUMN id DROP IDENTITY");
            st.execute("CREATE SEQUENCE webhook_delivery_id_seq START WITH " + next + " INCREMENT BY " + BLOCK);
        }
    }
}
