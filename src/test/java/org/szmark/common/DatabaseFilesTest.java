package org.szmark.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.szmark.support.Modes;

/** An H2 file database's directory is made 0700 before the first connection, and its files 0600 after each new one. */
class DatabaseFilesTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() throws Exception {
        Modes.assumePosix(tmp);
    }

    @Test
    void theDirectoryComesFirstAndTheFilesAreRestrictedOnEveryNewConnection() throws Exception {
        String url = "jdbc:h2:file:" + tmp.resolve("data/szmark") + ";MODE=PostgreSQL";
        DatabaseFiles files = new DatabaseFiles(Optional.of(url));
        Path dir = tmp.resolve("data");
        assertThat(Files.isDirectory(dir)).isTrue();
        assertThat(Modes.of(dir)).isEqualTo("rwx------");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.count()).isZero();
        }

        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            files.onConnectionCreate(c);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (x INT)");
            }
        }
        Path database = dir.resolve("szmark.mv.db");
        assertThat(database).exists();
        assertThat(Modes.of(database)).isEqualTo("rw-------");

        // A file the database adds later (here made by hand with the usual umask) is caught by the next connection,
        // and files of another database in the same directory are left alone.
        Path trace = Files.writeString(dir.resolve("szmark.trace.db"), "x");
        Path other = Files.writeString(dir.resolve("other.mv.db"), "x");
        Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-r--r--"));
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            files.onConnectionCreate(c);
        }
        assertThat(Modes.of(trace)).isEqualTo("rw-------");
        assertThat(Modes.of(other)).isEqualTo("rw-r--r--");
    }

    @Test
    void inMemoryAndServerDatabasesTouchNothing() throws Exception {
        Path before = tmp.toAbsolutePath();
        DatabaseFiles memory = new DatabaseFiles(Optional.of("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"));
        memory.onConnectionCreate(null);
        new DatabaseFiles(Optional.of("jdbc:postgresql://127.0.0.1:5432/szmark")).onConnectionCreate(null);
        new DatabaseFiles(Optional.empty()).onConnectionCreate(null);
        try (Stream<Path> s = Files.list(before)) {
            assertThat(s.count()).isZero();
        }
    }
}
