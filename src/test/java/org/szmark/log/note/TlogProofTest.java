package org.szmark.log.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.szmark.log.merkle.InMemoryHashStore;
import org.szmark.log.merkle.ProofException;
import org.szmark.log.merkle.TreeMath;

class TlogProofTest {

    private static final String ORIGIN = "example.com/szmark-test";
    private static InMemoryHashStore store;
    private static NoteSigner log;
    private static NoteSigner witness;
    private static String checkpointNote;
    private static List<VerifierKey> keys;

    @BeforeAll
    static void buildLog() {
        SecureRandom random = new SecureRandom();
        log = NoteSigner.generate(ORIGIN, random);
        witness = NoteSigner.generate("witness.example", random);
        store = new InMemoryHashStore();
        for (int i = 0; i < 1000; i++) {
            store.append(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        Checkpoint cp = new Checkpoint(ORIGIN, 1000, TreeMath.treeHash(1000, store));
        checkpointNote = SignedNote.sign(cp.toNoteText(), log, witness).write();
        keys = List.of(log.verifierKey());
    }

    private static TlogProof proofFor(long index, byte[] extra) {
        return new TlogProof(extra, index, TreeMath.proveInclusion(index, 1000, store), checkpointNote);
    }

    @Test
    void roundTripsAndVerifies() throws Exception {
        for (long index : new long[] {0, 1, 255, 256, 511, 998, 999}) {
            for (byte[] extra : new byte[][] {null, "vrf".getBytes(StandardCharsets.UTF_8)}) {
                TlogProof p = proofFor(index, extra);
                String text = p.write();
                assertThat(text).startsWith("c2sp.org/tlog-proof@v1\n" + (extra == null ? "index " : "extra dnJm\nindex "));
                assertThat(text).endsWith("\n\n" + checkpointNote);
                TlogProof back = TlogProof.parse(text);
                assertThat(back).isEqualTo(p);
                assertThat(back.write()).isEqualTo(text);
                Checkpoint cp = back.verify(store.leafHash((int) index), ORIGIN, keys);
                assertThat(cp.size()).isEqualTo(1000);
            }
        }
    }

    @Test
    void layoutMatchesTheSpec() {
        TlogProof p = proofFor(3, new byte[] {1, 2, 3});
        List<byte[]> hashes = p.hashes();
        StringBuilder expected = new StringBuilder("c2sp.org/tlog-proof@v1\nextra AQID\nindex 3\n");
        for (byte[] h : hashes) {
            expected.append(Base64.getEncoder().encodeToString(h)).append('\n');
        }
        expected.append('\n').append(checkpointNote);
        assertThat(p.write()).isEqualTo(expected.toString());
        assertThat(hashes).hasSize(10);
    }

    @Test
    void verificationFailures() {
        TlogProof p = proofFor(42, null);
        byte[] leaf = store.leafHash(42);
        assertThatThrownBy(() -> p.verify(store.leafHash(43), ORIGIN, keys)).isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> p.verify(leaf, "example.com/elsewhere", keys))
                .isInstanceOf(NoteVerificationException.class);
        assertThatThrownBy(() -> p.verify(leaf, ORIGIN, List.of(NoteSigner.generate(ORIGIN, new SecureRandom()).verifierKey())))
                .isInstanceOf(NoteVerificationException.class);
        List<byte[]> hashes = p.hashes();
        for (int h = 0; h < hashes.size(); h++) {
            List<byte[]> bad = p.hashes();
            bad.get(h)[h % 32] ^= 1;
            TlogProof tampered = new TlogProof(null, 42, bad, checkpointNote);
            assertThatThrownBy(() -> tampered.verify(leaf, ORIGIN, keys)).isInstanceOf(ProofException.class);
        }
        TlogProof wrongIndex = new TlogProof(null, 43, hashes, checkpointNote);
        assertThatThrownBy(() -> wrongIndex.verify(leaf, ORIGIN, keys)).isInstanceOf(ProofException.class);
        TlogProof beyond = new TlogProof(null, 1000, hashes, checkpointNote);
        assertThatThrownBy(() -> beyond.verify(leaf, ORIGIN, keys))
                .isInstanceOf(NoteVerificationException.class).hasMessageContaining("not below");
        // The witness cosignature travels with the checkpoint and can be required by the caller.
        assertThat(SignedNote.parse(p.signedCheckpointNote()).signatures()).hasSize(2);
    }

    @Test
    void malformedProofsAreRejected() {
        String good = proofFor(7, null).write();
        String head = "c2sp.org/tlog-proof@v1\n";
        String body = good.substring(head.length());
        String afterIndex = body.substring(body.indexOf('\n') + 1);
        String hash = afterIndex.substring(0, afterIndex.indexOf('\n'));
        List<String> bad = new ArrayList<>();
        bad.add("");
        bad.add(head);
        bad.add("c2sp.org/tlog-proof@v2\n" + body);
        bad.add("c2sp.org/tlog-proof@v1 \n" + body);
        bad.add("\n" + head + body);
        bad.add(head + "extra \n" + body);
        bad.add(head + "extra AQI\n" + body);
        bad.add(head + "extra AQID\nextra AQID\n" + body);
        bad.add(head + body.replace("index 7\n", "index 07\n"));
        bad.add(head + body.replace("index 7\n", "index -7\n"));
        bad.add(head + body.replace("index 7\n", "index  7\n"));
        bad.add(head + body.replace("index 7\n", "index\t7\n"));
        bad.add(head + body.replace("index 7\n", "Index 7\n"));
        bad.add(head + body.replace("index 7\n", "index 99999999999999999999\n"));
        bad.add(head + body.replace("index 7\n", ""));
        bad.add(head + body.replace("index 7\n", "index 7\nextra AQID\n"));
        bad.add(head + "index 7\n" + hash.substring(0, 43) + "\n" + afterIndex.substring(hash.length() + 1));
        bad.add(head + "index 7\n" + hash.substring(0, 40) + "AA==\n" + afterIndex.substring(hash.length() + 1));
        bad.add(head + "index 7\n" + hash + " \n" + afterIndex.substring(hash.length() + 1));
        bad.add(head + "index 7\n" + (hash + "\n").repeat(64) + "\n" + checkpointNote);
        bad.add(good.replace("\n\n" + checkpointNote, "\n" + checkpointNote));
        bad.add(good + "garbage");
        bad.add(good.substring(0, good.length() - 1));
        bad.add(good.replace(checkpointNote, checkpointNote.replace("\n1000\n", "\n01000\n")));
        bad.add(good.replace("\n", "\r\n"));
        for (int i = 0; i < bad.size(); i++) {
            String b = bad.get(i);
            try {
                TlogProof.parse(b);
                fail("malformed proof accepted, case " + i + ":\n" + b);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThatThrownBy(() -> new TlogProof(new byte[0], 0, List.of(), checkpointNote))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TlogProof(null, -1, List.of(), checkpointNote))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TlogProof(null, 0, List.of(new byte[31]), checkpointNote))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TlogProof(null, 0, List.of(), "not a note"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proofWithNoHashesForASingleEntryLog() throws Exception {
        InMemoryHashStore one = new InMemoryHashStore();
        byte[] leaf = one.append(new byte[] {42});
        String note = SignedNote.sign(new Checkpoint(ORIGIN, 1, TreeMath.treeHash(1, one)).toNoteText(), log).write();
        TlogProof p = new TlogProof(null, 0, List.of(), note);
        String text = p.write();
        assertThat(text).isEqualTo("c2sp.org/tlog-proof@v1\nindex 0\n\n" + note);
        assertThat(TlogProof.parse(text).verify(leaf, ORIGIN, keys).size()).isEqualTo(1);
    }
}
