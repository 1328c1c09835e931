package org.szmark.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.szmark.common.OwnerOnly;
import org.szmark.config.SzmarkConfig;
import org.szmark.support.ConfigStub;
import org.szmark.support.Modes;

/** The embedded run's generated keys: a keys directory only its owner can enter, holding files only its owner can read. */
class KeyDirectoryTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() throws Exception {
        Modes.assumePosix(tmp);
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void generatedKeysGoIntoAnOwnerOnlyDirectoryAsOwnerOnlyFiles() throws Exception {
        Path keys = tmp.resolve("state/keys");
        SzmarkConfig config = ConfigStub.of(Map.of("keys.dir", keys.toString()));
        KeyMaterial material = new KeyMaterial(config);
        assertThat(material.authorityKeyId()).isNotBlank();

        assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(OwnerOnly.DIRECTORY);
        // The missing parent was made by the same call, so it is owner-only too.
        assertThat(Files.getPosixFilePermissions(keys.getParent())).isEqualTo(OwnerOnly.DIRECTORY);
        assertThat(files(keys)).extracting(p -> p.getFileName().toString())
                .contains("authority.key.pem", "authority.cert.pem", "master.key");
        for (Path f : files(keys)) {
            assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).isEqualTo(OwnerOnly.FILE);
        }
        // A second start reads the same keys and writes nothing new.
        assertThat(new KeyMaterial(config).authorityKeyId()).isEqualTo(material.authorityKeyId());
    }

    @Test
    void anExistingOpenKeysDirectoryIsMadeOwnerOnly() throws Exception {
        // As a checkout brings keys/ (with its README) at the umask's mode.
        Path keys = Files.createDirectory(tmp.resolve("keys"));
        Path readme = Files.writeString(keys.resolve("README.md"), "# keys/");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(readme, PosixFilePermissions.fromString("rw-r--r--"));
        new KeyMaterial(ConfigStub.of(Map.of("keys.dir", keys.toString())));
        assertThat(Modes.of(keys)).isEqualTo("rwx------");
        assertThat(Modes.of(readme)).isEqualTo("rw-r--r--");
        for (Path f : files(keys)) {
            if (!f.equals(readme)) {
                assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).isEqualTo(OwnerOnly.FILE);
            }
        }
        assertThat(files(keys)).hasSize(4);
    }
}
