package org.szmark.log.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.szmark.log.LogEntry;
import org.szmark.log.merkle.EntryBundle;
import org.szmark.log.merkle.EntryBundleId;
import org.szmark.log.merkle.Hashes;
import org.szmark.log.merkle.ProofException;
import org.szmark.log.merkle.TileId;
import org.szmark.log.merkle.TreeMath;
import org.szmark.log.note.Checkpoint;
import org.szmark.log.note.NoteVerificationException;
import org.szmark.log.note.VerifierKey;

/**
 * Audits a registry's log from the outside, trusting nothing but the log's verifier key (docs/log.md
 * "Auditing"):
 *
 * <ol>
 *   <li>every stored checkpoint ({@code /api/v1/log/checkpoints}) and the current one
 *       ({@code /log/checkpoint}) is a signed note verified by the key, with the key's name as
 *       origin (c2sp.org/signed-note, c2sp.org/tlog-checkpoint), and the sizes strictly increase;</li>
 *   <li>the tree is recomputed from all entries, fetched as entry bundles (c2sp.org/tlog-tiles), and
 *       each checkpoint's root equals the recomputed root at its size (RFC 6962 §2.1); every entry
 *       must be a well-formed {@link LogEntry};</li>
 *   <li>every hash tile of the largest checkpoint equals the recomputed hashes;</li>
 *   <li>the registry's consistency proof between each two consecutive checkpoints verifies
 *       (RFC 9162 §2.1.4.2).</li>
 * </ol>
 *
 * It stops at the first discrepancy and reports it. Reading is done through a {@link Source}, so the
 * same code audits a live registry, a mirror, or a doctored view in a test.
 */
public final class Auditor {

    /** The outcome of an audit. */
    public enum Verdict {
        /** Everything checked out. */
        CONSISTENT,
        /** The log contradicts itself or its signatures: see the detail. */
        DISCREPANCY,
        /** The audit could not be completed (network, server error): nothing is proven either way. */
        INCOMPLETE
    }

    /**
     * @param treeSize size of the largest checkpoint audited
     * @param checkpoints how many checkpoints were checked
     * @param detail what was wrong (first discrepancy) or why the audit stopped; null when consistent
     */
    public record Report(Verdict verdict, long treeSize, int checkpoints, String detail) {}

    /** An HTTP GET answer: status and body. */
    public record Answer(int status, byte[] body) {}

    /** Where the log is read from. Paths start with '/' and are relative to the registry's base URL. */
    @FunctionalInterface
    public interface Source {
        Answer get(String path) throws IOException;
    }

    private static final int PAGE = 1000;

    private final Source source;
    private final VerifierKey key;
    private final Consumer<String> progress;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param key the log's verifier key, obtained out of band; its name is the log's origin
     * @param progress receives one line per step done
     */
    public Auditor(Source source, VerifierKey key, Consumer<String> progress) {
        this.source = source;
        this.key = key;
        this.progress = progress == null ? s -> { } : progress;
    }

    public Report run() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try {
            audit(checkpoints);
            long size = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).size();
            return new Report(Verdict.CONSISTENT, size, checkpoints.size(), null);
        } catch (Discrepancy d) {
            return new Report(Verdict.DISCREPANCY, -1, checkpoints.size(), d.getMessage());
        } catch (Incomplete e) {
            return new Report(Verdict.INCOMPLETE, -1, checkpoints.size(), e.getMessage());
        } catch (IOException e) {
            return new Report(Verdict.INCOMPLETE, -1, checkpoints.size(), "cannot read from the registry: " + e);
        }
    }

    private void audit(List<Checkpoint> checkpoints) throws Discrepancy, Incomplete, IOException {
        String latestNote = text(fetch("/log/checkpoint", true));
        Checkpoint latest = verifiedCheckpoint(latestNote, "the current checkpoint (/log/checkpoint)");
        progress.accept("current checkpoint: size " + latest.size() + ", signature verified");

        List<String> notes = new ArrayList<>();
        listCheckpoints(checkpoints, notes);
        int at = -1;
        for (int i = 0; i < checkpoints.size(); i++) {
            if (checkpoints.get(i).size() == latest.size()) {
                at = i;
            }
        }
        if (at < 0 || !notes.get(at).equals(latestNote)) {
            throw new Discrepancy("the current checkpoint (size " + latest.size()
                    + ") is not among the stored checkpoints the registry lists, or differs from the one listed");
        }
        progress.accept("stored checkpoints with verified signatures: " + checkpoints.size());
        if (checkpoints.isEmpty()) {
            return;
        }

        MemoryTree tree = recompute(checkpoints);
        checkTiles(tree, checkpoints.get(checkpoints.size() - 1).size());
        checkConsistency(checkpoints);
    }

    /** Pages through {@code /api/v1/log/checkpoints}, verifying each note as it comes. */
    private void listCheckpoints(List<Checkpoint> out, List<String> notes) throws Discrepancy, Incomplete, IOException {
        long from = 0;
        while (true) {
            JsonNode page = jsonOf(fetch("/api/v1/log/checkpoints?from=" + from + "&limit=" + PAGE, true), "checkpoint list");
            JsonNode items = page.get("checkpoints");
            if (items == null || !items.isArray()) {
                throw new Incomplete("the checkpoint list has no 'checkpoints' array");
            }
            for (JsonNode item : items) {
                String note = item.path("note").asText("");
                long listedSize = item.path("size").asLong(-1);
                Checkpoint cp = verifiedCheckpoint(note, "the stored checkpoint listed with size " + listedSize);
                if (cp.size() != listedSize || !Base64.getEncoder().encodeToString(cp.rootHash()).equals(item.path("rootHash").asText())) {
                    throw new Discrepancy("the checkpoint listed with size " + listedSize
                            + " has a size or root hash other than its signed note's");
                }
                if (!out.isEmpty() && cp.size() <= out.get(out.size() - 1).size()) {
                    throw new Discrepancy("stored checkpoints are not in strictly increasing size order at size " + cp.size());
                }
                out.add(cp);
                notes.add(note);
            }
            JsonNode next = page.get("next");
            if (next == null || next.isNull()) {
                return;
            }
            if (!next.canConvertToLong() || next.asLong() <= from) {
                throw new Incomplete("the checkpoint list's 'next' does not advance");
            }
            from = next.asLong();
        }
    }

    /** Rebuilds the tree from the entry bundles up to the largest checkpoint, checking each root on the way. */
    private MemoryTree recompute(List<Checkpoint> checkpoints) throws Discrepancy, Incomplete, IOException {
        long size = checkpoints.get(checkpoints.size() - 1).size();
        MemoryTree tree = new MemoryTree();
        int next = 0;
        next = checkRoots(tree, checkpoints, next);
        for (long n = 0; n * EntryBundleId.FULL_WIDTH < size; n++) {
            EntryBundleId id = EntryBundleId.at(n, size);
            byte[] data = fetch("/log/" + id.path(), false);
            if (data == null) {
                throw new Discrepancy("entry bundle " + id.path() + " is not served, though checkpoint " + size + " covers it");
            }
            List<byte[]> entries;
            try {
                entries = EntryBundle.parse(data, id.width());
            } catch (IllegalArgumentException e) {
                throw new Discrepancy("entry bundle " + id.path() + " is malformed: " + e.getMessage());
            }
            for (byte[] entry : entries) {
                long index = tree.size();
                try {
                    LogEntry.decode(entry);
                } catch (IllegalArgumentException e) {
                    throw new Discrepancy("entry " + index + " is not a well-formed log entry: " + e.getMessage());
                }
                tree.append(entry);
                next = checkRoots(tree, checkpoints, next);
            }
        }
        progress.accept("entries recomputed: " + tree.size() + "; every checkpoint root matches");
        return tree;
    }

    /** Compares the root of every checkpoint of the tree's current size, from position {@code next}. */
    private static int checkRoots(MemoryTree tree, List<Checkpoint> checkpoints, int next) throws Discrepancy {
        while (next < checkpoints.size() && checkpoints.get(next).size() == tree.size()) {
            Checkpoint cp = checkpoints.get(next);
            byte[] root = TreeMath.treeHash(tree.size(), tree);
            if (!Arrays.equals(root, cp.rootHash())) {
                throw new Discrepancy("checkpoint " + cp.size() + ": its signed root " + Hashes.hex(cp.rootHash())
                        + " differs from the root " + Hashes.hex(root) + " recomputed from the entries");
            }
            next++;
        }
        return next;
    }

    /** Every hash tile (all levels, c2sp.org/tlog-tiles) at {@code size} against the recomputed tree. */
    private void checkTiles(MemoryTree tree, long size) throws Discrepancy, Incomplete, IOException {
        int count = 0;
        for (int level = 0; level < 8 && (size >> (8 * level)) > 0; level++) {
            for (long n = 0; ; n++) {
                TileId id = TileId.at(level, n, size);
                if (id == null) {
                    break;
                }
                byte[] served = fetch("/log/" + id.path(), false);
                if (served == null) {
                    throw new Discrepancy("tile " + id.path() + " is not served, though checkpoint " + size + " covers it");
                }
                if (!Arrays.equals(served, id.readData(tree))) {
                    throw new Discrepancy("tile " + id.path() + " differs from the hashes recomputed from the entries");
                }
                count++;
            }
        }
        progress.accept("hash tiles equal to the recomputed tree: " + count);
    }

    private void checkConsistency(List<Checkpoint> checkpoints) throws Discrepancy, Incomplete, IOException {
        for (int i = 1; i < checkpoints.size(); i++) {
            Checkpoint a = checkpoints.get(i - 1);
            Checkpoint b = checkpoints.get(i);
            JsonNode proof = jsonOf(fetch("/api/v1/log/consistency?from=" + a.size() + "&to=" + b.size(), true), "consistency proof");
            List<byte[]> hashes = new ArrayList<>();
            try {
                for (JsonNode h : proof.path("hashes")) {
                    hashes.add(Base64.getDecoder().decode(h.asText()));
                }
                TreeMath.verifyConsistency(a.size(), b.size(), hashes, a.rootHash(), b.rootHash());
            } catch (ProofException | IllegalArgumentException e) {
                throw new Discrepancy("the consistency proof from checkpoint " + a.size() + " to " + b.size()
                        + " does not verify: " + e.getMessage());
            }
        }
        progress.accept("consistency proofs between consecutive checkpoints verified: " + (checkpoints.size() - 1));
    }

    private Checkpoint verifiedCheckpoint(String note, String what) throws Discrepancy {
        try {
            return Checkpoint.parseVerified(note, key.name(), List.of(key));
        } catch (NoteVerificationException | IllegalArgumentException e) {
            throw new Discrepancy(what + " does not verify with the log key: " + e.getMessage());
        }
    }

    /**
     * GETs a path: the body for 200, null for a 404 when {@code required} is false; anything else
     * stops the audit as incomplete.
     */
    private byte[] fetch(String path, boolean required) throws Incomplete, IOException {
        Answer a = source.get(path);
        if (a.status() == 200) {
            return a.body();
        }
        if (a.status() == 404 && !required) {
            return null;
        }
        throw new Incomplete("GET " + path + " answered " + a.status());
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private JsonNode jsonOf(byte[] body, String what) throws Incomplete {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new Incomplete("the " + what + " is not JSON");
        }
    }

    /** The log contradicts itself or its signatures. */
    private static final class Discrepancy extends Exception {
        private static final long serialVersionUID = 1L;

        Discrepancy(String message) {
            super(message, null, false, false);
        }
    }

    /** The audit could not go on. */
    private static final class Incomplete extends Exception {
        private static final long serialVersionUID = 1L;

        Incomplete(String message) {
            super(message, null, false, false);
        }
    }
}
