package org.szmark.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.szmark.log.merkle.HashReader;
import org.szmark.log.merkle.Hashes;
import org.szmark.log.merkle.TreeMath;
import org.szmark.log.note.Checkpoint;
import org.szmark.log.note.NoteVerificationException;
import org.szmark.log.note.SignedNote;
import org.szmark.log.note.VerifierKey;

/**
 * The floor of a restored log: a checkpoint this log published (and witnesses, monitors or verifiers may
 * hold) that the stored log must still contain. A database restored from a backup older than that
 * checkpoint, or a different history, would show verifiers a log that lost entries they were promised, a
 * fork; the registry refuses to serve it (docs/operations.md, "Restore").
 */
public final class LogFloor {

    /** A log that does not contain its floor checkpoint. */
    public static final class LogBehindFloor extends IllegalStateException {
        LogBehindFloor(String message) {
            super(message);
        }
    }

    private LogFloor() {}

    /**
     * Reads and verifies the floor checkpoint file: a signed note (c2sp.org/tlog-checkpoint) by the log's
     * own key with its origin, as {@code GET /log/checkpoint} serves it.
     *
     * @throws IllegalStateException if the file cannot be read, is not a checkpoint, or is not this log's
     */
    public static Checkpoint read(Path file, String origin, VerifierKey key) {
        byte[] bytes;
        try {
            if (Files.size(file) > SignedNote.MAX_NOTE_BYTES) {
                throw new IllegalStateException("The floor checkpoint file " + file + " is larger than a signed note may be");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the floor checkpoint file " + file + ": " + e.getMessage(), e);
        }
        try {
            return Checkpoint.parseVerified(new String(bytes, StandardCharsets.UTF_8), origin, List.of(key));
        } catch (NoteVerificationException | IllegalArgumentException e) {
            throw new IllegalStateException("The floor checkpoint file " + file + " is not a checkpoint of this log ("
                    + origin + ") signed by its key " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the stored tree of {@code treeSize} entries contains the floor: at least as many entries,
     * and the same root at the floor's size (RFC 6962 §2.1, the root of the first {@code floor.size()}
     * leaves).
     *
     * @throws LogBehindFloor if the log is smaller than the floor or holds another history
     */
    public static void check(Checkpoint floor, long treeSize, HashReader hashes) {
        if (treeSize < floor.size()) {
            throw new LogBehindFloor("The log holds " + treeSize + " entries, fewer than the " + floor.size()
                    + " of the floor checkpoint it published: the database was restored to a point before that checkpoint."
                    + " Refusing to serve a log that lost published entries; restore a later backup or replay more WAL.");
        }
        byte[] root = TreeMath.treeHash(floor.size(), hashes);
        if (!Arrays.equals(root, floor.rootHash())) {
            throw new LogBehindFloor("The log's root at size " + floor.size() + " is " + Hashes.hex(root)
                    + ", not the floor checkpoint's " + Hashes.hex(floor.rootHash())
                    + ": the database holds another history than the one published. Refusing to serve it.");
        }
    }
}
