package org.szmark.log;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.crypto.SignedEnvelope;
import org.szmark.log.LogStore.StoredCheckpoint;
import org.szmark.log.merkle.EntryBundle;
import org.szmark.log.merkle.EntryBundleId;
import org.szmark.log.merkle.HashReader;
import org.szmark.log.merkle.Hashes;
import org.szmark.log.merkle.LogStorageException;
import org.szmark.log.merkle.ProofException;
import org.szmark.log.merkle.StoredHashes;
import org.szmark.log.merkle.TileId;
import org.szmark.log.merkle.TreeMath;
import org.szmark.log.note.Checkpoint;
import org.szmark.log.note.NoteVerificationException;
import org.szmark.log.note.SignedNote;
import org.szmark.log.note.TlogProof;
import org.szmark.log.note.VerifierKey;

/**
 * The public append-only log (docs/log.md): sequencing of entries inside the caller's transaction,
 * signed checkpoints, tiles, proofs. The Merkle arithmetic is {@link TreeMath} over the stored
 * hashes; this class only decides what to read and write.
 */
@ApplicationScoped
public class LogService {

    private static final Logger LOG = Logger.getLogger(LogService.class);

    @Inject LogStore store;
    @Inject LogKey key;

    /**
     * Whether an entry is included in the latest checkpoint.
     *
     * @param checkpointSize tree size of the latest checkpoint
     * @param rootHash its root hash
     * @param checkpointNote the checkpoint as a signed note
     * @param covered whether that checkpoint covers the entry ({@code index < checkpointSize}); when not,
     *     the entry is newer than the checkpoint and {@code verified} is false
     * @param verified whether the checkpoint's signature verified with the log key and the inclusion
     *     proof of the entry's leaf hash, recomputed from the stored entry, led to its root
     *     (RFC 9162 §2.1.3.2)
     */
    public record InclusionCheck(long index, long checkpointSize, byte[] rootHash, String checkpointNote,
                                 boolean covered, boolean verified) {}

    /**
     * Appends an entry to the log in the caller's transaction and returns its index.
     *
     * <p>The state row lock is held until the caller commits, so appenders (on any instance) take
     * turns: an index is handed out only after the previous appender committed or rolled back, which
     * leaves no gap and no duplicate, and a rollback takes the entry and its hashes with it. The cost
     * is at most three statements whatever the size (five on H2): lock, one batched read of the left
     * siblings (none for an even index), and the entry, hashes and size writes; the hashes are the leaf's and those of each subtree it completes
     * ({@link StoredHashes#storedHashesForRecord}, RFC 6962 §2.1), so at most 63.
     *
     * @param certificate the certificate record envelope, for an issuance event only
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(SignedEnvelope event, SignedEnvelope certificate) {
        return append(event, certificate, null);
    }

    /**
     * Like {@link #append(SignedEnvelope, SignedEnvelope)}, and writes the index into the status event
     * row {@code statusEventId} with the same statement: the fewer round trips under the log lock, the
     * sooner the next appender may go.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(SignedEnvelope event, SignedEnvelope certificate, Long statusEventId) {
        byte[] entry = encode(event, certificate);
        @SuppressWarnings("unchecked")
        List<Runnable> afterCommit = (List<Runnable>) transactions.getResource(AFTER_COMMIT);
        long index = store.lockTreeSize();
        // Before this transaction's first append every stored hash is committed (the lock waited for
        // the previous appender's commit), so the cache may answer; after it, this transaction's own
        // uncommitted hashes may be needed, which only the database has.
        List<byte[]> hashes = StoredHashes.storedHashesForRecord(index, Hashes.leafHash(entry),
                afterCommit == null ? store.committedReader() : store.reader());
        long firstHash = StoredHashes.storedHashCount(index);
        store.appendEntry(index, entry, firstHash, hashes, statusEventId);
        if (afterCommit == null) {
            List<Runnable> actions = new java.util.ArrayList<>();
            transactions.putResource(AFTER_COMMIT, actions);
            transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == jakarta.transaction.Status.STATUS_COMMITTED) actions.forEach(Runnable::run);
                }
            });
            afterCommit = actions;
        }
        // Once committed, the hashes are what the next appender reads as left siblings.
        afterCommit.add(() -> store.remember(firstHash, hashes));
        return index;
    }

    private static final String AFTER_COMMIT = LogService.class.getName() + ".afterCommit";

    @Inject jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /**
     * Appends for a transaction that adds many entries (batch issuance). Entries are queued without
     * touching the database; {@link Batch#write}, which the caller must call before its transaction
     * ends, takes the same lock as {@link #append} (held to the end of the transaction), hands out the
     * indexes in the order the entries were queued, computes their hashes in memory and writes entries,
     * hashes and tree size together. Taking the lock only then lets the batch's signing and encoding run
     * while other changes append. If the transaction rolls back, nothing of the batch remains.
     */
    public Batch batch() {
        return new Batch();
    }

    public final class Batch {
        private record Queued(byte[] entry, java.util.function.LongConsumer index) {}

        private final List<Queued> queued = new java.util.ArrayList<>();
        private boolean written;

        /** Queues an entry; {@link #write} hands its log index to {@code index}. */
        public void append(SignedEnvelope event, SignedEnvelope certificate, java.util.function.LongConsumer index) {
            if (written) throw new IllegalStateException("log batch already written");
            queued.add(new Queued(encode(event, certificate), index));
        }

        /**
         * Locks the log, hands out the queued entries' indexes and writes the entries, their hashes and
         * the new tree size in the caller's transaction; a batch with no entries writes nothing.
         */
        public void write() {
            if (written) throw new IllegalStateException("log batch already written");
            written = true;
            if (queued.isEmpty()) return;
            long first = store.lockTreeSize();
            long base = StoredHashes.storedHashCount(first);
            HashReader committed = store.committedReader();
            List<byte[]> entries = new java.util.ArrayList<>(queued.size());
            List<byte[]> hashes = new java.util.ArrayList<>();
            for (int k = 0; k < queued.size(); k++) {
                long index = first + k;
                byte[] entry = queued.get(k).entry();
                // Hashes of this batch come from memory; older ones are committed (the lock is ours).
                hashes.addAll(StoredHashes.storedHashesForRecord(index, Hashes.leafHash(entry), indexes -> {
                    long[] older = java.util.Arrays.stream(indexes).filter(i -> i < base).toArray();
                    byte[][] read = committed.readHashes(older);
                    byte[][] out = new byte[indexes.length][];
                    for (int i = 0, r = 0; i < indexes.length; i++) {
                        out[i] = indexes[i] >= base ? hashes.get((int) (indexes[i] - base)) : read[r++];
                    }
                    return out;
                }));
                entries.add(entry);
                queued.get(k).index().accept(index);
            }
            store.insertEntries(first, entries);
            store.insertHashes(base, hashes);
            store.setTreeSize(first + entries.size());
        }
    }

    private static byte[] encode(SignedEnvelope event, SignedEnvelope certificate) {
        try {
            return new LogEntry(event, certificate).encode();
        } catch (IllegalArgumentException e) {
            // Field lengths keep entries far below 64 KiB (docs/log.md); reaching this is a registry fault.
            throw new IllegalStateException("cannot log this change: " + e.getMessage(), e);
        }
    }

    /** Size of the committed tree. */
    public long treeSize() {
        return store.treeSize();
    }

    public String origin() {
        return key.origin();
    }

    public VerifierKey verifierKey() {
        return key.verifierKey();
    }

    public Optional<StoredCheckpoint> latestCheckpoint() {
        return store.latestCheckpoint();
    }

    /** The latest checkpoint, signing one first if there is none yet. */
    public StoredCheckpoint currentCheckpoint() {
        return store.latestCheckpoint().orElseGet(this::publishCheckpoint);
    }

    public List<StoredCheckpoint> checkpoints(long fromSize, int limit) {
        return store.checkpoints(fromSize, limit);
    }

    /**
     * Signs a checkpoint of the committed tree, in a transaction of its own, unless the latest one
     * already has that size; returns the latest checkpoint afterwards. Instances take turns through
     * the publisher lock, so the same size is never signed twice.
     */
    public StoredCheckpoint publishCheckpoint() {
        Optional<StoredCheckpoint> current = upToDate();
        if (current.isPresent()) {
            // The usual case when idle: nothing to sign, and no lock taken.
            return current.get();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            store.lockPublisher();
            long size = store.treeSize();
            Optional<StoredCheckpoint> latest = store.latestCheckpoint();
            if (latest.isPresent() && latest.get().size() >= size) {
                return latest.get();
            }
            // RFC 6962 §2.1 MTH over the stored hashes: O(log n) reads, never a rebuild.
            byte[] root = TreeMath.treeHash(size, store.committedReader());
            // c2sp.org/tlog-checkpoint: origin, size, base64 root; signed as a c2sp.org/signed-note.
            String note = SignedNote.sign(new Checkpoint(key.origin(), size, root).toNoteText(), key.signer()).write();
            store.insertCheckpoint(size, root, note);
            LOG.debugf("Checkpoint %d signed", size);
            return store.latestCheckpoint().orElseThrow();
        });
    }

    /** The latest checkpoint if it covers the whole committed tree. */
    private Optional<StoredCheckpoint> upToDate() {
        return QuarkusTransaction.requiringNew().call(() -> {
            long size = store.treeSize();
            return store.latestCheckpoint().filter(c -> c.size() >= size);
        });
    }

    /**
     * Whether the committed tree has at least {@code size} entries. The tree only grows, so a size
     * seen once stays true and the database is asked only about larger ones.
     */
    private long committedAtLeast(long size) {
        long known = knownTreeSize;
        if (size <= known) return known;
        long now = store.treeSize();
        knownTreeSize = Math.max(knownTreeSize, now);
        return now;
    }

    private volatile long knownTreeSize;

    /** {@code PATH(index, D[0:size])}, RFC 6962 §2.1.1. */
    public List<byte[]> inclusionProof(long index, long size) {
        long treeSize = committedAtLeast(size);
        if (size > treeSize) {
            throw InvalidInput.field("size", "must not exceed the current tree size " + treeSize);
        }
        if (index >= size) {
            throw InvalidInput.field("index", "must be below size (" + size + ")");
        }
        return TreeMath.proveInclusion(index, size, store.committedReader());
    }

    /**
     * {@code PROOF(from, D[0:to])}, RFC 6962 §2.1.2; empty when {@code from} is 0 or equals {@code to}
     * (from the empty tree as c2sp.org/tlog-witness does).
     */
    public List<byte[]> consistencyProof(long from, long to) {
        long treeSize = committedAtLeast(to);
        if (to > treeSize) {
            throw InvalidInput.field("to", "must not exceed the current tree size " + treeSize);
        }
        if (from > to) {
            throw InvalidInput.field("from", "must not exceed to (" + to + ")");
        }
        return TreeMath.proveConsistency(from, to, store.committedReader());
    }

    /**
     * A hash tile as of the latest checkpoint (c2sp.org/tlog-tiles "Merkle Tree"). A partial tile of
     * width W is served whenever the tree held at least W of its hashes, so also after the tile
     * filled up: its bytes never change.
     */
    public byte[] tile(TileId id) {
        long size = store.latestCheckpoint().map(StoredCheckpoint::size).orElse(0L);
        if (TileId.widthAt(id.level(), id.n(), size) < id.width()) {
            throw new NotFound("Tile " + id.path() + " is beyond the latest checkpoint (tree size " + size + ")");
        }
        return id.readData(store.committedReader());
    }

    /** An entry bundle as of the latest checkpoint (c2sp.org/tlog-tiles "Log entries"). */
    public byte[] entryBundle(EntryBundleId id) {
        long size = store.latestCheckpoint().map(StoredCheckpoint::size).orElse(0L);
        if (EntryBundleId.widthAt(id.n(), size) < id.width()) {
            throw new NotFound("Entry bundle " + id.path() + " is beyond the latest checkpoint (tree size " + size + ")");
        }
        return EntryBundle.write(store.entries(id.firstEntry(), id.width()));
    }

    /** The entry at {@code index}. */
    public Optional<byte[]> entry(long index) {
        return index < 0 ? Optional.empty() : store.entry(index);
    }

    /**
     * Checks an entry against the latest checkpoint, for the verification page: the checkpoint note's
     * signature with the log key, then the inclusion of the stored entry's leaf hash under its root.
     *
     * @return empty when there is no such entry or no checkpoint yet
     */
    public Optional<InclusionCheck> verifiedInclusion(long index) {
        if (index < 0) {
            return Optional.empty();
        }
        Optional<StoredCheckpoint> latest = store.latestCheckpoint();
        Optional<byte[]> entry = store.entry(index);
        if (latest.isEmpty() || entry.isEmpty()) {
            return Optional.empty();
        }
        StoredCheckpoint cp = latest.get();
        if (index >= cp.size()) {
            return Optional.of(new InclusionCheck(index, cp.size(), cp.rootHash(), cp.note(), false, false));
        }
        boolean verified;
        try {
            Checkpoint signed = verified(cp.note());
            List<byte[]> proof = TreeMath.proveInclusion(index, signed.size(), store.committedReader());
            TreeMath.verifyInclusion(Hashes.leafHash(entry.get()), index, signed.size(), proof, signed.rootHash());
            verified = true;
        } catch (NoteVerificationException | ProofException | IllegalArgumentException | LogStorageException e) {
            LOG.errorf("Log entry %d does not verify against checkpoint %d: %s", index, cp.size(), e.getMessage());
            verified = false;
        }
        return Optional.of(new InclusionCheck(index, cp.size(), cp.rootHash(), cp.note(), true, verified));
    }

    private record VerifiedNote(String note, Checkpoint checkpoint) {}

    private volatile VerifiedNote lastVerified;

    /** The checkpoint in a note whose signature verified with the log key; the last one is remembered. */
    private Checkpoint verified(String note) throws NoteVerificationException {
        VerifiedNote last = lastVerified;
        if (last != null && last.note().equals(note)) {
            return last.checkpoint();
        }
        Checkpoint c = Checkpoint.parseVerified(note, key.origin(), List.of(key.verifierKey()));
        lastVerified = new VerifiedNote(note, c);
        return c;
    }

    /**
     * An offline proof of entry {@code index} in the c2sp.org/tlog-proof@v1 format against the latest
     * checkpoint, signing a new checkpoint first if the latest does not cover the entry yet. The
     * {@code extra} line carries the entry itself, which that spec allows for "data necessary to
     * reconstruct the record hash": a verifier hashes it (RFC 6962 §2.1 leaf hash) and checks the
     * envelopes inside against the trust list, so it needs to trust nothing in the proof unsigned.
     */
    public String offlineProof(long index) {
        byte[] entry = entry(index).orElseThrow(() -> new NotFound("No log entry " + index));
        StoredCheckpoint cp = store.latestCheckpoint().filter(c -> c.size() > index).orElseGet(this::publishCheckpoint);
        List<byte[]> hashes = TreeMath.proveInclusion(index, cp.size(), store.committedReader());
        return new TlogProof(entry, index, hashes, cp.note()).write();
    }
}
