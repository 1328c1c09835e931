package org.szmark.log.note;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A transparency log checkpoint, c2sp.org/tlog-checkpoint: the note text
 * {@code <origin>\n<tree size>\n<base64 root hash>\n} optionally followed by extension lines.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    static final int HASH_SIZE = 32;

    /**
     * @throws IllegalArgumentException if the origin is empty or not a single line, the size is
     *     negative, the root hash is not 32 bytes or an extension line is empty or multi-line
     */
    public Checkpoint {
        checkLine(origin, "origin");
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size + " must not be negative");
        }
        if (rootHash == null || rootHash.length != HASH_SIZE) {
            throw new IllegalArgumentException("root hash must be " + HASH_SIZE + " bytes");
        }
        rootHash = rootHash.clone();
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        for (String ext : extensions) {
            checkLine(ext, "extension line");
        }
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: origin, size, base64 root hash and extension lines, each ending in '\n'. */
    public String toNoteText() {
        StringBuilder sb = new StringBuilder();
        sb.append(origin).append('\n');
        sb.append(size).append('\n');
        sb.append(NoteFormat.base64(rootHash)).append('\n');
        for (String ext : extensions) {
            sb.append(ext).append('\n');
        }
        return sb.toString();
    }

    /**
     * Parses checkpoint note text strictly, c2sp.org/tlog-checkpoint "Note text": at least three
     * non-empty lines; the size in ASCII decimal without leading zeros (except "0"); the root hash
     * as canonical base64 of 32 bytes; any further lines non-empty.
     *
     * @throws IllegalArgumentException if the text is malformed
     */
    public static Checkpoint parse(String noteText) {
        if (noteText == null) {
            throw new IllegalArgumentException("checkpoint text must not be null");
        }
        if (noteText.length() > SignedNote.MAX_NOTE_BYTES) {
            throw new IllegalArgumentException("checkpoint text is too large");
        }
        if (!noteText.endsWith("\n")) {
            throw new IllegalArgumentException("checkpoint text must end with a newline");
        }
        NoteFormat.checkNoteChars(noteText, "checkpoint text");
        String[] lines = noteText.substring(0, noteText.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("checkpoint text has " + lines.length
                    + " lines, expected at least origin, size and root hash");
        }
        if (lines[0].isEmpty()) {
            throw new IllegalArgumentException("checkpoint origin line is empty");
        }
        long size = NoteFormat.parseCanonicalDecimal(lines[1], "checkpoint tree size");
        byte[] root = NoteFormat.strictBase64(lines[2], "checkpoint root hash");
        if (root.length != HASH_SIZE) {
            throw new IllegalArgumentException("checkpoint root hash has " + root.length
                    + " bytes, expected " + HASH_SIZE);
        }
        List<String> ext = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new IllegalArgumentException("checkpoint extension line " + (i - 2) + " is empty");
            }
            ext.add(lines[i]);
        }
        return new Checkpoint(lines[0], size, root, ext);
    }

    /**
     * Parses a signed checkpoint note, verifies it against the log's keys (and any witness keys
     * the caller trusts) and checks its origin.
     *
     * @throws IllegalArgumentException if the note or its checkpoint text is malformed
     * @throws NoteVerificationException if no known key signed it, a known key's signature fails,
     *     or the origin is not {@code expectedOrigin}
     */
    public static Checkpoint parseVerified(String signedNote, String expectedOrigin,
            Collection<VerifierKey> keys) throws NoteVerificationException {
        SignedNote note = SignedNote.parse(signedNote);
        Checkpoint cp = parse(note.text());
        if (expectedOrigin != null && !cp.origin.equals(expectedOrigin)) {
            throw new NoteVerificationException("checkpoint origin is '" + cp.origin
                    + "' but expected '" + expectedOrigin + "'");
        }
        note.verify(keys);
        return cp;
    }

    private static void checkLine(String s, String what) {
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException("checkpoint " + what + " must not be empty");
        }
        if (s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("checkpoint " + what + " must be a single line");
        }
        NoteFormat.checkNoteChars(s, "checkpoint " + what);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && origin.equals(c.origin) && size == c.size
                && Arrays.equals(rootHash, c.rootHash) && extensions.equals(c.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + ", " + NoteFormat.base64(rootHash)
                + (extensions.isEmpty() ? "" : ", " + extensions) + "]";
    }
}
