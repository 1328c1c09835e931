package org.szmark.log.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.szmark.log.LogService;
import org.szmark.log.merkle.EntryBundle;
import org.szmark.log.merkle.EntryBundleId;
import org.szmark.log.note.VerifierKey;
import org.szmark.support.Api;

/** The auditor against the running registry, and against doctored views of it. */
@QuarkusTest
class AuditorTest {

    @Inject LogService log;
    @Inject EntityManager em;
    @TestHTTPResource("/") URL base;

    private AuditCommand.HttpSource http;
    private VerifierKey key;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void someHistory() {
        Api.Issuer i = Api.newIssuer();
        for (int k = 0; k < 3; k++) {
            String n = i.issue();
            log.publishCheckpoint();
            as(i.token()).body(Map.of("reasonCode", "HOLDER_REQUEST")).post("/api/v1/certificates/" + n + "/suspend").then().statusCode(200);
        }
        log.publishCheckpoint();
        http = new AuditCommand.HttpSource(base.toString());
        key = VerifierKey.parse(given().get("/log/key").asString().trim());
    }

    @Test
    void theRegistryIsConsistent() {
        List<String> progress = new ArrayList<>();
        Auditor.Report r = new Auditor(http, key, progress::add).run();
        assertThat(r.verdict()).as(r.detail()).isEqualTo(Auditor.Verdict.CONSISTENT);
        assertThat(r.treeSize()).isGreaterThanOrEqualTo(6);
        assertThat(r.checkpoints()).isGreaterThanOrEqualTo(4);
        assertThat(progress).anyMatch(l -> l.contains("entries recomputed")).anyMatch(l -> l.contains("consistency proofs"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditCommand.run(List.of("--key", key.toString(), base.toString()), print(out), print(err));
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("CONSISTENT");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsADiscrepancy() {
        VerifierKey other = org.szmark.log.note.NoteSigner.generate(key.name(), new java.security.SecureRandom()).verifierKey();
        Auditor.Report r = new Auditor(http, other, null).run();
        assertThat(r.verdict()).isEqualTo(Auditor.Verdict.DISCREPANCY);
        assertThat(r.detail()).contains("does not verify with the log key");
        int code = AuditCommand.run(List.of("--key", other.toString(), base.toString()), print(new ByteArrayOutputStream()),
                print(new ByteArrayOutputStream()));
        assertThat(code).isEqualTo(1);
    }

    @Test
    void aTamperedStoredCheckpointIsFound() {
        Auditor.Source doctored = path -> {
            Auditor.Answer a = http.get(path);
            if (!path.startsWith("/api/v1/log/checkpoints")) {
                return a;
            }
            ObjectNode page = (ObjectNode) json.readTree(a.body());
            ArrayNode items = (ArrayNode) page.get("checkpoints");
            ObjectNode victim = (ObjectNode) items.get(items.size() / 2);
            // Another root in the note text: the signature no longer matches.
            String note = victim.get("note").asText();
            String[] lines = note.split("\n", -1);
            byte[] root = Base64.getDecoder().decode(lines[2]);
            root[0] ^= 1;
            lines[2] = Base64.getEncoder().encodeToString(root);
            victim.put("note", String.join("\n", lines));
            victim.put("rootHash", lines[2]);
            return new Auditor.Answer(200, json.writeValueAsBytes(page));
        };
        Auditor.Report r = new Auditor(doctored, key, null).run();
        assertThat(r.verdict()).isEqualTo(Auditor.Verdict.DISCREPANCY);
        assertThat(r.detail()).contains("stored checkpoint").contains("does not verify");
    }

    @Test
    void aTamperedEntryIsFound() {
        long victim = log.treeSize() - 2;
        String bundle = "/log/" + EntryBundleId.full(victim / 256).path();
        Auditor.Source doctored = path -> {
            Auditor.Answer a = http.get(path);
            if (!path.equals(bundle) && !path.startsWith(bundle + ".p/")) {
                return a;
            }
            List<byte[]> entries = new ArrayList<>(EntryBundle.parse(a.body()));
            entries.set((int) (victim % 256), swapBase64Char(entries.get((int) (victim % 256))));
            return new Auditor.Answer(200, EntryBundle.write(entries));
        };
        Auditor.Report r = new Auditor(doctored, key, null).run();
        assertThat(r.verdict()).isEqualTo(Auditor.Verdict.DISCREPANCY);
        assertThat(r.detail()).contains("differs from the root").contains("recomputed from the entries");
    }

    @Test
    void aRewrittenEntryRowIsFound() {
        long victim = log.treeSize() - 3;
        byte[] original = log.entry(victim).orElseThrow();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update log_entry set entry = ?1 where idx = ?2")
                    .setParameter(1, swapBase64Char(original)).setParameter(2, victim).executeUpdate());
            Auditor.Report r = new Auditor(http, key, null).run();
            assertThat(r.verdict()).isEqualTo(Auditor.Verdict.DISCREPANCY);
            assertThat(r.detail()).contains("differs from the root");
            // The verification page's check notices too.
            assertThat(log.verifiedInclusion(victim).orElseThrow().verified()).isFalse();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update log_entry set entry = ?1 where idx = ?2")
                    .setParameter(1, original).setParameter(2, victim).executeUpdate());
        }
        assertThat(log.verifiedInclusion(victim).orElseThrow().verified()).isTrue();
        assertThat(new Auditor(http, key, null).run().verdict()).isEqualTo(Auditor.Verdict.CONSISTENT);
    }

    @Test
    void aForgedConsistencyProofIsFound() {
        Auditor.Source doctored = path -> {
            Auditor.Answer a = http.get(path);
            if (!path.startsWith("/api/v1/log/consistency")) {
                return a;
            }
            ObjectNode proof = (ObjectNode) json.readTree(a.body());
            ArrayNode hashes = (ArrayNode) proof.get("hashes");
            if (hashes.isEmpty()) {
                return a;
            }
            byte[] h = Base64.getDecoder().decode(hashes.get(0).asText());
            h[5] ^= 1;
            hashes.set(0, Base64.getEncoder().encodeToString(h));
            return new Auditor.Answer(200, json.writeValueAsBytes(proof));
        };
        Auditor.Report r = new Auditor(doctored, key, null).run();
        assertThat(r.verdict()).isEqualTo(Auditor.Verdict.DISCREPANCY);
        assertThat(r.detail()).contains("consistency proof");
    }

    @Test
    void unusableInputAndUnreachableRegistries() {
        PrintStream quiet = print(new ByteArrayOutputStream());
        assertThat(AuditCommand.run(List.of(), quiet, quiet)).isEqualTo(2);
        assertThat(AuditCommand.run(List.of("--key", "not-a-key", base.toString()), quiet, quiet)).isEqualTo(2);
        assertThat(AuditCommand.run(List.of("ftp://example.org"), quiet, quiet)).isEqualTo(2);
        assertThat(AuditCommand.run(List.of("--key", key.toString(), "http://127.0.0.1:9"), quiet, quiet)).isEqualTo(2);
        Auditor.Report r = new Auditor(path -> new Auditor.Answer(503, new byte[0]), key, null).run();
        assertThat(r.verdict()).isEqualTo(Auditor.Verdict.INCOMPLETE);
    }

    /** The same entry with one character of a signature changed: still well-formed, another leaf. */
    static byte[] swapBase64Char(byte[] entry) {
        String s = new String(entry, StandardCharsets.UTF_8);
        int at = s.indexOf("\"signature\":\"") + "\"signature\":\"".length() + 10;
        char c = s.charAt(at);
        char swapped = c == 'A' ? 'B' : 'A';
        byte[] out = (s.substring(0, at) + swapped + s.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.equals(out, entry)).isFalse();
        return out;
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
