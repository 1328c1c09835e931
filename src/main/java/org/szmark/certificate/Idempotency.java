package org.szmark.certificate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.szmark.account.Actor;
import org.szmark.common.Conflict;
import org.szmark.common.InvalidInput;
import org.szmark.common.Persistence;
import org.szmark.log.LogService;

/**
 * Idempotency-Key handling for writes. What a write did is recorded under the key in the write's own
 * transaction, so a retry either finds that record or finds nothing was done; the same key with a different
 * request is a conflict.
 *
 * <p>The record holds what was done (e.g. which certificate was issued), not the answer: the answer names
 * log indexes, which exist only once the write commits (LogService.append), and for a batch it was megabytes.
 * The answer is put together from the record after the commit, in a read transaction, for the first response
 * and for every replay alike; a replay therefore shows the same certificates as they are now.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    /** The Idempotency-Key header of writes, as documented on each of them. */
    public static final String KEY_DOC = "Optional. A retry with the same key and body within szmark.retention.idempotency "
            + "(24 h) gets the first answer again instead of doing the write twice; the same key with another body: 409 "
            + "`idempotency-key-reused`. 1 to 200 printable ASCII characters.";
    /** {@code response_kind} of a record holding a reference to what was done (the answer is rendered from it). */
    static final String REFERENCE = "REFERENCE";

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject LogService log;
    @Inject Clock clock;

    /** What a write produced: status and entity, before it is turned into a response. */
    public record Outcome(int status, Object entity) {}

    /**
     * @param change the write, in a transaction of its own
     * @param done what the write did, as a small value of {@code type} that is stored under the key
     * @param answer the response to what was done, made after the commit in a read transaction, so the log
     *     lock the change took is not held while the answer is put together
     */
    public <T, R> Response run(Actor actor, String key, String method, String path, Object request, Supplier<T> change,
                               java.util.function.Function<T, R> done, Class<R> type,
                               java.util.function.Function<R, Outcome> answer) {
        Stored s = store(actor, key, method, path, request, change, done);
        if (!REFERENCE.equals(s.kind())) {
            // Stored by an earlier version of the registry, with the whole answer.
            Response.ResponseBuilder b = Response.status(s.status()).entity(s.body()).type(MediaType.APPLICATION_JSON);
            return (s.replayed() ? b.header(REPLAYED, "true") : b).build();
        }
        R what = read(s, type);
        return respond(QuarkusTransaction.requiringNew().call(() -> answer.apply(what)), s.replayed());
    }

    /** What a write did, and whether it was done by an earlier request with the same key. */
    public record Performed<R>(R what, boolean replayed) {}

    /**
     * The same as {@link #run} for a caller that makes its own answer (the console's pages): the write once per
     * key, and what it did.
     */
    public <T, R> Performed<R> perform(Actor actor, String key, String method, String path, Object request, Supplier<T> change,
                                       java.util.function.Function<T, R> done, Class<R> type) {
        Stored s = store(actor, key, method, path, request, change, done);
        if (!REFERENCE.equals(s.kind())) throw new IllegalStateException("a whole stored answer cannot be performed again");
        return new Performed<>(read(s, type), s.replayed());
    }

    private <T, R> Stored store(Actor actor, String key, String method, String path, Object request, Supplier<T> change,
                                java.util.function.Function<T, R> done) {
        if (key == null) {
            R what = QuarkusTransaction.requiringNew().call(() -> {
                R w = done.apply(change.get());
                log.writeAppends();
                return w;
            });
            return new Stored(REFERENCE, 0, null, false, what);
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > ' ' && c <= '~')) {
            throw InvalidInput.field(HEADER, "must be 1 to 200 printable ASCII characters without spaces");
        }
        String hash = hash(method, path, request);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<IdempotencyRecord> existing = find(actor, key);
                if (existing.isPresent()) return replay(existing.get(), hash);
                R what = done.apply(change.get());
                IdempotencyRecord r = new IdempotencyRecord();
                r.accountId = actor.accountId();
                r.key = key;
                r.requestHash = hash;
                r.responseStatus = 0;
                r.responseKind = REFERENCE;
                r.responseBody = write(what);
                r.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                em.persist(r);
                em.flush();
                // The log last, once the record is written: the lock it takes is held to the commit.
                log.writeAppends();
                return new Stored(r.responseKind, r.responseStatus, r.responseBody, false, what);
            });
        } catch (RuntimeException e) {
            if (!Persistence.isConstraintViolation(e)) throw e;
            // A concurrent request with the same key committed first: answer as a retry would be answered.
            return QuarkusTransaction.requiringNew().call(() -> replay(find(actor, key).orElseThrow(() -> e), hash));
        }
    }

    private String write(Object what) {
        try {
            return json.writeValueAsString(what);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("idempotency record cannot be written", e);
        }
    }

    private <R> R read(Stored s, Class<R> type) {
        if (s.value() != null) return type.cast(s.value());
        try {
            return json.readValue(s.body(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("idempotency record cannot be read", e);
        }
    }

    private static final String REPLAYED = "Idempotent-Replayed";

    /** @param value what the write did, when it was done by this request (nothing to read back) */
    private record Stored(String kind, int status, String body, boolean replayed, Object value) {}

    private static Response respond(Outcome o, boolean replayed) {
        Response.ResponseBuilder b = Response.status(o.status()).entity(o.entity()).type(MediaType.APPLICATION_JSON);
        return (replayed ? b.header(REPLAYED, "true") : b).build();
    }

    /**
     * Deletes up to {@code limit} records made before {@code cutoff}, in the caller's transaction, and says how
     * many went. A retry whose record is gone is a new request (docs/records.md, Idempotency).
     */
    public int purgeBefore(OffsetDateTime cutoff, int limit) {
        List<Long> ids = em.createQuery("select r.id from IdempotencyRecord r where r.createdAt < :cutoff", Long.class)
                .setParameter("cutoff", cutoff).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) return 0;
        return em.createQuery("delete from IdempotencyRecord r where r.id in :ids").setParameter("ids", ids).executeUpdate();
    }

    private Optional<IdempotencyRecord> find(Actor actor, String key) {
        return em.createQuery("from IdempotencyRecord where accountId = :a and key = :k", IdempotencyRecord.class)
                .setParameter("a", actor.accountId()).setParameter("k", key).getResultStream().findFirst();
    }

    private static Stored replay(IdempotencyRecord r, String hash) {
        if (!r.requestHash.equals(hash)) {
            throw new Conflict("idempotency-key-reused", "This Idempotency-Key was used for a different request");
        }
        return new Stored(r.responseKind, r.responseStatus, r.responseBody, true, null);
    }

    private String hash(String method, String path, Object request) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            d.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
