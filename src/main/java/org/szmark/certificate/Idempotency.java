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

/**
 * Idempotency-Key handling for writes: the work and the record of its response commit together, so a
 * retry either finds the first response or finds nothing was done. The same key with a different
 * request is a conflict.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject Clock clock;

    /** What a write produced: status and entity, before it is turned into a response. */
    public record Outcome(int status, Object entity) {}

    /**
     * @param change the write, in a transaction of its own
     * @param answer the response to it. Without a key it is made after the change committed, in a
     *     read transaction, so the log lock the change took is not held while the answer is put together;
     *     with a key it is made and stored in the change's transaction, so a retry gets exactly it.
     */
    public <T> Response run(Actor actor, String key, String method, String path, Object request, Supplier<T> change,
                            java.util.function.Function<T, Outcome> answer) {
        Supplier<Outcome> work = () -> answer.apply(change.get());
        if (key == null) {
            T done = QuarkusTransaction.requiringNew().call(change::get);
            Outcome o = QuarkusTransaction.requiringNew().call(() -> answer.apply(done));
            return Response.status(o.status()).entity(o.entity()).type(MediaType.APPLICATION_JSON).build();
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > ' ' && c <= '~')) {
            throw InvalidInput.field(HEADER, "must be 1 to 200 printable ASCII characters without spaces");
        }
        String hash = hash(method, path, request);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<IdempotencyRecord> existing = find(actor, key);
                if (existing.isPresent()) return replay(existing.get(), hash);
                Outcome o = work.get();
                IdempotencyRecord r = new IdempotencyRecord();
                r.accountId = actor.accountId();
                r.key = key;
                r.requestHash = hash;
                r.responseStatus = o.status();
                r.responseBody = json.writeValueAsString(o.entity());
                r.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                em.persist(r);
                em.flush();
                return Response.status(o.status()).entity(r.responseBody).type(MediaType.APPLICATION_JSON).build();
            });
        } catch (RuntimeException e) {
            if (!Persistence.isConstraintViolation(e)) throw e;
            // A concurrent request with the same key committed first: answer as a retry would be answered.
            return QuarkusTransaction.requiringNew().call(() -> replay(find(actor, key).orElseThrow(() -> e), hash));
        }
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

    private static Response replay(IdempotencyRecord r, String hash) {
        if (!r.requestHash.equals(hash)) {
            throw new Conflict("idempotency-key-reused", "This Idempotency-Key was used for a different request");
        }
        return Response.status(r.responseStatus).entity(r.responseBody).type(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true").build();
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
