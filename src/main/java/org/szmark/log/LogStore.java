package org.szmark.log;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.szmark.log.merkle.HashReader;
import org.szmark.log.merkle.LogStorageException;

/**
 * The log's tables (V3__log.sql), in plain SQL that runs the same on PostgreSQL and H2:
 * {@code log_state} (one row: the tree size, locked by appenders), {@code log_entry},
 * {@code log_hash} (the {@code StoredHashes} layout, append-only) and {@code log_checkpoint}.
 */
@ApplicationScoped
public class LogStore {

    /** A signed checkpoint as stored: its tree size, root hash, signed note text and when it was made. */
    public record StoredCheckpoint(long size, byte[] rootHash, String note, Instant createdAt) {}

    @Inject EntityManager em;
    @Inject org.szmark.config.SzmarkConfig config;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind;

    private boolean postgres;

    private Cache<Long, byte[]> hashCache;

    @PostConstruct
    void init() {
        hashCache = Caffeine.newBuilder().maximumSize(config.caches().logHashes()).build();
        postgres = dbKind.toLowerCase(java.util.Locale.ROOT).startsWith("postgres");
    }

    /**
     * The tree size, with the state row locked until the transaction ends. Every appender takes this
     * lock first, so appends are serialised across instances and each one sees the size its
     * predecessor committed (PostgreSQL re-reads a row it waited for under READ COMMITTED).
     */
    long lockTreeSize() {
        // Waiting is bounded, so that an appender stuck behind a slow one gets a 503 problem rather than
        // stalling (PostgreSQL waits forever by default): the limit holds for this transaction only on
        // PostgreSQL (SET LOCAL), for the session on H2, which sets it again on every use.
        long ms = config.log().lockTimeout().toMillis();
        sql(postgres ? "set local lock_timeout = " + ms : "set lock_timeout " + ms).executeUpdate();
        return number(sql("select tree_size from log_state where id = 1 for update").getSingleResult());
    }

    /** The committed tree size. */
    public long treeSize() {
        return number(sql("select tree_size from log_state where id = 1").getSingleResult());
    }

    void setTreeSize(long size) {
        sql("update log_state set tree_size = ?1 where id = 1").setParameter(1, size).executeUpdate();
    }

    /**
     * Appends one entry: its row, its stored hashes from {@code firstHash} and the new tree size. On
     * PostgreSQL this is one statement (data-modifying WITH queries), because the appender holds the log
     * lock until it commits and every round trip under it delays all other appenders; elsewhere three.
     */
    void appendEntry(long index, byte[] entry, long firstHash, List<byte[]> hashes, Long statusEventId) {
        if (!postgres) {
            insertEntries(index, List.of(entry));
            insertHashes(firstHash, hashes);
            setTreeSize(index + 1);
            if (statusEventId != null) {
                sql("update status_event set log_index = ?1 where id = ?2").setParameter(1, index)
                        .setParameter(2, statusEventId).executeUpdate();
            }
            return;
        }
        StringBuilder sql = new StringBuilder("with e as (insert into log_entry (idx, entry, created_at)"
                + " values (?1, ?2, current_timestamp)), h as (insert into log_hash (idx, hash) values ");
        for (int i = 0; i < hashes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 5).append(", ?").append(2 * i + 6).append(')');
        }
        sql.append(')');
        if (statusEventId != null) {
            sql.append(", s as (update status_event set log_index = ?1 where id = ?4)");
        }
        sql.append(" update log_state set tree_size = ?3 where id = 1");
        Query q = sql(sql.toString()).setParameter(1, index).setParameter(2, entry).setParameter(3, index + 1);
        if (statusEventId != null) {
            q.setParameter(4, statusEventId);
        }
        for (int i = 0; i < hashes.size(); i++) {
            q.setParameter(2 * i + 5, firstHash + i).setParameter(2 * i + 6, hashes.get(i));
        }
        q.executeUpdate();
    }

    /**
     * Writes log indexes {@code first, first + 1, ...} into the status events {@code eventIds}, in that
     * order, a few hundred rows per statement (one CASE over the ids, which both databases run).
     */
    void setEventIndexes(long first, List<Long> eventIds) {
        for (int from = 0; from < eventIds.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(eventIds.size(), from + ROWS_PER_STATEMENT);
            StringBuilder cases = new StringBuilder();
            StringBuilder ids = new StringBuilder();
            int n = to - from;
            for (int i = 0; i < n; i++) {
                cases.append(" when ?").append(i + 2).append(" then ").append(i);
                ids.append(i == 0 ? "" : ", ").append('?').append(n + i + 2);
            }
            Query q = sql("update status_event set log_index = ?1 + case id" + cases + " end where id in (" + ids + ")");
            q.setParameter(1, first + from);
            for (int i = 0; i < n; i++) {
                q.setParameter(i + 2, eventIds.get(from + i)).setParameter(n + i + 2, eventIds.get(from + i));
            }
            int updated = q.executeUpdate();
            if (updated != n) {
                throw new IllegalStateException("log indexes for " + n + " status events updated " + updated + " rows");
            }
        }
    }

    /** Hashes at consecutive stored indexes from {@code first}, known committed, for later reads. */
    void remember(long first, List<byte[]> hashes) {
        for (int i = 0; i < hashes.size(); i++) {
            hashCache.put(first + i, hashes.get(i));
        }
    }

    /** Inserts entries at consecutive indexes from {@code first}, a few hundred rows per statement. */
    void insertEntries(long first, List<byte[]> entries) {
        insertRows("insert into log_entry (idx, entry, created_at) values ", "current_timestamp", first, entries);
    }

    /** Inserts hashes at consecutive stored indexes from {@code first}, a few hundred rows per statement. */
    void insertHashes(long first, List<byte[]> hashes) {
        insertRows("insert into log_hash (idx, hash) values ", null, first, hashes);
    }

    private static final int ROWS_PER_STATEMENT = 500;

    private void insertRows(String insert, String extraColumnValue, long first, List<byte[]> values) {
        for (int from = 0; from < values.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(values.size(), from + ROWS_PER_STATEMENT);
            StringBuilder sql = new StringBuilder(insert);
            for (int i = 0; i < to - from; i++) {
                sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2)
                        .append(extraColumnValue == null ? "" : ", " + extraColumnValue).append(')');
            }
            Query q = sql(sql.toString());
            for (int i = 0; i < to - from; i++) {
                q.setParameter(2 * i + 1, first + from + i).setParameter(2 * i + 2, values.get(from + i));
            }
            q.executeUpdate();
        }
    }

    /** Reads stored hashes with one query per call, as {@link HashReader} asks. */
    public HashReader reader() {
        return this::readHashes;
    }

    /**
     * Like {@link #reader()}, with the hashes kept in memory: a stored hash never changes once
     * committed. Only for reads of the committed tree (proofs, tiles, checkpoints), never inside an
     * append, whose own hashes could still be rolled back.
     */
    public HashReader committedReader() {
        return indexes -> {
            byte[][] out = new byte[indexes.length][];
            List<Long> missing = new ArrayList<>();
            for (int i = 0; i < indexes.length; i++) {
                out[i] = hashCache.getIfPresent(indexes[i]);
                if (out[i] == null) missing.add(indexes[i]);
            }
            if (!missing.isEmpty()) {
                long[] ask = missing.stream().mapToLong(Long::longValue).toArray();
                byte[][] got = readHashes(ask);
                Map<Long, byte[]> fetched = new HashMap<>();
                for (int i = 0; i < ask.length; i++) {
                    fetched.put(ask[i], got[i]);
                    hashCache.put(ask[i], got[i]);
                }
                for (int i = 0; i < indexes.length; i++) {
                    if (out[i] == null) out[i] = fetched.get(indexes[i]);
                }
            }
            return out;
        };
    }

    byte[][] readHashes(long[] indexes) {
        byte[][] out = new byte[indexes.length][];
        if (indexes.length == 0) {
            return out;
        }
        List<Long> distinct = Arrays.stream(indexes).distinct().boxed().toList();
        Map<Long, byte[]> found = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql("select idx, hash from log_hash where idx in (:ids)")
                .setParameter("ids", distinct).getResultList();
        for (Object[] row : rows) {
            found.put(number(row[0]), (byte[]) row[1]);
        }
        for (int i = 0; i < indexes.length; i++) {
            byte[] h = found.get(indexes[i]);
            if (h == null) {
                throw new LogStorageException("no hash stored at index " + indexes[i]);
            }
            out[i] = h;
        }
        return out;
    }

    /** Entries {@code from .. from + count − 1}, which must all exist. */
    public List<byte[]> entries(long from, int count) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql("select idx, entry from log_entry where idx >= ?1 and idx < ?2 order by idx")
                .setParameter(1, from).setParameter(2, from + count).getResultList();
        if (rows.size() != count) {
            throw new LogStorageException("expected " + count + " entries from index " + from + ", found " + rows.size());
        }
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (number(rows.get(i)[0]) != from + i) {
                throw new LogStorageException("entry " + (from + i) + " is missing");
            }
            out.add((byte[]) rows.get(i)[1]);
        }
        return out;
    }

    public Optional<byte[]> entry(long index) {
        List<?> rows = sql("select entry from log_entry where idx = ?1").setParameter(1, index).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((byte[]) rows.get(0));
    }

    public Optional<StoredCheckpoint> latestCheckpoint() {
        List<StoredCheckpoint> l = checkpoints("select tree_size, root_hash, note, created_at from log_checkpoint"
                + " order by tree_size desc limit 1", -1, 1);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Checkpoints with a tree size of at least {@code fromSize}, smallest first. */
    public List<StoredCheckpoint> checkpoints(long fromSize, int limit) {
        return checkpoints("select tree_size, root_hash, note, created_at from log_checkpoint where tree_size >= ?1"
                + " order by tree_size limit ?2", fromSize, limit);
    }

    private List<StoredCheckpoint> checkpoints(String sql, long from, int limit) {
        Query q = sql(sql);
        if (from >= 0) {
            q.setParameter(1, from).setParameter(2, limit);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<StoredCheckpoint> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new StoredCheckpoint(number(r[0]), (byte[]) r[1], (String) r[2], instant(r[3])));
        }
        return out;
    }

    /**
     * Locks the publisher row until the transaction ends: checkpoint signers on all instances take
     * turns, and each sees the checkpoints the previous one committed.
     */
    void lockPublisher() {
        sql("select id from log_publisher where id = 1 for update").getSingleResult();
    }

    void insertCheckpoint(long size, byte[] root, String note) {
        sql("insert into log_checkpoint (tree_size, root_hash, note, created_at)"
                        + " values (?1, ?2, ?3, current_timestamp)")
                .setParameter(1, size).setParameter(2, root).setParameter(3, note).executeUpdate();
    }

    /**
     * A native query that does not flush the persistence context first. The log tables are written only
     * by these statements, never through entities, so there is nothing to flush; and an automatic flush
     * would dirty-check every entity of the transaction on each statement, which makes a batch of
     * issuances quadratic.
     */
    private Query sql(String sql) {
        return em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
    }

    static long number(Object o) {
        return ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) return i;
        if (o instanceof OffsetDateTime t) return t.toInstant();
        if (o instanceof ZonedDateTime t) return t.toInstant();
        if (o instanceof Timestamp t) return t.toInstant();
        throw new LogStorageException("unexpected timestamp type " + (o == null ? "null" : o.getClass().getSimpleName()));
    }
}
