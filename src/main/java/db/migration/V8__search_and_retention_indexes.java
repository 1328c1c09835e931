package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

/**
 * Indexes for the public search, the public pages' counts and sorts, and the retention purge
 * (docs/performance.md, "Search"). Plain b-tree indexes on both databases; on PostgreSQL also GIN trigram
 * indexes (pg_trgm) on exactly the expressions the search queries compare with {@code LIKE '%…%'}
 * ({@code org.szmark.common.Likes}), which no b-tree can answer. H2 has neither expression indexes nor
 * trigrams and scans for those. A Java migration because the two databases need different statements, and
 * because PostgreSQL may refuse the extension: then the trigram indexes are left out with a warning
 * (deploy/README.md says how to add them later) instead of failing the upgrade.
 */
public class V8__search_and_retention_indexes extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V8__search_and_retention_indexes.class);

    static final List<String> BTREE = List.of(
            // the product part of the certificate search; /bodies counts (index-only where possible)
            "CREATE INDEX ix_certificate_product ON certificate (product_id)",
            "CREATE INDEX ix_certificate_body_status ON certificate (body_id, status, expiry_date)",
            // /stats issued per month, and the sorts of the certificate listing
            "CREATE INDEX ix_certificate_issue_date ON certificate (issue_date)",
            "CREATE INDEX ix_certificate_expiry_date ON certificate (expiry_date)",
            // the retention purge finds old rows by age
            "CREATE INDEX ix_idempotency_created ON idempotency_record (created_at)",
            "CREATE INDEX ix_webhook_delivery_created ON webhook_delivery (created_at)");

    /** Names and definitions; {@link #TRIGRAM_NAMES} is what the start-up check looks for. */
    static final List<String> TRIGRAM = List.of(
            "CREATE INDEX ix_certificate_number_trgm ON certificate USING gin (upper(number) gin_trgm_ops)",
            "CREATE INDEX ix_enterprise_name_zh_trgm ON enterprise USING gin (lower(name_zh) gin_trgm_ops)",
            "CREATE INDEX ix_enterprise_name_en_trgm ON enterprise USING gin (lower(name_en) gin_trgm_ops)",
            "CREATE INDEX ix_enterprise_credit_code_trgm ON enterprise USING gin (credit_code gin_trgm_ops)",
            "CREATE INDEX ix_product_name_zh_trgm ON product USING gin (lower(name_zh) gin_trgm_ops)",
            "CREATE INDEX ix_product_name_en_trgm ON product USING gin (lower(name_en) gin_trgm_ops)",
            "CREATE INDEX ix_product_model_trgm ON product USING gin (lower(model) gin_trgm_ops)",
            "CREATE INDEX ix_standard_number_trgm ON standard USING gin (lower(number) gin_trgm_ops)",
            "CREATE INDEX ix_standard_title_zh_trgm ON standard USING gin (lower(title_zh) gin_trgm_ops)",
            "CREATE INDEX ix_standard_title_en_trgm ON standard USING gin (lower(title_en) gin_trgm_ops)");

    public static final List<String> TRIGRAM_NAMES = TRIGRAM.stream().map(s -> s.split(" ")[2]).toList();

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (Statement st = db.createStatement()) {
            for (String sql : BTREE) st.execute(sql);
            if (!isPostgres(db)) return;
            if (!trigramsAvailable(db)) {
                LOG.warnf("pg_trgm is not installed and this database role may not install it: the public search"
                        + " will read whole tables instead of trigram indexes. Install the extension as a role that"
                        + " may (CREATE EXTENSION pg_trgm) and create the indexes listed in deploy/README.md"
                        + " (\"Search indexes\"); the registry checks for them at every start.");
                return;
            }
            for (String sql : TRIGRAM) st.execute(sql);
        }
    }

    static boolean isPostgres(Connection db) throws SQLException {
        return db.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /**
     * Whether pg_trgm is there or could be installed now. pg_trgm is a trusted extension (PostgreSQL 13 and
     * later), so a role with CREATE on the database may install it; one without gets an error, which inside
     * the migration's transaction is undone to a savepoint so the rest of the migration goes on.
     */
    static boolean trigramsAvailable(Connection db) throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")) {
            if (rs.next()) return true;
        }
        Savepoint before = db.getAutoCommit() ? null : db.setSavepoint();
        try (Statement st = db.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            if (before != null) db.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            if (before != null) db.rollback(before);
            LOG.warnf("CREATE EXTENSION pg_trgm failed (SQLState %s): %s", e.getSQLState(), e.getMessage());
            return false;
        }
    }
}
