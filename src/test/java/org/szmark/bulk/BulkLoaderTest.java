package org.szmark.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.szmark.support.Api.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.szmark.certificate.CertificateStatus;
import org.szmark.keys.KeyMaterial;
import org.szmark.log.LogService;
import org.szmark.log.audit.AuditCommand;
import org.szmark.support.Api;

/**
 * Certificates written by the bulk loader must be indistinguishable from issued ones: they verify,
 * their events are logged with proofs, the auditor agrees, and the service carries on after them.
 */
@QuarkusTest
class BulkLoaderTest {

    @Inject AgroalDataSource dataSource;
    @Inject KeyMaterial keys;
    @Inject ObjectMapper json;
    @Inject LogService log;
    @TestHTTPResource("/") URL base;

    @TempDir Path dir;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    private BulkLoader.Report load(BulkLoader.Settings settings) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return new BulkLoader(c, keys.sealer(), json, Clock.systemUTC(), new PrintStream(progress, true, StandardCharsets.UTF_8))
                    .load(settings);
        }
    }

    @Test
    void loadedCertificatesVerifyAreLoggedAndTheServiceCarriesOn() throws Exception {
        Api.BodyWithCertifier one = Api.newBody();
        Api.BodyWithCertifier two = Api.newBody();
        Api.newEligibleStandard();
        Api.newEligibleStandard();
        long sizeBefore = log.treeSize();
        Path tokens = dir.resolve("tokens.tsv");

        BulkLoader.Report r = load(new BulkLoader.Settings(600, 30, 7, 2, 250, Set.of(one.code(), two.code()), tokens, 600));

        assertThat(r.certificates()).isEqualTo(600);
        assertThat(r.bodies()).isEqualTo(2);
        assertThat(r.enterprises()).isEqualTo(30);
        assertThat(r.byStatus().keySet()).as("every status").isEqualTo(EnumSet.allOf(CertificateStatus.class));
        assertThat(r.events()).isGreaterThan(600);
        assertThat(r.treeSize()).isEqualTo(sizeBefore + r.events());
        assertThat(log.treeSize()).isEqualTo(r.treeSize());
        log.publishCheckpoint();

        List<String> lines = Files.readAllLines(tokens);
        assertThat(lines).hasSize(600);
        String valid = null;
        for (String line : lines) {
            String[] f = line.split("\t");
            JsonPath v = given().get("/api/v1/verify/" + f[0]).then().statusCode(200).extract().jsonPath();
            assertThat(v.getBoolean("genuine")).as(line).isTrue();
            assertThat(v.getString("verdict")).as(line).isEqualTo(f[2]);
            assertThat(v.getString("claims.certificateNumber")).isEqualTo(f[1]);
            assertThat(v.getBoolean("log.inclusionVerified")).as("inclusion of " + f[1]).isTrue();
            if (valid == null && f[2].equals("VALID") && f[1].contains("-" + one.code() + "-")) valid = f[1];
        }
        assertThat(valid).isNotNull();

        // The history chain continues from the loaded events, and new numbers do not collide.
        as(one.certifierToken()).body(Map.of("reasonCode", "FRAUD")).post("/api/v1/certificates/" + valid + "/revoke")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("REVOKED"));
        given().get("/api/v1/certificates/" + valid).then().statusCode(200)
                .body("history[-1].event", org.hamcrest.Matchers.equalTo("REVOKED"))
                .body("history.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        Api.Issuer fresh = new Api.Issuer(one.code(), one.certifierToken(), Api.newEnterprise(), "M-1", Api.newEligibleStandard());
        Api.newProduct(fresh.holder(), "M-1");
        String number = fresh.issue();
        assertThat(lines).noneMatch(l -> l.contains("\t" + number + "\t"));

        log.publishCheckpoint();
        String key = given().get("/log/key").asString().trim();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int audit = AuditCommand.run(List.of("--key", key, base.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(audit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void aBodyThatCannotIssueStopsTheLoadBeforeAnythingIsWritten() {
        long sizeBefore = log.treeSize();
        assertThatThrownBy(() -> load(new BulkLoader.Settings(10, 5, 1, 1, 10, Set.of("NOSUCHBODY"), null, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("active body");
        assertThat(log.treeSize()).isEqualTo(sizeBefore);
    }

    @Test
    void theCommandRefusesUnusableArguments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(LoadCommand.run(List.of(), o, e)).isEqualTo(2);
        assertThat(LoadCommand.run(List.of("--jdbc-url"), o, e)).isEqualTo(2);
        assertThat(LoadCommand.run(List.of("--jdbc-url", "jdbc:h2:mem:x", "--certificates", "many"), o, e)).isEqualTo(2);
        assertThat(LoadCommand.run(List.of("--jdbc-url", "jdbc:h2:mem:x", "--certificates", "0",
                "--master-key", "AAAA"), o, e)).isEqualTo(2);
        assertThat(LoadCommand.run(List.of("--jdbc-url", "jdbc:h2:mem:x", "--bogus", "1"), o, e)).isEqualTo(2);
        assertThat(LoadCommand.run(List.of("--jdbc-url", "jdbc:mysql://x", "--keys-dir", "target/test-keys"), o, e)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: load").doesNotContain("Exception");
    }
}
