package org.szmark.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.szmark.log.LogFloor.LogBehindFloor;
import org.szmark.log.merkle.InMemoryHashStore;
import org.szmark.log.merkle.TreeMath;
import org.szmark.log.note.Checkpoint;
import org.szmark.log.note.NoteSigner;
import org.szmark.log.note.SignedNote;

class LogFloorTest {

    static final String ORIGIN = "verify.example.org/log";
    final NoteSigner signer = NoteSigner.generate(ORIGIN, new SecureRandom());
    @TempDir Path dir;

    static InMemoryHashStore tree(String prefix, int n) {
        InMemoryHashStore t = new InMemoryHashStore();
        for (int i = 0; i < n; i++) t.append((prefix + i).getBytes(StandardCharsets.UTF_8));
        return t;
    }

    static Checkpoint checkpointOf(InMemoryHashStore t, long size) {
        return new Checkpoint(ORIGIN, size, TreeMath.treeHash(size, t));
    }

    Path file(Checkpoint cp, NoteSigner by) throws Exception {
        Path f = dir.resolve("floor-" + cp.size());
        Files.writeString(f, SignedNote.sign(cp.toNoteText(), by).write());
        return f;
    }

    @Test
    void aLogThatGrewPastItsFloorOrStoodStillPasses() {
        InMemoryHashStore t = tree("e", 37);
        for (long size : new long[] {0, 1, 20, 36, 37}) {
            assertThatCode(() -> LogFloor.check(checkpointOf(t, size), 37, t)).as("floor %d", size).doesNotThrowAnyException();
        }
    }

    @Test
    void aLogRestoredBehindItsFloorIsRefused() {
        InMemoryHashStore later = tree("e", 30);
        assertThatThrownBy(() -> LogFloor.check(checkpointOf(later, 30), 29, later)).isInstanceOf(LogBehindFloor.class)
                .hasMessageContaining("holds 29 entries, fewer than the 30").hasMessageContaining("Refusing");
        assertThatThrownBy(() -> LogFloor.check(checkpointOf(later, 1), 0, new InMemoryHashStore())).isInstanceOf(LogBehindFloor.class);
    }

    @Test
    void aLogWithAnotherHistoryIsRefusedEvenWhenLarger() {
        InMemoryHashStore published = tree("e", 20);
        InMemoryHashStore other = tree("e", 12);
        for (int i = 12; i < 40; i++) other.append(("fork" + i).getBytes(StandardCharsets.UTF_8));
        // The first 12 entries agree, so a floor of 12 holds; 20 does not.
        assertThatCode(() -> LogFloor.check(checkpointOf(published, 12), 40, other)).doesNotThrowAnyException();
        assertThatThrownBy(() -> LogFloor.check(checkpointOf(published, 20), 40, other)).isInstanceOf(LogBehindFloor.class)
                .hasMessageContaining("another history");
    }

    @Test
    void theFloorFileMustBeACheckpointOfThisLogSignedByItsKey() throws Exception {
        InMemoryHashStore t = tree("e", 5);
        Checkpoint cp = checkpointOf(t, 5);
        assertThat(LogFloor.read(file(cp, signer), ORIGIN, signer.verifierKey())).isEqualTo(cp);

        NoteSigner stranger = NoteSigner.generate(ORIGIN, new SecureRandom());
        assertThatThrownBy(() -> LogFloor.read(file(cp, stranger), ORIGIN, signer.verifierKey()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a checkpoint of this log");

        NoteSigner otherLog = NoteSigner.generate("other.example/log", new SecureRandom());
        Checkpoint foreign = new Checkpoint("other.example/log", 5, cp.rootHash());
        assertThatThrownBy(() -> LogFloor.read(file(foreign, otherLog), ORIGIN, signer.verifierKey()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a checkpoint of this log");

        Path garbage = Files.writeString(dir.resolve("garbage"), "not a note\n");
        assertThatThrownBy(() -> LogFloor.read(garbage, ORIGIN, signer.verifierKey())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LogFloor.read(dir.resolve("missing"), ORIGIN, signer.verifierKey()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Cannot read");
        Path huge = dir.resolve("huge");
        Files.write(huge, new byte[SignedNote.MAX_NOTE_BYTES + 1]);
        assertThatThrownBy(() -> LogFloor.read(huge, ORIGIN, signer.verifierKey())).hasMessageContaining("larger");
    }
}
