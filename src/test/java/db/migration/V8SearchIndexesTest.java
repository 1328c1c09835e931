package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Migration V8 on the test database: the b-tree indexes on both databases; on PostgreSQL the trigram indexes
 * on exactly the expressions the search queries use, and an upgrade by a role that may not install pg_trgm
 * goes on without them instead of failing (CI's second run is on PostgreSQL).
 */
@QuarkusTest
class V8SearchIndexesTest {

    @Inject AgroalDataSource dataSource;

    @Test
    void theBtreeIndexesAreThere() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            Map<String, String> found = new HashMap<>();
            for (String table : new String[] {"certificate", "idempotency_record", "webhook_delivery"}) {
                try (ResultSet rs = db.getMetaData().getIndexInfo(null, null, table, false, true)) {
                    while (rs.next()) {
                        String name = rs.getString("INDEX_NAME");
                        if (name != null) found.merge(name.toLowerCase(Locale.ROOT), rs.getString("COLUMN_NAME"), (a, b) -> a + "," + b);
                    }
                }
            }
            assertThat(found).containsEntry("ix_certificate_product", "product_id")
                    .containsEntry("ix_certificate_body_status", "body_id,status,expiry_date")
                    .containsEntry("ix_certificate_issue_date", "issue_date")
                    .containsEntry("ix_certificate_expiry_date", "expiry_date")
                    .containsEntry("ix_idempotency_created", "created_at")
                    .containsEntry("ix_webhook_delivery_created", "created_at");
        }
    }

    @Test
    void onPostgresTheSearchExpressionsHaveTrigramIndexes() throws Exception {
        try (Connection db = dataSource.getConnection(); Statement st = db.createStatement()) {
            if (!V8__search_and_retention_indexes.isPostgres(db)) return;
            Map<String, String> defs = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%_trgm'")) {
                while (rs.next()) defs.put(rs.getString(1), rs.getString(2));
            }
            assertThat(defs.keySet()).containsAll(V8__search_and_retention_indexes.TRIGRAM_NAMES);
            // The expressions of org.szmark.common.Likes' callers, as PostgreSQL writes them back.
            assertThat(defs.get("ix_certificate_number_trgm")).contains("gin (upper((number)::text) gin_trgm_ops)");
            assertThat(defs.get("ix_enterprise_name_zh_trgm")).contains("gin (lower((name_zh)::text) gin_trgm_ops)");
            assertThat(defs.get("ix_enterprise_credit_code_trgm")).contains("gin (credit_code gin_trgm_ops)");
            assertThat(defs.get("ix_product_model_trgm")).contains("gin (lower((model)::text) gin_trgm_ops)");
            assertThat(org.szmark.limits.SearchIndexCheck.missing(db)).isEmpty();
        }
    }

    @Test
    void onPostgresARoleThatMayNotInstallPgTrgmGoesOnWithoutIt() throws Exception {
        try (Connection admin = dataSource.getConnection(); Statement st = admin.createStatement()) {
            if (!V8__search_and_retention_indexes.isPostgres(admin)) return;
            String name = "v8_check_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xfffffff);
            String url = admin.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            st.execute("CREATE DATABASE " + name);
            st.execute("CREATE ROLE " + name + " LOGIN");
            try {
                try (Connection db = DriverManager.getConnection(url, name, "")) {
                    db.setAutoCommit(false);
                    try (Statement s = db.createStatement()) {
                        s.execute("CREATE TEMPORARY TABLE before_it (x INT)");
                    }
                    assertThat(V8__search_and_retention_indexes.trigramsAvailable(db)).isFalse();
                    // The refused CREATE EXTENSION was undone to its savepoint: the transaction is still usable.
                    try (Statement s = db.createStatement()) {
                        s.execute("INSERT INTO before_it VALUES (1)");
                        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM before_it")) {
                            rs.next();
                            assertThat(rs.getInt(1)).isEqualTo(1);
                        }
                    }
                    db.rollback();
                }
            } finally {
                st.execute("DROP DATABASE IF EXISTS " + name);
                st.execute("DROP ROLE IF EXISTS " + name);
            }
        }
    }
}
