package org.szmark.limits;

import db.migration.V8__search_and_retention_indexes;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Says at every start when the trigram indexes of the public search are missing on PostgreSQL (migration V8
 * leaves them out when pg_trgm could not be installed), so an operator learns why searches are slow and how
 * to fix it (deploy/README.md, "Search indexes"). Only reads the catalogue; never changes the schema.
 */
@Singleton
public class SearchIndexCheck {

    private static final Logger LOG = Logger.getLogger(SearchIndexCheck.class);

    @Inject AgroalDataSource dataSource;

    void onStart(@Observes StartupEvent event) {
        try (Connection db = dataSource.getConnection()) {
            if (!db.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) return;
            List<String> missing = missing(db);
            if (!missing.isEmpty()) {
                LOG.warnf("The public search has no trigram indexes (%s): searches read whole tables. Install pg_trgm and"
                        + " create them as deploy/README.md (\"Search indexes\") says.", String.join(", ", missing));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not check the search indexes: %s", e.getMessage());
        }
    }

    /** The trigram indexes of migration V8 that this schema lacks. */
    public static List<String> missing(Connection db) throws SQLException {
        List<String> missing = new ArrayList<>(V8__search_and_retention_indexes.TRIGRAM_NAMES);
        try (PreparedStatement st = db.prepareStatement(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'ix!_%!_trgm' ESCAPE '!'");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) missing.remove(rs.getString(1));
        }
        return missing;
    }
}
