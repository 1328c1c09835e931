package org.szmark.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.szmark.account.Actor;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateService;
import org.szmark.log.LogStore.StoredCheckpoint;
import org.szmark.log.merkle.EntryBundle;
import org.szmark.log.merkle.EntryBundleId;
import org.szmark.log.merkle.InMemoryHashStore;
import org.szmark.log.merkle.TileId;
import org.szmark.log.merkle.TreeMath;
import org.szmark.log.note.Checkpoint;
import org.szmark.log.note.VerifierKey;
import org.szmark.support.Api;

/**
 * A few thousand entries appended through the certificate service, then every inclusion proof and
 * many consistency proofs fetched over HTTP and checked with the RFC 9162 verifiers against a tree
 * rebuilt from the entries; corrupted proofs must fail; tiles and bundles must match.
 */
@QuarkusTest
class LogManyEntriesTest {

    @Inject CertificateService certificates;
    @Inject LogService log;
    @TestHTTPResource("/") URL base;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void thousandsOfEntriesProveInclusionAndConsistency() throws Exception {
        Api.Issuer issuer = Api.newIssuer();
        Actor actor = LogTestSupport.certifier(issuer);
        long start = log.treeSize();
        // Batches of 100: each a transaction that appends 100 entries in a row.
        for (int b = 0; b < 25; b++) {
            for (Object o : certificates.issueBatch(Collections.nCopies(100, LogTestSupport.request(issuer)), actor)) {
                assertThat(o).isInstanceOf(Certificate.class);
            }
        }
        long size = log.treeSize();
        assertThat(size).isGreaterThanOrEqualTo(start + 2500);
        InMemoryHashStore tree = LogTestSupport.rebuild(log, size);
        byte[] root = TreeMath.treeHash(size, tree);

        // Every entry's inclusion in the whole tree.
        for (long i = 0; i < size; i++) {
            List<byte[]> proof = hashes(get("/api/v1/log/inclusion?index=" + i + "&size=" + size));
            TreeMath.verifyInclusion(tree.leafHash((int) i), i, size, proof, root);
        }

        Random rnd = new Random(6962);
        List<long[]> inclusions = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            long s = 1 + rnd.nextLong(size);
            inclusions.add(new long[] {rnd.nextLong(s), s});
        }
        for (long[] c : inclusions) {
            List<byte[]> proof = hashes(get("/api/v1/log/inclusion?index=" + c[0] + "&size=" + c[1]));
            byte[] leaf = tree.leafHash((int) c[0]);
            byte[] r = TreeMath.treeHash(c[1], tree);
            TreeMath.verifyInclusion(leaf, c[0], c[1], proof, r);
            if (c[0] % 10 == 0) {
                assertCorruptedInclusionFails(leaf, c[0], c[1], proof, r);
            }
        }

        List<long[]> pairs = new ArrayList<>(List.of(new long[] {0, size}, new long[] {size, size}, new long[] {1, size},
                new long[] {size - 1, size}, new long[] {256, 512}, new long[] {255, 257}, new long[] {1024, size},
                new long[] {2047, 2048}, new long[] {2048, 2049}, new long[] {1, 2}, new long[] {0, 0}));
        for (int k = 0; k < 500; k++) {
            long b = 1 + rnd.nextLong(size);
            pairs.add(new long[] {1 + rnd.nextLong(b), b});
        }
        for (long[] p : pairs) {
            List<byte[]> proof = hashes(get("/api/v1/log/consistency?from=" + p[0] + "&to=" + p[1]));
            byte[] r1 = TreeMath.treeHash(p[0], tree);
            byte[] r2 = TreeMath.treeHash(p[1], tree);
            TreeMath.verifyConsistency(p[0], p[1], proof, r1, r2);
            if (p[0] > 0 && p[0] < p[1]) {
                assertCorruptedConsistencyFails(p[0], p[1], proof, r1, r2);
            }
        }

        // A checkpoint of this size: signed by the published key, with the recomputed root.
        StoredCheckpoint cp = log.publishCheckpoint();
        assertThat(cp.size()).isEqualTo(size);
        VerifierKey key = LogTestSupport.logKey();
        assertThat(Checkpoint.parseVerified(cp.note(), key.name(), List.of(key)).rootHash()).isEqualTo(root);

        // Every hash tile and entry bundle as of that checkpoint matches the rebuilt tree.
        int tiles = 0;
        for (int level = 0; (size >> (8 * level)) > 0; level++) {
            for (long n = 0; TileId.at(level, n, size) != null; n++) {
                TileId id = TileId.at(level, n, size);
                HttpResponse<byte[]> r = fetch("/log/" + id.path());
                assertThat(r.statusCode()).as(id.path()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
                if (id.isFull()) {
                    assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
                }
                assertThat(r.body()).as(id.path()).isEqualTo(id.readData(tree));
                tiles++;
            }
        }
        // Below 65,536 entries: the level-0 tiles (the last one partial unless full) and one partial level-1 tile.
        assertThat(tiles).isEqualTo((size + 255) / 256 + 1);
        for (long n = 0; EntryBundleId.at(n, size) != null; n++) {
            EntryBundleId id = EntryBundleId.at(n, size);
            HttpResponse<byte[]> r = fetch("/log/" + id.path());
            assertThat(r.statusCode()).isEqualTo(200);
            List<byte[]> entries = EntryBundle.parse(r.body(), id.width());
            for (int k = 0; k < entries.size(); k++) {
                assertThat(entries.get(k)).isEqualTo(log.entry(id.firstEntry() + k).orElseThrow());
            }
        }
    }

    /** Each altered hash, a dropped or added hash, or a neighbouring index must fail. */
    private static void assertCorruptedInclusionFails(byte[] leaf, long index, long size, List<byte[]> proof, byte[] root) {
        for (int h = 0; h < proof.size(); h++) {
            List<byte[]> bent = copy(proof);
            bent.get(h)[h % 32] ^= 0x20;
            LogApiTest.assertFails(() -> TreeMath.verifyInclusion(leaf, index, size, bent, root));
        }
        if (!proof.isEmpty()) {
            LogApiTest.assertFails(() -> TreeMath.verifyInclusion(leaf, index, size, copy(proof).subList(0, proof.size() - 1), root));
        }
        List<byte[]> longer = copy(proof);
        longer.add(root.clone());
        LogApiTest.assertFails(() -> TreeMath.verifyInclusion(leaf, index, size, longer, root));
        if (index + 1 < size) {
            LogApiTest.assertFails(() -> TreeMath.verifyInclusion(leaf, index + 1, size, proof, root));
        }
    }

    private static void assertCorruptedConsistencyFails(long from, long to, List<byte[]> proof, byte[] r1, byte[] r2) {
        for (int h = 0; h < proof.size(); h++) {
            List<byte[]> bent = copy(proof);
            bent.get(h)[31 - h % 32] ^= 0x01;
            LogApiTest.assertFails(() -> TreeMath.verifyConsistency(from, to, bent, r1, r2));
        }
        if (!proof.isEmpty()) {
            LogApiTest.assertFails(() -> TreeMath.verifyConsistency(from, to, copy(proof).subList(1, proof.size()), r1, r2));
        }
        byte[] otherRoot = r2.clone();
        otherRoot[0] ^= 1;
        LogApiTest.assertFails(() -> TreeMath.verifyConsistency(from, to, proof, r1, otherRoot));
        LogApiTest.assertFails(() -> TreeMath.verifyConsistency(from, to, proof, otherRoot, r2));
    }

    private static List<byte[]> copy(List<byte[]> proof) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] h : proof) {
            out.add(h.clone());
        }
        return out;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<byte[]> r = fetch(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<byte[]> fetch(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<String> b64 = new ArrayList<>();
        proof.get("hashes").forEach(h -> b64.add(h.asText()));
        return LogTestSupport.decode(b64);
    }
}
