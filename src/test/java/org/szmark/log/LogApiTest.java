package org.szmark.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.config.SzmarkConfig;
import org.szmark.crypto.SignedEnvelope;
import org.szmark.log.merkle.Hashes;
import org.szmark.log.merkle.ProofException;
import org.szmark.log.note.Checkpoint;
import org.szmark.log.note.TlogProof;
import org.szmark.log.note.VerifierKey;
import org.szmark.support.Api;

@QuarkusTest
class LogApiTest {

    static final String TEXT = "(?i)text/plain; ?charset=utf-8";

    @Inject LogService log;
    @Inject SzmarkConfig config;

    @Test
    void everyResponseThatRecordsAChangeGivesItsLogIndex() {
        Api.Issuer i = Api.newIssuer();
        JsonPath issued = as(i.token()).body(i.request()).post("/api/v1/certificates").then().statusCode(201).extract().jsonPath();
        long first = issued.getLong("logIndex");
        assertThat(issued.getLong("history[0].logIndex")).isEqualTo(first);
        String n = issued.getString("number");

        JsonPath suspended = as(i.token()).body(Map.of("reasonCode", "HOLDER_REQUEST"))
                .post("/api/v1/certificates/" + n + "/suspend").then().statusCode(200).extract().jsonPath();
        long second = suspended.getLong("logIndex");
        assertThat(second).isGreaterThan(first);
        assertThat(suspended.getLong("history[1].logIndex")).isEqualTo(second);
        assertThat(suspended.getLong("history[0].logIndex")).isEqualTo(first);

        // The entry holds exactly the signed envelopes the certificate view shows.
        LogEntry e1 = LogEntry.decode(log.entry(first).orElseThrow());
        assertThat(e1.event().toMap()).isEqualTo(suspended.getMap("history[0].signed"));
        assertThat(e1.certificate().toMap()).isEqualTo(suspended.getMap("signed"));
        LogEntry e2 = LogEntry.decode(log.entry(second).orElseThrow());
        assertThat(e2.event().toMap()).isEqualTo(suspended.getMap("history[1].signed"));
        assertThat(e2.certificate()).isNull();

        anonymous().get("/api/v1/certificates/" + n).then().statusCode(200).body("logIndex", equalTo((int) second));
        anonymous().queryParam("body", i.body()).get("/api/v1/certificates").then().statusCode(200)
                .body("items[0].logIndex", equalTo((int) second));

        // A batch item gives its certificate's index too.
        JsonPath batch = as(i.token()).body(Map.of("certificates", List.of(i.request(), i.request())))
                .post("/api/v1/certificates:batch").then().statusCode(200).extract().jsonPath();
        assertThat(batch.getLong("results[1].certificate.logIndex")).isEqualTo(batch.getLong("results[0].certificate.logIndex") + 1);
    }

    @Test
    void checkpointIsASignedNoteVerifiedByThePublishedKeyAndFollowsAChangeWithinTheInterval() throws Exception {
        VerifierKey key = LogTestSupport.logKey();
        assertThat(key.name()).isEqualTo(log.origin()).isEqualTo("localhost:8080/log");
        assertThat(key.toString()).matches("localhost:8080/log\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}");

        Api.Issuer i = Api.newIssuer();
        long index = as(i.token()).body(i.request()).post("/api/v1/certificates").then().statusCode(201)
                .extract().jsonPath().getLong("logIndex");
        long changed = System.nanoTime();
        long interval = config.log().checkpointInterval().toMillis();
        Checkpoint cp;
        while (true) {
            Response r = given().get("/log/checkpoint");
            r.then().statusCode(200).header("Content-Type", matchesPattern(TEXT))
                    .header("Cache-Control", "public, max-age=1").header("Access-Control-Allow-Origin", "*");
            cp = Checkpoint.parseVerified(r.asString(), key.name(), List.of(key));
            if (cp.size() > index) {
                break;
            }
            // The publisher runs every interval; allow one more second for a busy two-core machine.
            assertThat((System.nanoTime() - changed) / 1_000_000).as("ms until a checkpoint covers the change")
                    .isLessThan(interval + 1000);
            Thread.sleep(25);
        }
        assertThat(cp.origin()).isEqualTo(key.name());
        // The note's root is the tree's root at its size, recomputed from the entries.
        assertThat(cp.rootHash()).isEqualTo(org.szmark.log.merkle.TreeMath.treeHash(cp.size(), LogTestSupport.rebuild(log, cp.size())));
    }

    @Test
    void listsStoredCheckpointsForAuditors() {
        log.publishCheckpoint();
        JsonPath all = anonymous().queryParam("limit", "1000").get("/api/v1/log/checkpoints").then().statusCode(200)
                .body("origin", equalTo(log.origin())).body("key", equalTo(log.verifierKey().toString()))
                .extract().jsonPath();
        List<Long> sizes = all.getList("checkpoints.size", Long.class);
        assertThat(sizes).isSorted().doesNotHaveDuplicates();
        VerifierKey key = log.verifierKey();
        for (int k = 0; k < sizes.size(); k++) {
            Checkpoint cp = assertVerifies(all.getString("checkpoints[" + k + "].note"), key);
            assertThat(cp.size()).isEqualTo(sizes.get(k));
            assertThat(Base64.getEncoder().encodeToString(cp.rootHash())).isEqualTo(all.getString("checkpoints[" + k + "].rootHash"));
        }
        if (sizes.size() >= 2) {
            JsonPath page = anonymous().queryParam("from", sizes.get(0)).queryParam("limit", 1).get("/api/v1/log/checkpoints")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("checkpoints.size", Long.class)).containsExactly(sizes.get(0));
            assertThat(page.getLong("next")).isEqualTo(sizes.get(0) + 1);
        }
    }

    @Test
    void certificateProofVerifiesOfflineAndCarriesTheEntry() throws Exception {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        JsonPath view = as(i.token()).body(Map.of("reasonCode", "MARK_MISUSE"))
                .post("/api/v1/certificates/" + n + "/suspend").then().statusCode(200).extract().jsonPath();
        long index = view.getLong("logIndex");

        // Asked at once, before the publisher ran: the registry signs a checkpoint that covers it.
        Response r = given().get("/api/v1/certificates/" + n.toLowerCase() + "/proof");
        r.then().statusCode(200).header("Content-Type", startsWith("text/plain"))
                .header("Content-Disposition", "inline; filename=\"" + n + ".tlog-proof\"");
        TlogProof proof = TlogProof.parse(r.asString());
        assertThat(proof.write()).isEqualTo(r.asString());
        assertThat(proof.index()).isEqualTo(index);
        byte[] entry = proof.extra();
        VerifierKey key = LogTestSupport.logKey();
        Checkpoint cp = proof.verify(Hashes.leafHash(entry), key.name(), List.of(key));
        assertThat(cp.size()).isGreaterThan(index);
        // The entry is the latest event, as the certificate view shows it signed.
        assertThat(LogEntry.decode(entry).event()).isEqualTo(SignedEnvelope.parse(
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(view.getMap("history[1].signed"))));

        // Any other entry, index or altered hash fails.
        byte[] other = log.entry(index - 1).orElseThrow();
        assertFails(() -> proof.verify(Hashes.leafHash(other), key.name(), List.of(key)));
        if (!proof.hashes().isEmpty()) {
            List<byte[]> hashes = proof.hashes();
            hashes.get(0)[7] ^= 1;
            TlogProof bent = new TlogProof(proof.extra(), proof.index(), hashes, proof.signedCheckpointNote());
            assertFails(() -> bent.verify(Hashes.leafHash(entry), key.name(), List.of(key)));
        }
        String forged = r.asString().replace("index " + index + "\n", "index " + (index + 1) + "\n");
        assertFails(() -> TlogProof.parse(forged).verify(Hashes.leafHash(entry), key.name(), List.of(key)));

        given().get("/api/v1/certificates/NO-SUCH-CERT/proof").then().statusCode(404)
                .header("Content-Type", startsWith("application/problem+json"));
    }

    @Test
    void verificationPageCheckCoversTheLatestCheckpoint() {
        Api.Issuer i = Api.newIssuer();
        long index = as(i.token()).body(i.request()).post("/api/v1/certificates").then().statusCode(201)
                .extract().jsonPath().getLong("logIndex");
        log.publishCheckpoint();
        LogService.InclusionCheck check = log.verifiedInclusion(index).orElseThrow();
        assertThat(check.covered()).isTrue();
        assertThat(check.verified()).isTrue();
        assertThat(check.checkpointSize()).isGreaterThan(index);
        assertThat(check.checkpointNote()).startsWith(log.origin() + "\n" + check.checkpointSize() + "\n");
        assertThat(log.verifiedInclusion(log.treeSize() + 5)).isEmpty();
        assertThat(log.verifiedInclusion(-1)).isEmpty();
    }

    @Test
    void keyAndCheckpointAreText() {
        given().get("/log/key").then().statusCode(200).header("Content-Type", matchesPattern(TEXT))
                .body(equalTo(log.verifierKey() + "\n"));
        assertThat(given().get("/log/checkpoint").asString()).startsWith(log.origin() + "\n")
                .contains("\n\n\u2014 " + log.origin() + " ");
        assertThat("\u2014".getBytes(StandardCharsets.UTF_8)).hasSize(3);
    }

    private static Checkpoint assertVerifies(String note, VerifierKey key) {
        try {
            return Checkpoint.parseVerified(note, key.name(), List.of(key));
        } catch (Exception e) {
            throw new AssertionError("checkpoint does not verify: " + e.getMessage(), e);
        }
    }

    interface Check {
        void run() throws Exception;
    }

    static void assertFails(Check c) {
        try {
            c.run();
        } catch (ProofException | org.szmark.log.note.NoteVerificationException | IllegalArgumentException e) {
            return;
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
        throw new AssertionError("a corrupted proof verified");
    }
}
