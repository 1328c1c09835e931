package org.szmark.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.szmark.support.Modes;
import org.szmark.common.OwnerOnly;
import org.szmark.support.ConfigStub;

/** The generated log key is an owner-only file in an owner-only keys directory. */
class LogKeyFileTest {

    @TempDir
    Path tmp;

    @Test
    void theGeneratedLogKeyIsOwnerOnly() throws Exception {
        Modes.assumePosix(tmp);
        Path keys = tmp.resolve("keys");
        LogKey key = new LogKey(ConfigStub.of(Map.of("keys.dir", keys.toString(), "publicBaseUrl", "http://localhost:8080")));
        assertThat(key.origin()).isEqualTo("localhost:8080/log");
        assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(OwnerOnly.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(keys.resolve("log.key"))).isEqualTo(OwnerOnly.FILE);
    }
}
