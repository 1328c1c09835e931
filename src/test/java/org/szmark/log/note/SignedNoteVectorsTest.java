// Vectors from the project's shared vectors (RFC 6962 / C2SP): /vectors/signed-note.txt.
package org.szmark.log.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.szmark.log.merkle.Hashes;

class SignedNoteVectorsTest {

    private static List<NoteVectors.Vector> vectors;

    @BeforeAll
    static void load() throws IOException {
        vectors = NoteVectors.load();
    }

    private static NoteVectors.Vector vector(int n) {
        return vectors.get(n - 1);
    }

    @Test
    void fileHoldsThreeVectors() {
        assertThat(vectors).hasSize(3);
        assertThat(vector(2).skey()).startsWith("PRIVATE+KEY+PeterNeumann+");
        for (NoteVectors.Vector v : vectors) {
            assertThat(v.note()).as(v.title()).endsWith("\n").contains("\n\n\u2014 ");
        }
    }

    @Test
    void keyIdsMatchByteForByte() {
        for (NoteVectors.Vector v : vectors) {
            String[] parts = v.vkey().split("\\+", 3);
            VerifierKey key = VerifierKey.parse(v.vkey());
            assertThat(key.name()).isEqualTo(parts[0]);
            assertThat(key.keyIdHex()).as(v.title()).isEqualTo(parts[1]);
            byte[] pub = java.util.Arrays.copyOfRange(Base64.getDecoder().decode(parts[2]), 1, 33);
            assertThat(VerifierKey.keyId(parts[0], pub)).isEqualTo(HexFormat.of().parseHex(parts[1]));
            assertThat(key.publicKey()).isEqualTo(pub);
            assertThat(key.toString()).isEqualTo(v.vkey());
        }
    }

    @Test
    void signatureLinesMatchTheKeyIds() {
        for (NoteVectors.Vector v : vectors) {
            SignedNote note = SignedNote.parse(v.note());
            VerifierKey key = VerifierKey.parse(v.vkey());
            assertThat(note.signatures()).hasSize(1);
            SignedNote.Signature sig = note.signatures().get(0);
            assertThat(sig.name()).isEqualTo(key.name());
            assertThat(sig.keyId()).isEqualTo(key.keyId());
            assertThat(sig.signature()).hasSize(64);
            assertThat(note.write()).as(v.title()).isEqualTo(v.note());
        }
    }

    @Test
    void allVectorsVerifyWithTheirKeys() throws NoteVerificationException {
        for (NoteVectors.Vector v : vectors) {
            SignedNote note = SignedNote.parse(v.note());
            VerifierKey key = VerifierKey.parse(v.vkey());
            String text = v.note().substring(0, v.note().lastIndexOf("\n\n") + 1);
            assertThat(note.text()).isEqualTo(text);
            assertThat(note.verifiedText(List.of(key))).isEqualTo(text);
            assertThat(note.verify(List.of(key))).containsExactly(key);
            assertThat(SignedNote.parse(v.note().getBytes(StandardCharsets.UTF_8)).verifiedText(List.of(key)))
                    .isEqualTo(text);
        }
    }

    @Test
    void signingVector2ReproducesTheNoteExactly() throws NoteVerificationException {
        NoteVectors.Vector v = vector(2);
        NoteSigner signer = NoteSigner.parse(v.skey());
        assertThat(signer.name()).isEqualTo("PeterNeumann");
        assertThat(signer.verifierKey().toString()).isEqualTo(v.vkey());
        assertThat(signer.encodePrivateKey()).isEqualTo(v.skey());
        String text = SignedNote.parse(v.note()).text();
        SignedNote signed = SignedNote.sign(text, signer);
        assertThat(signed.write()).isEqualTo(v.note());
        assertThat(signed.verifiedText(List.of(VerifierKey.parse(v.vkey())))).isEqualTo(text);
    }

    @Test
    void vector3IsTheEmptyTreeCheckpoint() throws NoteVerificationException {
        NoteVectors.Vector v = vector(3);
        String text = SignedNote.parse(v.note()).verifiedText(List.of(VerifierKey.parse(v.vkey())));
        Checkpoint cp = Checkpoint.parse(text);
        assertThat(cp.origin()).isEqualTo("example.com/log/testdata");
        assertThat(cp.size()).isZero();
        assertThat(cp.rootHash()).isEqualTo(Hashes.emptyRoot());
        assertThat(cp.extensions()).isEmpty();
        assertThat(cp.toNoteText()).isEqualTo(text);
        assertThat(Checkpoint.parseVerified(v.note(), "example.com/log/testdata",
                List.of(VerifierKey.parse(v.vkey())))).isEqualTo(cp);
    }

    @Test
    void everyTamperedTextCharacterIsRejected() {
        for (NoteVectors.Vector v : vectors) {
            VerifierKey key = VerifierKey.parse(v.vkey());
            String note = v.note();
            int textEnd = note.lastIndexOf("\n\n") + 1;
            for (int i = 0; i < textEnd; i++) {
                char c = note.charAt(i);
                char replacement = c == 'x' ? 'y' : 'x';
                String bad = note.substring(0, i) + replacement + note.substring(i + 1);
                expectRejected(bad, List.of(key), v.title() + " char " + i);
            }
            // Text extended or shortened.
            expectRejected("Z" + note, List.of(key), v.title() + " prefixed");
            expectRejected(note.substring(0, textEnd - 1) + " \n" + note.substring(textEnd),
                    List.of(key), v.title() + " trailing space");
            expectRejected(note.substring(1), List.of(key), v.title() + " first char dropped");
        }
    }

    @Test
    void everyTamperedSignatureBitIsRejected() {
        for (NoteVectors.Vector v : vectors) {
            VerifierKey key = VerifierKey.parse(v.vkey());
            SignedNote note = SignedNote.parse(v.note());
            SignedNote.Signature sig = note.signatures().get(0);
            byte[] both = new byte[68];
            System.arraycopy(sig.keyId(), 0, both, 0, 4);
            System.arraycopy(sig.signature(), 0, both, 4, 64);
            for (int bit = 0; bit < both.length * 8; bit++) {
                byte[] bad = both.clone();
                bad[bit / 8] ^= (byte) (1 << (bit % 8));
                String line = "\u2014 " + sig.name() + " " + Base64.getEncoder().encodeToString(bad) + "\n";
                expectRejected(note.text() + "\n" + line, List.of(key), v.title() + " bit " + bit);
            }
        }
    }

    @Test
    void unknownKeysAreIgnoredButNeverSufficient() throws NoteVerificationException {
        NoteVectors.Vector v = vector(2);
        SignedNote note = SignedNote.parse(v.note());
        VerifierKey real = VerifierKey.parse(v.vkey());
        SecureRandom random = new SecureRandom();
        // An unrelated key, a key with the same name, a key sharing neither.
        VerifierKey sameName = NoteSigner.generate("PeterNeumann", random).verifierKey();
        VerifierKey other = NoteSigner.generate("example.com/other", random).verifierKey();
        for (List<VerifierKey> known : List.of(List.<VerifierKey>of(), List.of(sameName), List.of(other),
                List.of(sameName, other))) {
            assertThatThrownBy(() -> note.verify(known)).isInstanceOf(NoteVerificationException.class)
                    .hasMessageContaining("none of the known keys");
        }
        // An extra signature by an unknown key does not disturb verification by a known one.
        NoteSigner stranger = NoteSigner.generate("witness.example", random);
        SignedNote cosigned = note.withSignatures(stranger);
        assertThat(cosigned.verify(List.of(real, other))).containsExactly(real);
        assertThat(cosigned.verify(List.of(real, stranger.verifierKey())))
                .containsExactly(real, stranger.verifierKey());
        // A garbage line whose name and key ID match no known key is ignored too.
        String withForeign = v.note() + "\u2014 foreign.example AAAAAAE=\n";
        assertThat(SignedNote.parse(withForeign).verifiedText(List.of(real))).isEqualTo(note.text());
    }

    @Test
    void aBadSignatureByAKnownKeyRejectsTheWholeNote() {
        NoteVectors.Vector v = vector(2);
        VerifierKey real = VerifierKey.parse(v.vkey());
        NoteSigner witness = NoteSigner.generate("witness.example", new SecureRandom());
        SignedNote note = SignedNote.parse(v.note()).withSignatures(witness);
        // Forge the witness line: right name and key ID, signature of another text.
        SignedNote.Signature w = note.signatures().get(1);
        byte[] wrongSig = witness.sign("another text\n".getBytes(StandardCharsets.UTF_8));
        SignedNote forged = new SignedNote(note.text(),
                List.of(note.signatures().get(0), new SignedNote.Signature(w.name(), w.keyId(), wrongSig)));
        assertThatThrownBy(() -> forged.verify(List.of(real, witness.verifierKey())))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("witness.example")
                .hasMessageContaining("does not verify");
        // The same note is fine for a verifier that does not know the witness.
        assertThatCode(() -> forged.verify(List.of(real)));
        // A known key may not sign twice.
        SignedNote twice = new SignedNote(note.text(),
                List.of(note.signatures().get(0), note.signatures().get(0)));
        assertThatThrownBy(() -> twice.verify(List.of(real)))
                .isInstanceOf(NoteVerificationException.class).hasMessageContaining("two signatures");
    }

    private static void assertThatCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
        org.assertj.core.api.Assertions.assertThatCode(c).doesNotThrowAnyException();
    }

    @Test
    void malformedNotesAreRejected() {
        String good = vector(2).note();
        String text = SignedNote.parse(good).text();
        String sigLine = good.substring(text.length() + 1);
        String b64 = sigLine.substring(sigLine.lastIndexOf(' ') + 1, sigLine.length() - 1);
        List<String> bad = new ArrayList<>();
        bad.add("");
        bad.add("\n");
        bad.add(text);
        bad.add(text + "\n");
        bad.add(good.substring(0, good.length() - 1));
        bad.add(good + "\n");
        bad.add(good + "trailing");
        bad.add(text + sigLine);
        bad.add(text + "\n-- PeterNeumann " + b64 + "\n");
        bad.add(text + "\n\u2014PeterNeumann " + b64 + "\n");
        bad.add(text + "\n\u2014  PeterNeumann " + b64 + "\n");
        bad.add(text + "\n\u2014 PeterNeumann  " + b64 + "\n");
        bad.add(text + "\n\u2014 PeterNeumann\t" + b64 + "\n");
        bad.add(text + "\n \u2014 PeterNeumann " + b64 + "\n");
        bad.add(text + "\n\u2014 PeterNeumann " + b64 + " \n");
        bad.add(text + "\n\u2014 " + b64 + "\n");
        bad.add(text + "\n\u2014 Peter+Neumann " + b64 + "\n");
        bad.add(text + "\n\u2014 Peter\u00a0Neumann " + b64 + "\n");
        bad.add(text + "\n\u2014 PeterNeumann \n");
        bad.add(text + "\n\u2014 PeterNeumann " + b64.replace("=", "") + "\n");
        bad.add(text + "\n\u2014 PeterNeumann " + b64.replace('+', '-').replace('/', '_') + "\n");
        bad.add(text + "\n\u2014 PeterNeumann " + b64 + "=\n");
        bad.add(text + "\n\u2014 PeterNeumann AAAAAA==\n");
        bad.add(text + "\n\u2014 PeterNeumann " + b64 + "\n\n");
        bad.add(text + "\n\u2014 PeterNeumann " + b64 + "\n\u2014 x\n");
        bad.add(good.replace("\n", "\r\n"));
        bad.add("If you think\u0007 cryptography\n\n" + sigLine);
        bad.add("tab\there\n\n" + sigLine);
        bad.add("surrogate \ud800 alone\n\n" + sigLine);
        bad.add(text + "\n" + sigLine.repeat(101));
        bad.add("a".repeat(SignedNote.MAX_NOTE_BYTES) + "\n\n" + sigLine);
        for (int i = 0; i < bad.size(); i++) {
            String b = bad.get(i);
            assertThatThrownBy(() -> SignedNote.parse(b)).as("case %d: %s", i,
                    b.length() > 200 ? b.substring(0, 200) : b)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // 100 signature lines are still accepted (the spec asks for at least 16).
        assertThat(SignedNote.parse(text + "\n" + sigLine.repeat(100)).signatures()).hasSize(100);
        // Invalid UTF-8 is refused rather than replaced.
        byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
        bytes[3] = (byte) 0xC3;
        assertThatThrownBy(() -> SignedNote.parse(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void textMayContainBlankLinesAndSplitsAtTheLastOne() throws NoteVerificationException {
        NoteSigner signer = NoteSigner.generate("example.com/poem", new SecureRandom());
        String text = "Ognuno sta solo\n\ned \u00e8 subito sera.\n\n";
        SignedNote note = SignedNote.sign(text, signer);
        SignedNote back = SignedNote.parse(note.write());
        assertThat(back.text()).isEqualTo(text);
        assertThat(back.verifiedText(List.of(signer.verifierKey()))).isEqualTo(text);
    }

    @Test
    void signRefusesInvalidText() {
        NoteSigner signer = NoteSigner.generate("example.com/k", new SecureRandom());
        for (String t : new String[] {"", "no newline", "cr\r\n", "nul\0\n"}) {
            assertThatThrownBy(() -> SignedNote.sign(t, signer)).as(t)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SignedNote.sign("ok\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("ok\n", signer, signer))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void expectRejected(String note, List<VerifierKey> keys, String what) {
        try {
            SignedNote.parse(note).verify(keys);
            fail("tampered note accepted: " + what);
        } catch (IllegalArgumentException | NoteVerificationException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
