package org.szmark.fuzz;

import static org.szmark.fuzz.IdentifierFuzzTest.assertBothOutcomes;
import static org.szmark.fuzz.IdentifierFuzzTest.expect;
import static org.szmark.fuzz.IdentifierFuzzTest.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.szmark.crypto.CanonicalJson;
import org.szmark.crypto.SignedEnvelope;
import org.szmark.log.LogEntry;
import org.szmark.log.merkle.EntryBundleId;
import org.szmark.log.merkle.Hashes;
import org.szmark.log.merkle.ProofException;
import org.szmark.log.merkle.TileId;
import org.szmark.log.note.Checkpoint;
import org.szmark.log.note.NoteSigner;
import org.szmark.log.note.NoteVerificationException;
import org.szmark.log.note.SignedNote;
import org.szmark.log.note.TlogProof;

/**
 * The public log's formats, which auditors and clients read back from untrusted mirrors: tile and
 * bundle paths, checkpoints, signed notes, offline proofs and log entries. Each parser either reads the
 * input or refuses it with {@link IllegalArgumentException}; everything it reads is the single
 * canonical spelling, so writing it back gives the input unchanged.
 */
class LogFormatFuzzTest {

    private static final int N = Fuzz.inputs();
    private static final String ORIGIN = "registry.example/log";

    private static final NoteSigner LOG = signer(ORIGIN, 1);
    private static final NoteSigner WITNESS = signer("witness.example", 2);

    @Test
    void tilePaths() {
        canonical("tile path", LogFormatFuzzTest::tile, TileId::path, TileId::parse, "0123456789x./ptile", 80);
    }

    @Test
    void entryBundlePaths() {
        canonical("entry bundle path", LogFormatFuzzTest::bundle, EntryBundleId::path, EntryBundleId::parse,
                "0123456789x./pentries", 80);
    }

    @Test
    void checkpoints() {
        canonical("checkpoint", LogFormatFuzzTest::checkpoint, Checkpoint::toNoteText, Checkpoint::parse, BASE64 + "\n", 300);
    }

    /**
     * Fuzzes a parser of a format with one spelling per value: what it accepts is written back
     * unchanged, and generated values read back equal.
     */
    private static <T> void canonical(String target, Function<Fuzz, T> make, Function<T, String> write,
            Function<String, T> parse, String alphabet, int maxLength) {
        List<String> seeds = seeds(make, write);
        Fuzz.Result r = Fuzz.run(target, N, g -> g.input(seeds, alphabet, maxLength), text -> {
            T value = parse.apply(text);
            expect(write.apply(value).equals(text), "an accepted input is the canonical spelling", text);
            return true;
        }, IllegalArgumentException.class);
        assertBothOutcomes(r);
        Fuzz.run(target + " round trip", N, make,
                value -> parse.apply(write.apply(value)).equals(value) || fail("round trip", write.apply(value)));
    }

    @Test
    void signedNotes() {
        List<String> seeds = seeds(g -> note(g).write(), Function.identity());
        Fuzz.Result r = Fuzz.run("signed note", N, g -> g.input(seeds, BASE64 + "\n\u2014 ", 600), text -> {
            SignedNote note = SignedNote.parse(text);
            expect(note.write().equals(text), "an accepted note is written back unchanged", text);
            verifies(() -> note.verify(List.of(LOG.verifierKey(), WITNESS.verifierKey())));
            return true;
        }, IllegalArgumentException.class);
        assertBothOutcomes(r);

        // The same as UTF-8 bytes, which may be malformed.
        List<byte[]> bytes = seeds.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        Fuzz.Result b = Fuzz.run("signed note bytes", N, g -> g.input(bytes, 600), input -> {
            SignedNote note = SignedNote.parse(input);
            expect(Arrays.equals(note.write().getBytes(StandardCharsets.UTF_8), input), "written back unchanged", input);
            return true;
        }, IllegalArgumentException.class);
        assertBothOutcomes(b);

        Fuzz.run("signed note round trip", Math.min(N, 20_000), LogFormatFuzzTest::note, note -> {
            SignedNote back = SignedNote.parse(note.write());
            expect(back.equals(note), "round trip", note.write());
            return !back.verify(List.of(LOG.verifierKey())).isEmpty() || fail("signature verifies", note.write());
        });
    }

    @Test
    void offlineProofs() {
        List<String> seeds = seeds(g -> proof(g).write(), Function.identity());
        byte[] leaf = Hashes.leafHash("entry".getBytes(StandardCharsets.UTF_8));
        Fuzz.Result r = Fuzz.run("tlog proof", N, g -> g.input(seeds, BASE64 + "\n\u2014 ", 900), text -> {
            TlogProof proof = TlogProof.parse(text);
            expect(proof.write().equals(text), "an accepted proof is written back unchanged", text);
            try {
                proof.verify(leaf, ORIGIN, List.of(LOG.verifierKey()));
            } catch (NoteVerificationException | ProofException expected) {
                // A proof that does not hold is refused with these; only other failures are findings.
            }
            return true;
        }, IllegalArgumentException.class);
        assertBothOutcomes(r);
        Fuzz.run("tlog proof round trip", Math.min(N, 20_000), LogFormatFuzzTest::proof,
                p -> TlogProof.parse(p.write()).equals(p) || fail("round trip", p.write()));
    }

    @Test
    void logEntries() {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new byte[32]);
        List<byte[]> seeds = new ArrayList<>();
        Fuzz f = new Fuzz(Fuzz.seed());
        for (int i = 0; i < 20; i++) {
            seeds.add(entry(f, key).encode());
        }
        Fuzz.Result r = Fuzz.run("log entry", N, g -> g.input(seeds, 2000), bytes -> {
            LogEntry entry = LogEntry.decode(bytes);
            expect(Arrays.equals(entry.encode(), bytes), "an accepted entry is its canonical encoding", bytes);
            return true;
        }, IllegalArgumentException.class);
        assertBothOutcomes(r);
        Fuzz.run("log entry round trip", Math.min(N, 20_000), g -> entry(g, key),
                e -> LogEntry.decode(e.encode()).equals(e) || fail("round trip", e.encode()));
    }

    static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

    private static <T> List<String> seeds(Function<Fuzz, T> make, Function<T, String> write) {
        Fuzz f = new Fuzz(Fuzz.seed());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            out.add(write.apply(make.apply(f)));
        }
        return out;
    }

    private static void verifies(NoteCheck check) {
        try {
            check.run();
        } catch (NoteVerificationException expected) {
            // Signed by no known key, or a known key's signature is bad: a refusal, not a finding.
        }
    }

    private interface NoteCheck {
        void run() throws NoteVerificationException;
    }

    /** A non-negative long of any magnitude, often small. */
    static long index(Fuzz g, long max) {
        long v = g.random().nextLong() & Long.MAX_VALUE;
        v >>>= g.nextInt(63);
        return Math.min(v, max);
    }

    static TileId tile(Fuzz g) {
        return new TileId(g.nextInt(64), index(g, Long.MAX_VALUE), 1 + g.nextInt(256));
    }

    static EntryBundleId bundle(Fuzz g) {
        return new EntryBundleId(index(g, Long.MAX_VALUE >> 8), 1 + g.nextInt(256));
    }

    static Checkpoint checkpoint(Fuzz g) {
        byte[] root = new byte[32];
        g.random().nextBytes(root);
        List<String> ext = new ArrayList<>();
        for (int i = g.nextInt(3); i > 0; i--) {
            ext.add(g.pick(List.of("\u2014 witness.example 0123", "extension", "\u6df1\u5733 " + i)));
        }
        return new Checkpoint(g.pick(List.of(ORIGIN, "example.com/behind-the-sofa", "o")), index(g, Long.MAX_VALUE), root, ext);
    }

    static SignedNote note(Fuzz g) {
        String text = checkpoint(g).toNoteText();
        return g.chance(50) ? SignedNote.sign(text, LOG) : SignedNote.sign(text, LOG, WITNESS);
    }

    static TlogProof proof(Fuzz g) {
        byte[] extra = null;
        if (g.chance(50)) {
            extra = new byte[1 + g.nextInt(100)];
            g.random().nextBytes(extra);
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = g.nextInt(8); i > 0; i--) {
            byte[] h = new byte[32];
            g.random().nextBytes(h);
            hashes.add(h);
        }
        return new TlogProof(extra, index(g, Long.MAX_VALUE), hashes, note(g).write());
    }

    static LogEntry entry(Fuzz g, Ed25519PrivateKeyParameters key) {
        boolean issued = g.chance(50);
        String event = issued ? "ISSUED" : g.pick(List.of("SUSPENDED", "REVOKED", "CANCELLED", "REINSTATED"));
        SignedEnvelope e = SignedEnvelope.sign(CanonicalJson.decode(("{\"event\":\"" + event + "\",\"seq\":"
                + (1 + g.nextInt(1000)) + ",\"type\":\"szmark.status-event.v1\",\"reason\":\"\u6df1\u5733\\n\"}")
                .getBytes(StandardCharsets.UTF_8)), key);
        SignedEnvelope c = issued ? SignedEnvelope.sign(CanonicalJson.decode(("{\"number\":\"SZBZ-" + g.nextInt(99999)
                + "\",\"holder\":{\"creditCode\":\"91440300MA5F7WCYXL\"},\"type\":\"szmark.certificate.v1\"}")
                .getBytes(StandardCharsets.UTF_8)), key) : null;
        return new LogEntry(e, c);
    }

    private static NoteSigner signer(String name, int seed) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) seed);
        return new NoteSigner(name, new Ed25519PrivateKeyParameters(k));
    }
}
