package org.szmark.common;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps an H2 file database (the embedded run's {@code ./data/}) to the account running the registry: its
 * directory is created 0700 before the pool opens the first connection (this bean is made when the datasource
 * is, and H2 would otherwise create the directory with the process umask, usually 0755), and the database's
 * files are set to 0600 after each new connection, as H2 creates them with the umask too (0644) and a Java
 * process cannot change its umask. A file H2 adds between two connections (a trace file after an error) is
 * open to others only as far as the 0700 directory lets them reach it, which is not at all.
 *
 * <p>PostgreSQL (production) and in-memory databases keep no files here; then this does nothing.
 */
@Singleton
public class DatabaseFiles implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(DatabaseFiles.class);

    private final Optional<Path> database;

    @Inject
    DatabaseFiles(@ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        this(jdbcUrl.flatMap(H2Url::databasePath).orElse(null));
    }

    /** For the H2 database at {@code database} (its path without extensions); none when null. */
    DatabaseFiles(Path database) {
        this.database = Optional.ofNullable(database).map(p -> p.toAbsolutePath().normalize());
        this.database.ifPresent(DatabaseFiles::prepareDirectory);
    }

    private static void prepareDirectory(Path database) {
        Path dir = database.getParent();
        try {
            OwnerOnly.directories(dir, "database directory");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database directory " + dir, e);
        }
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        database.ifPresent(DatabaseFiles::restrictFiles);
    }

    /** Every file of the database ({@code <name>.mv.db}, {@code <name>.trace.db}, temporary ones) to 0600. */
    static void restrictFiles(Path database) {
        String prefix = database.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(database.getParent(), prefix + "*")) {
            for (Path file : files) {
                if (!OwnerOnly.restrictFile(file)) {
                    LOG.debugf("%s is on a file system without POSIX permissions; left as it is", file);
                    return;
                }
            }
        } catch (IOException e) {
            // The database works on; its files keep the mode H2 gave them until the next connection tries again.
            LOG.warnf("Cannot restrict the database files %s*: %s", database, e.getMessage());
        }
    }
}
