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
     * Appends an entry to the log as part of the caller's transaction: committed with it or rolled back
     * with it (docs/log.md), its index written into the status event row {@code statusEventId}.
     *
     * <p>Nothing is written at once. The entries a transaction appends are queued and written when the
     * transaction commits, in its {@code beforeCompletion} (JTA 1.3 §3.3.2): first everything else the
     * transaction wrote is flushed, then the log lock is taken (the state row, held to the commit, so
     * appenders of every instance take turns and each index follows its predecessor's committed one: no
     * gap, no duplicate), then the entries, their hashes, the tree size and the events' indexes are
     * written with a few statements whatever else the transaction did. So the lock is always taken last
     * and guards only the log: certificates, webhook deliveries and stored answers, however many, are
     * written before it, and no caller can hold it while doing anything else. A transaction that rolls
     * back (or fails before its commit) never takes the lock.
     *
     * <p>Callers therefore cannot learn an entry's index inside the transaction; they read it from the
     * status event once committed.
     *
     * @param certificate the certificate record envelope, for an issuance event only
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(SignedEnvelope event, SignedEnvelope certificate, long statusEventId) {
        byte[] entry = encode(event, certificate);
        Appends appends = (Appends) transactions.getResource(APPENDS);
        if (appends == null) {
            appends = new Appends();
            transactions.putResource(APPENDS, appends);
            try {
                // A plain (not interposed) synchronization: its beforeCompletion runs before the interposed
                // ones of the ORM and the connection pool (JTA 1.3 §3.3.2), while the session still works.
                transactionManager.getTransaction().registerSynchronization(appends);
            } catch (jakarta.transaction.RollbackException | jakarta.transaction.SystemException e) {
                throw new IllegalStateException("cannot append to the log in this transaction", e);
            }
        }
        appends.add(entry, statusEventId);
    }

    /**
     * Writes the entries this transaction appended now rather than at its commit, for a caller that owns
     * the transaction and has written everything else (the write path of the API): the same as the commit
     * would do, minus a connection used while the transaction completes, which the pool warns about.
     * Nothing may be appended afterwards in this transaction. Without appends it does nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeAppends() {
        Appends appends = (Appends) transactions.getResource(APPENDS);
        if (appends != null) appends.write();
    }

    private static final String APPENDS = LogService.class.getName() + ".appends";

    @Inject jakarta.transaction.TransactionSynchronizationRegistry transactions;
    @Inject jakarta.transaction.TransactionManager transactionManager;
    @Inject jakarta.persistence.EntityManager em;

    /** The entries one transaction appends, written at its commit; see {@link #append}. */
    private final class Appends implements jakarta.transaction.Synchronization {
        private final List<byte[]> entries = new java.util.ArrayList<>();
        private final List<Long> events = new java.util.ArrayList<>();
        private long firstHash;
        private List<byte[]> hashes = List.of();

        private boolean written;

        void add(byte[] entry, long statusEventId) {
            if (written) throw new IllegalStateException("the log was already written in this transaction");
            entries.add(entry);
            events.add(statusEventId);
        }

        @Override
        public void beforeCompletion() {
            if (!written) write();
        }

        void write() {
            written = true;
            // Everything the transaction wrote goes to the database before the lock, so that the lock's
            // holder sends only the log's own statements (the ORM's flush would otherwise come after).
            em.flush();
            long first = store.lockTreeSize();
            firstHash = StoredHashes.storedHashCount(first);
            // The lock waited for the previous appender's commit, so every stored hash before ours is
            // committed and the cache may answer; the ones of this transaction come from memory.
            HashReader committed = store.committedReader();
            List<byte[]> ours = new java.util.ArrayList<>();
            long base = firstHash;
            HashReader reader = indexes -> {
                long[] older = java.util.Arrays.stream(indexes).filter(i -> i < base).toArray();
                byte[][] read = older.length == 0 ? new byte[0][] : committed.readHashes(older);
                byte[][] out = new byte[indexes.length][];
                for (int i = 0, r = 0; i < indexes.length; i++) {
                    out[i] = indexes[i] >= base ? ours.get((int) (indexes[i] - base)) : read[r++];
                }
                return out;
            };
            for (int k = 0; k < entries.size(); k++) {
                // The leaf's hash and those of each subtree it completes, RFC 6962 §2.1.
                ours.addAll(StoredHashes.storedHashesForRecord(first + k, Hashes.leafHash(entries.get(k)), reader));
            }
            hashes = ours;
            if (entries.size() == 1) {
                store.appendEntry(first, entries.get(0), firstHash, hashes, events.get(0));
            } else {
                store.insertEntries(first, entries);
                store.insertHashes(firstHash, hashes);
                store.setTreeSize(first + entries.size());
                store.setEventIndexes(first, events);
            }
        }

        @Override
        public void afterCompletion(int status) {
            // Once committed, the hashes are what the next appender reads as left siblings.
            if (status == jakarta.transaction.Status.STATUS_COMMITTED && !hashes.isEmpty()) {
                store.remember(firstHash, hashes);
            }
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
