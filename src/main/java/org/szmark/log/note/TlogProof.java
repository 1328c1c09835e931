package org.szmark.log.note;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.szmark.log.merkle.ProofException;
import org.szmark.log.merkle.TreeMath;

/**
 * An offline-verifiable proof that an entry is in a log, c2sp.org/tlog-proof@v1:
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64&gt;          (optional, unauthenticated)
 * index &lt;decimal&gt;
 * &lt;base64 hash&gt;            (zero or more, leaf sibling first, RFC 6962 §2.1.1)
 *
 * &lt;signed checkpoint note, verbatim&gt;
 * </pre>
 *
 * @param extra opaque application data, or null when absent (never empty)
 * @param signedCheckpointNote the checkpoint as a complete signed note
 */
public record TlogProof(byte[] extra, long index, List<byte[]> hashes, String signedCheckpointNote) {

    static final String HEADER = "c2sp.org/tlog-proof@v1";

    /** An inclusion proof has at most one hash per tree level. */
    static final int MAX_HASHES = 63;

    /**
     * @throws IllegalArgumentException if extra is empty, the index negative, a hash not 32
     *     bytes, or the checkpoint note malformed
     */
    public TlogProof {
        if (extra != null) {
            if (extra.length == 0) {
                throw new IllegalArgumentException("extra data, when present, must not be empty");
            }
            extra = extra.clone();
        }
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " must not be negative");
        }
        if (hashes == null || hashes.size() > MAX_HASHES) {
            throw new IllegalArgumentException("proof must have 0.." + MAX_HASHES + " hashes");
        }
        List<byte[]> copy = new ArrayList<>(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            byte[] h = hashes.get(i);
            if (h == null || h.length != Checkpoint.HASH_SIZE) {
                throw new IllegalArgumentException("proof hash #" + i + " must be "
                        + Checkpoint.HASH_SIZE + " bytes");
            }
            copy.add(h.clone());
        }
        hashes = List.copyOf(copy);
        // The checkpoint must at least be well formed; it is verified by verify().
        Checkpoint.parse(SignedNote.parse(signedCheckpointNote).text());
    }

    @Override
    public byte[] extra() {
        return extra == null ? null : extra.clone();
    }

    @Override
    public List<byte[]> hashes() {
        List<byte[]> out = new ArrayList<>(hashes.size());
        for (byte[] h : hashes) {
            out.add(h.clone());
        }
        return out;
    }

    /** The checkpoint, parsed but not verified. */
    public Checkpoint checkpoint() {
        return Checkpoint.parse(SignedNote.parse(signedCheckpointNote).text());
    }

    /** The proof text. */
    public String write() {
        StringBuilder sb = new StringBuilder(signedCheckpointNote.length() + 64 + hashes.size() * 45);
        sb.append(HEADER).append('\n');
        if (extra != null) {
            sb.append("extra ").append(NoteFormat.base64(extra)).append('\n');
        }
        sb.append("index ").append(index).append('\n');
        for (byte[] h : hashes) {
            sb.append(NoteFormat.base64(h)).append('\n');
        }
        sb.append('\n');
        sb.append(signedCheckpointNote);
        return sb.toString();
    }

    /**
     * Parses a proof strictly.
     *
     * @throws IllegalArgumentException if the proof or its checkpoint note is malformed
     */
    public static TlogProof parse(String proof) {
        if (proof == null) {
            throw new IllegalArgumentException("proof must not be null");
        }
        if (proof.length() > SignedNote.MAX_NOTE_BYTES + 4096) {
            throw new IllegalArgumentException("proof is too large");
        }
        NoteFormat.checkNoteChars(proof, "proof");
        int pos = 0;
        String line = lineAt(proof, pos, "header");
        if (!line.equals(HEADER)) {
            throw new IllegalArgumentException("proof does not start with '" + HEADER + "'");
        }
        pos += line.length() + 1;
        byte[] extra = null;
        line = lineAt(proof, pos, "index");
        if (line.startsWith("extra ")) {
            extra = NoteFormat.strictBase64(line.substring("extra ".length()), "extra data");
            if (extra.length == 0) {
                throw new IllegalArgumentException("proof has an empty extra line");
            }
            pos += line.length() + 1;
            line = lineAt(proof, pos, "index");
        }
        if (!line.startsWith("index ")) {
            throw new IllegalArgumentException("proof has no 'index <n>' line where expected");
        }
        long index = NoteFormat.parseCanonicalDecimal(line.substring("index ".length()), "proof index");
        pos += line.length() + 1;
        List<byte[]> hashes = new ArrayList<>();
        while (true) {
            line = lineAt(proof, pos, "proof hash or blank line");
            pos += line.length() + 1;
            if (line.isEmpty()) {
                break;
            }
            if (hashes.size() == MAX_HASHES) {
                throw new IllegalArgumentException("proof has more than " + MAX_HASHES + " hashes");
            }
            byte[] h = NoteFormat.strictBase64(line, "proof hash #" + hashes.size());
            if (h.length != Checkpoint.HASH_SIZE) {
                throw new IllegalArgumentException("proof hash #" + hashes.size() + " has "
                        + h.length + " bytes, expected " + Checkpoint.HASH_SIZE);
            }
            hashes.add(h);
        }
        return new TlogProof(extra, index, hashes, proof.substring(pos));
    }

    /** The line starting at {@code pos}, without its newline; it must be newline-terminated. */
    private static String lineAt(String s, int pos, String what) {
        int nl = s.indexOf('\n', pos);
        if (nl < 0) {
            throw new IllegalArgumentException("proof ends where the " + what + " line was expected");
        }
        return s.substring(pos, nl);
    }

    /**
     * Verifies the proof offline: the checkpoint note against the trusted keys and origin, then
     * the inclusion of {@code leafHash} at {@link #index()} under the checkpoint's root.
     *
     * @return the verified checkpoint
     * @throws NoteVerificationException if the checkpoint is not signed as required, has another
     *     origin, or is too small to contain the index
     * @throws ProofException if the inclusion proof does not lead to the checkpoint's root
     */
    public Checkpoint verify(byte[] leafHash, String expectedOrigin, Collection<VerifierKey> keys)
            throws NoteVerificationException, ProofException {
        Checkpoint cp = Checkpoint.parseVerified(signedCheckpointNote, expectedOrigin, keys);
        if (index >= cp.size()) {
            throw new NoteVerificationException("proof index " + index
                    + " is not below the checkpoint's tree size " + cp.size());
        }
        TreeMath.verifyInclusion(leafHash, index, cp.size(), hashes, cp.rootHash());
        return cp;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TlogProof p) || index != p.index || !Arrays.equals(extra, p.extra)
                || !signedCheckpointNote.equals(p.signedCheckpointNote)
                || hashes.size() != p.hashes.size()) {
            return false;
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (!Arrays.equals(hashes.get(i), p.hashes.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(index, Arrays.hashCode(extra), signedCheckpointNote);
        for (byte[] x : hashes) {
            h = 31 * h + Arrays.hashCode(x);
        }
        return h;
    }

    @Override
    public String toString() {
        return "TlogProof[index=" + index + ", hashes=" + hashes.size()
                + (extra == null ? "" : ", extra=" + extra.length + " bytes") + "]";
    }
}
