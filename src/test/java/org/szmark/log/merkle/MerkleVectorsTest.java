// Vectors from the project's shared vectors (RFC 6962 / C2SP): /vectors/merkle-rfc6962.json.
package org.szmark.log.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MerkleVectorsTest {

    private static final List<byte[]> inputs = new ArrayList<>();
    private static final List<String> leafHashes = new ArrayList<>();
    private static final Map<Long, byte[]> roots = new HashMap<>();
    private static JsonNode inclusion;
    private static JsonNode consistency;
    private static InMemoryHashStore store;

    @BeforeAll
    static void load() throws IOException {
        JsonNode root;
        try (InputStream in = MerkleVectorsTest.class.getResourceAsStream("/vectors/merkle-rfc6962.json")) {
            assertThat(in).as("vector file on the classpath").isNotNull();
            root = new ObjectMapper().readTree(in);
        }
        root.get("leafInputsHex").forEach(n -> inputs.add(TestHex.decode(n.asText())));
        root.get("leafHashesHex").forEach(n -> leafHashes.add(n.asText()));
        Iterator<Map.Entry<String, JsonNode>> it = root.get("rootsBySize").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            roots.put(Long.parseLong(e.getKey()), TestHex.decode(e.getValue().asText()));
        }
        inclusion = root.get("inclusion");
        consistency = root.get("consistency");
        store = new InMemoryHashStore();
        for (byte[] input : inputs) {
            store.append(input);
        }
    }

    private static List<byte[]> proofOf(JsonNode v) {
        List<String> hex = new ArrayList<>();
        v.get("proofHex").forEach(h -> hex.add(h.asText()));
        return TestHex.decodeAll(hex);
    }

    @Test
    void vectorFileHasTheExpectedShape() {
        assertThat(inputs).hasSize(8);
        assertThat(leafHashes).hasSize(8);
        assertThat(roots).hasSize(9).containsKeys(0L, 8L);
        // Every (index, size) with index < size <= 8, and every (size1, size2) with 1 <= size1 <= size2 <= 8.
        assertThat(inclusion).hasSize(36);
        assertThat(consistency).hasSize(36);
    }

    @Test
    void leafHashesMatch() {
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(TestHex.encode(Hashes.leafHash(inputs.get(i)))).as("leaf %d", i)
                    .isEqualTo(leafHashes.get(i));
        }
    }

    @Test
    void emptyRootIsSha256OfNothing() {
        assertThat(Hashes.emptyRoot()).isEqualTo(roots.get(0L));
        assertThat(TestHex.encode(Hashes.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void everyRootComputedThroughStoredHashes() {
        assertThat(store.storedCount()).isEqualTo(StoredHashes.storedHashCount(8)).isEqualTo(15);
        for (long size = 0; size <= 8; size++) {
            byte[] root = TreeMath.treeHash(size, new BoundedReader(store, size));
            assertThat(TestHex.encode(root)).as("root of size %d", size)
                    .isEqualTo(TestHex.encode(roots.get(size)));
        }
    }

    @Test
    void rootsAlsoMatchTheRecursiveDefinition() {
        ReferenceTree ref = new ReferenceTree(store.leafHashes());
        for (long size = 0; size <= 8; size++) {
            assertThat(ref.mth(0, size)).as("MTH size %d", size).isEqualTo(roots.get(size));
        }
    }

    @Test
    void everyInclusionProofIsProducedAndVerifies() throws ProofException {
        for (JsonNode v : inclusion) {
            long index = v.get("leafIndex").asLong();
            long size = v.get("treeSize").asLong();
            List<byte[]> expected = proofOf(v);
            List<byte[]> proof = TreeMath.proveInclusion(index, size, new BoundedReader(store, size));
            assertThat(TestHex.encodeAll(proof)).as("inclusion proof %d in %d", index, size)
                    .isEqualTo(TestHex.encodeAll(expected));
            TreeMath.verifyInclusion(TestHex.decode(leafHashes.get((int) index)), index, size,
                    expected, roots.get(size));
        }
    }

    @Test
    void everyConsistencyProofIsProducedAndVerifies() throws ProofException {
        for (JsonNode v : consistency) {
            long from = v.get("size1").asLong();
            long to = v.get("size2").asLong();
            List<byte[]> expected = proofOf(v);
            List<byte[]> proof = TreeMath.proveConsistency(from, to, new BoundedReader(store, to));
            assertThat(TestHex.encodeAll(proof)).as("consistency proof %d -> %d", from, to)
                    .isEqualTo(TestHex.encodeAll(expected));
            TreeMath.verifyConsistency(from, to, expected, roots.get(from), roots.get(to));
        }
    }

    @Test
    void vectorProofsFailAgainstTheWrongRoot() {
        for (JsonNode v : inclusion) {
            long index = v.get("leafIndex").asLong();
            long size = v.get("treeSize").asLong();
            byte[] wrongRoot = roots.get(size == 8 ? 7L : size + 1);
            assertThatThrownBy(() -> TreeMath.verifyInclusion(
                    TestHex.decode(leafHashes.get((int) index)), index, size, proofOf(v), wrongRoot))
                    .as("inclusion %d in %d", index, size)
                    .isInstanceOf(ProofException.class)
                    .hasMessageContaining("expected " + TestHex.encode(wrongRoot));
        }
        for (JsonNode v : consistency) {
            long from = v.get("size1").asLong();
            long to = v.get("size2").asLong();
            byte[] wrongNew = roots.get(to == 8 ? 7L : to + 1);
            assertThatThrownBy(() -> TreeMath.verifyConsistency(from, to, proofOf(v),
                    roots.get(from), wrongNew))
                    .as("consistency %d -> %d", from, to)
                    .isInstanceOf(ProofException.class);
        }
    }

    @Test
    void consistencyFromSizeZeroIsTheEmptyProof() throws ProofException {
        for (long to = 0; to <= 8; to++) {
            assertThat(TreeMath.proveConsistency(0, to, store)).as("proof 0 -> %d", to).isEmpty();
            TreeMath.verifyConsistency(0, to, List.of(), roots.get(0L), roots.get(to));
        }
        // A non-empty proof from 0, or an old root other than SHA-256(""), is refused.
        assertThatThrownBy(() -> TreeMath.verifyConsistency(0, 8, List.of(roots.get(8L)),
                roots.get(0L), roots.get(8L)))
                .isInstanceOf(ProofException.class).hasMessageContaining("size 0");
        assertThatThrownBy(() -> TreeMath.verifyConsistency(0, 8, List.of(), roots.get(1L),
                roots.get(8L)))
                .isInstanceOf(ProofException.class).hasMessageContaining("empty-tree root");
        assertThatThrownBy(() -> TreeMath.verifyConsistency(0, 0, List.of(), roots.get(0L),
                roots.get(1L)))
                .isInstanceOf(ProofException.class);
    }
}
