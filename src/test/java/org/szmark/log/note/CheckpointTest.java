package org.szmark.log.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

    @Test
    void roundTripsWithAndWithoutExtensions() {
        byte[] root = Base64.getDecoder().decode(ROOT);
        Checkpoint cp = new Checkpoint("example.com/behind-the-sofa", 20852163, root);
        String text = "example.com/behind-the-sofa\n20852163\n" + ROOT + "\n";
        assertThat(cp.toNoteText()).isEqualTo(text);
        assertThat(Checkpoint.parse(text)).isEqualTo(cp);
        Checkpoint ext = new Checkpoint("o", Long.MAX_VALUE, root, List.of("ext one", "\u2014 two"));
        assertThat(ext.toNoteText()).endsWith("\next one\n\u2014 two\n");
        assertThat(Checkpoint.parse(ext.toNoteText())).isEqualTo(ext);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "o\n1\n", "o\n1\n" + ROOT, "\n1\n" + ROOT + "\n", "o\n01\n" + ROOT + "\n", "o\n00\n" + ROOT + "\n",
        "o\n-1\n" + ROOT + "\n", "o\n+1\n" + ROOT + "\n", "o\n 1\n" + ROOT + "\n", "o\n1 \n" + ROOT + "\n",
        "o\n\n" + ROOT + "\n", "o\n9223372036854775808\n" + ROOT + "\n", "o\n1e3\n" + ROOT + "\n",
        "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n", "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n",
        "o\n1\n" + ROOT + " \n", "o\n1\n\n", "o\n1\n" + ROOT + "\n\n", "o\n1\n" + ROOT + "\next\n\n",
        "o\n1\n" + ROOT + "\n\next\n", "o\r\n1\n" + ROOT + "\n", "o\n1\n" + ROOT + "\r\n",
        "o\u0000\n1\n" + ROOT + "\n", "o\n\u0661\n" + ROOT + "\n", "o\n1\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n"
    })
    void malformedCheckpointsAreRejected(String text) {
        assertThatThrownBy(() -> Checkpoint.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRejectsInvalidFields() {
        byte[] root = new byte[32];
        assertThatThrownBy(() -> new Checkpoint("", 0, root)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("a\nb", 0, root)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", -1, root)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 0, new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 0, root, List.of(""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseVerifiedChecksOriginAndKeys() throws NoteVerificationException {
        NoteSigner log = NoteSigner.generate("example.com/log", new SecureRandom());
        NoteSigner other = NoteSigner.generate("example.com/log", new SecureRandom());
        Checkpoint cp = new Checkpoint("example.com/log", 5, new byte[32]);
        String note = SignedNote.sign(cp.toNoteText(), log).write();
        assertThat(Checkpoint.parseVerified(note, "example.com/log", List.of(log.verifierKey()))).isEqualTo(cp);
        assertThatThrownBy(() -> Checkpoint.parseVerified(note, "example.com/other", List.of(log.verifierKey())))
                .isInstanceOf(NoteVerificationException.class).hasMessageContaining("origin");
        assertThatThrownBy(() -> Checkpoint.parseVerified(note, "example.com/log", List.of(other.verifierKey())))
                .isInstanceOf(NoteVerificationException.class);
    }
}
