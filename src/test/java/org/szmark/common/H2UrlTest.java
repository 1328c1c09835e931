package org.szmark.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2UrlTest {

    @Test
    void fileDatabasesNameTheirPathWithoutSettings() {
        assertThat(H2Url.databasePath("jdbc:h2:file:./data/szmark;MODE=PostgreSQL;LOCK_TIMEOUT=10000"))
                .contains(Path.of("./data/szmark"));
        assertThat(H2Url.databasePath("jdbc:h2:./data/szmark")).contains(Path.of("./data/szmark"));
        assertThat(H2Url.databasePath("JDBC:H2:FILE:/var/lib/szmark/db")).contains(Path.of("/var/lib/szmark/db"));
        assertThat(H2Url.databasePath("jdbc:h2:~/szmark;AUTO_SERVER=TRUE"))
                .contains(Path.of(System.getProperty("user.home"), "szmark"));
        assertThat(H2Url.databasePath("jdbc:h2:file:~")).contains(Path.of(System.getProperty("user.home")));
    }

    @Test
    void databasesWithoutLocalFilesNameNone() {
        assertThat(H2Url.databasePath("jdbc:h2:mem:szmark-test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2Url.databasePath("jdbc:h2:tcp://db.internal/~/szmark")).isEmpty();
        assertThat(H2Url.databasePath("jdbc:h2:ssl://db.internal/szmark")).isEmpty();
        assertThat(H2Url.databasePath("jdbc:h2:zip:~/db.zip!/szmark")).isEmpty();
        assertThat(H2Url.databasePath("jdbc:postgresql://127.0.0.1:5432/szmark")).isEmpty();
        assertThat(H2Url.databasePath("jdbc:h2:")).isEmpty();
        assertThat(H2Url.databasePath("jdbc:h2:file:;MODE=PostgreSQL")).isEmpty();
        assertThat(H2Url.databasePath("jdbc:h2")).isEmpty();
        assertThat(H2Url.databasePath(null)).isEmpty();
    }
}
