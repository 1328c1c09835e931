package org.szmark.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.szmark.support.Modes;

class OwnerOnlyTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() throws Exception {
        Modes.assumePosix(tmp);
    }

    @Test
    void createsMissingDirectoriesOwnerOnly() throws Exception {
        Path dir = tmp.resolve("a/b/c");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-x---"));
        OwnerOnly.directories(dir, "test directory");
        assertThat(Modes.of(tmp.resolve("a"))).isEqualTo("rwx------");
        assertThat(Modes.of(tmp.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(Modes.of(dir)).isEqualTo("rwx------");
        // Nothing above the first missing directory is touched.
        assertThat(Modes.of(tmp)).isEqualTo("rwxr-x---");
        OwnerOnly.directories(dir, "test directory");
        assertThat(Modes.of(dir)).isEqualTo("rwx------");
    }

    @Test
    void leavesExistingDirectoriesAsTheyAre() throws Exception {
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        OwnerOnly.directories(open, "test directory");
        assertThat(Modes.of(open)).isEqualTo("rwxr-xr-x");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        OwnerOnly.directories(tmp.resolve("child"), "test directory");
        assertThat(Modes.of(tmp)).isEqualTo("rwxr-xr-x");
        assertThat(Modes.of(tmp.resolve("child"))).isEqualTo("rwx------");
    }

    @Test
    void restrictsAnExistingDirectoryThatIsTheRegistrysOwn() throws Exception {
        Path own = Files.createDirectory(tmp.resolve("keys"));
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxrwxr-x"));
        OwnerOnly.ownDirectories(own, "test directory");
        assertThat(Modes.of(own)).isEqualTo("rwx------");
        OwnerOnly.ownDirectories(tmp.resolve("fresh/keys"), "test directory");
        assertThat(Modes.of(tmp.resolve("fresh"))).isEqualTo("rwx------");
        assertThat(Modes.of(tmp.resolve("fresh/keys"))).isEqualTo("rwx------");
    }

    @Test
    void restrictsFilesToTheirOwner() throws Exception {
        Path file = Files.writeString(tmp.resolve("db.mv.db"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(OwnerOnly.restrictFile(file)).isTrue();
        assertThat(Modes.of(file)).isEqualTo("rw-------");
        // A directory is no file to restrict, and a missing file is no error.
        Path dir = Files.createDirectory(tmp.resolve("d"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(OwnerOnly.restrictFile(dir)).isTrue();
        assertThat(Modes.of(dir)).isEqualTo("rwxr-xr-x");
        assertThat(OwnerOnly.restrictFile(tmp.resolve("gone"))).isTrue();
    }
}
